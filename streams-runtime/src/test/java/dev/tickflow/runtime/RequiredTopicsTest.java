package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

class RequiredTopicsTest {

    @Test
    void sourcesAreInputsSinksAndTheDeadLetterTopicAreOutputsInternalTopicsAreNeither() {
        StreamsBuilder builder = new StreamsBuilder();
        var trades = builder.stream("md.trades", Consumed.with(Serdes.String(), Serdes.String()));
        trades.filter((key, value) -> value.startsWith("late")).to("md.trades.late", Produced.with(Serdes.String(), Serdes.String()));
        trades.groupBy((key, value) -> value, Grouped.with("by-value", Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .mapValues(String::valueOf)
                .to("md.candles.1m", Produced.with(Serdes.String(), Serdes.String()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "md.trades.dlq");

        RequiredTopics topics = RequiredTopics.of(builder.build(), properties);

        assertThat(topics.inputs()).containsExactly("md.trades");
        assertThat(topics.outputs()).containsExactlyInAnyOrder("md.trades.late", "md.candles.1m", "md.trades.dlq");
    }
}
