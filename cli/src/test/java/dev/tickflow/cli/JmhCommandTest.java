package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** tickflow bench jmh finds the micro-benchmarks on the CLI's class path and passes JMH's command line on; nothing here runs one. */
class JmhCommandTest {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @Test
    void listsEveryMicroBenchmark() {
        assertThat(tickflow.execute("bench", "jmh", "-l")).isZero();

        assertThat(tickflow.out.toString()).contains(
                "dev.tickflow.bench.jmh.AggregationBenchmark.acceptTrade",
                "dev.tickflow.bench.jmh.AggregationBenchmark.deserializeTrade",
                "dev.tickflow.bench.jmh.IngestBenchmark.generateTrade",
                "dev.tickflow.bench.jmh.IngestBenchmark.writeTrades",
                "dev.tickflow.bench.jmh.AggTradeParserBenchmark.parseStreamMessage",
                "dev.tickflow.bench.jmh.AggTradeParserBenchmark.parseRestPage");
    }

    @Test
    void selectsTheBenchmarksByRegularExpressionWithTheirParameters() {
        assertThat(tickflow.execute("bench", "jmh", "-lp", "Aggregation.*accept")).isZero();

        assertThat(tickflow.out.toString())
                .contains("AggregationBenchmark.acceptTrade", "param \"symbols\" = {100, 1000}", "param \"states\" = {memory, encoded}")
                .doesNotContain("deserializeTrade", "IngestBenchmark", "AggTradeParserBenchmark");
    }

    @Test
    void anOptionJmhDoesNotKnowIsAUsageError() {
        assertThat(tickflow.execute("bench", "jmh", "-no-such-option")).isEqualTo(2);

        assertThat(tickflow.err.toString()).contains("JMH: ");
    }

    @Test
    void aRegularExpressionThatMatchesNoBenchmarkFails() {
        assertThat(tickflow.execute("bench", "jmh", "NoSuchBenchmark")).isEqualTo(1);

        assertThat(tickflow.err.toString()).contains("tickflow: JMH: no benchmark matches [NoSuchBenchmark]");
    }
}
