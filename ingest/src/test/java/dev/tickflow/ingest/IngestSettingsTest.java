package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.ingest.binance.BinanceSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void defaultsSimulateTwoSymbolsInRealTime() {
        IngestSettings settings = IngestTestSupport.settings(Map.of());
        assertThat(settings.source()).isEqualTo("simulate");
        assertThat(settings.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(settings.simulatorSpeed()).isEqualTo(1.0);
        assertThat(settings.simulatorStart()).isEmpty();
        assertThat(settings.replaySpeed()).isZero();
        assertThat(settings.giveUp().toMillis()).isEqualTo(IngestSettings.DEFAULT_GIVE_UP_MS);
        assertThat(settings.followControl()).isTrue();
        assertThat(settings.watermarkInterval().toMillis()).isEqualTo(500);
        assertThat(settings.topics().trades().name()).isEqualTo("md.trades");
        assertThat(settings.topics().symbolCommands().name()).isEqualTo("control.symbols");
        assertThat(IngestSettings.definition().defaultValues()).containsEntry("http.port", 8091);
    }

    @Test
    void readsEveryKey() {
        IngestSettings settings = IngestTestSupport.settings(Map.of(
                "ingest.source", "replay", "ingest.symbols", "xrpeth", "ingest.simulator.seed", "9",
                "ingest.simulator.speed", "60", "ingest.simulator.start", "2024-01-01T00:00:00Z",
                "ingest.replay.files", "a.csv,b.zip", "ingest.replay.speed", "10", "ingest.give.up.ms", "5000",
                "ingest.watermark.interval.ms", "250"));
        assertThat(settings.source()).isEqualTo("replay");
        assertThat(settings.symbols()).containsExactly("XRPETH");
        assertThat(settings.simulatorSeed()).isEqualTo(9);
        assertThat(settings.simulatorSpeed()).isEqualTo(60);
        assertThat(settings.simulatorStart()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(settings.replayFiles()).containsExactly(Path.of("a.csv"), Path.of("b.zip"));
        assertThat(settings.replaySpeed()).isEqualTo(10);
        assertThat(settings.giveUp().toMillis()).isEqualTo(5_000);
        assertThat(settings.watermarkInterval().toMillis()).isEqualTo(250);
    }

    @Test
    void theBinanceSourceTakesItsKeysFromTheIngestConfiguration() {
        IngestSettings settings = IngestTestSupport.settings(Map.of(
                "ingest.source", "binance", "ingest.binance.stream.url", "ws://127.0.0.1:1",
                "ingest.binance.rest.url", "http://127.0.0.1:1", "ingest.binance.silence.timeout.ms", "7000"));

        assertThat(settings.binance().streamUrl()).isEqualTo("ws://127.0.0.1:1");
        assertThat(settings.binance().restUrl()).isEqualTo("http://127.0.0.1:1");
        try (TradeSource source = TradeSources.create(settings, () -> { })) {
            assertThat(source).isInstanceOf(BinanceSource.class);
        }
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> IngestTestSupport.settings(Map.of("ingest.source", "kraken"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.source");
        assertThatThrownBy(() -> IngestTestSupport.settings(Map.of("ingest.symbols", "BTC-USDT"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.symbols");
        assertThatThrownBy(() -> IngestTestSupport.settings(Map.of("ingest.simulator.start", "yesterday")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.simulator.start");
        assertThatThrownBy(() -> IngestTestSupport.settings(Map.of("ingest.simulator.speed", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.simulator.speed");
    }
}
