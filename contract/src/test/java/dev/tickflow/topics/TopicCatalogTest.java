package dev.tickflow.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Trade;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    @Test
    void namesEveryTopicOfTheBrief() {
        assertThat(TopicCatalog.defaults().all()).extracting(TopicSpec::name).containsExactly(
                "md.trades", "md.trades.late", "md.trades.dlq", "md.candles.1m", "md.candles.5m", "md.candles.15m", "md.candles.1h",
                "strategy.indicators", "strategy.signals", "oms.orders", "oms.fills", "oms.positions", "control.symbols",
                "control.operator", "ops.events");
    }

    @Test
    void carriesKeysValuesAndPolicies() {
        TopicCatalog catalog = TopicCatalog.defaults();

        assertThat(catalog.trades().valueType()).contains(Trade.class);
        assertThat(catalog.candles(CandleInterval.parse("5m")).valueType()).contains(Candle.class);
        assertThat(catalog.tradesDlq().valueType()).isEmpty();
        assertThat(catalog.positions().valueType()).contains(Position.class);
        assertThat(catalog.positions().configs()).containsEntry("cleanup.policy", "compact");
        assertThat(catalog.symbolCommands().configs()).containsEntry("cleanup.policy", "compact");
        assertThat(catalog.symbolCommands().partitions()).isEqualTo(1);
        assertThat(catalog.trades().configs()).containsEntry("retention.ms", String.valueOf(7L * 24 * 3600 * 1000));
        assertThat(catalog.trades().partitions()).isEqualTo(catalog.candles(CandleInterval.ONE_MINUTE).partitions())
                .as("symbol-keyed topics are co-partitioned").isEqualTo(catalog.fills().partitions());
    }

    @Test
    void overridesApplyPerTopicAndGlobally() {
        TickflowConfig config = load(Map.of(
                "TICKFLOW_TOPICS_PARTITIONS", "12",
                "TICKFLOW_TOPICS_REPLICATION_FACTOR", "3",
                "TICKFLOW_TOPIC_MD_TRADES_NAME", "prod.trades",
                "TICKFLOW_TOPIC_MD_TRADES_RETENTION_MS", "3600000",
                "TICKFLOW_TOPIC_MD_TRADES_LATE_PARTITIONS", "2",
                "TICKFLOW_CANDLES_INTERVALS", "1m,30m"));

        TopicCatalog catalog = TopicCatalog.from(config);

        assertThat(catalog.trades().name()).isEqualTo("prod.trades");
        assertThat(catalog.trades().configs()).containsEntry("retention.ms", "3600000");
        assertThat(catalog.trades().partitions()).isEqualTo(12);
        assertThat(catalog.trades().replicationFactor()).isEqualTo((short) 3);
        assertThat(catalog.tradesLate().partitions()).as("md.trades.late.* is not md.trades.*").isEqualTo(2);
        assertThat(catalog.tradesLate().name()).isEqualTo("md.trades.late");
        assertThat(catalog.all()).extracting(TopicSpec::name).contains("md.candles.30m").doesNotContain("md.candles.5m");
    }

    @Test
    void overrideOfAnUnknownTopicIsRejected() {
        TickflowConfig config = load(Map.of("TICKFLOW_TOPIC_MD_TRADEZ_PARTITIONS", "3"));

        assertThatThrownBy(() -> TopicCatalog.from(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.md.tradez.partitions").hasMessageContaining("names no topic");
    }

    @Test
    void badOverrideValuesNameTheKey() {
        assertThatThrownBy(() -> TopicCatalog.from(load(Map.of("TICKFLOW_TOPIC_OMS_FILLS_PARTITIONS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.oms.fills.partitions");
        assertThatThrownBy(() -> TopicCatalog.from(load(Map.of("TICKFLOW_TOPIC_OMS_FILLS_NAME", "bad name!"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.oms.fills.name");
    }

    @Test
    void intervalsAlignToUtcBoundaries() {
        CandleInterval fiveMinutes = CandleInterval.parse("5m");
        Instant trade = Instant.parse("2019-10-11T00:07:59.999Z");

        assertThat(fiveMinutes.openTimeOf(trade)).isEqualTo(Instant.parse("2019-10-11T00:05:00Z"));
        assertThat(fiveMinutes.closeTimeOf(Instant.parse("2019-10-11T00:05:00Z"))).isEqualTo(Instant.parse("2019-10-11T00:09:59.999Z"));
        assertThat(CandleInterval.ONE_MINUTE.openTimeOf(Instant.ofEpochMilli(-1))).isEqualTo(Instant.ofEpochMilli(-60_000));
        assertThatThrownBy(() -> CandleInterval.parse("2m")).hasMessageContaining("1m");
    }

    private static TickflowConfig load(Map<String, String> environment) {
        return TickflowConfig.load(Optional.empty(), environment, CommonConfig.definition("test"));
    }
}
