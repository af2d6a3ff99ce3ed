package dev.tickflow.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** JMH's generated list of benchmarks, which its runner reads from the class path, names every micro-benchmark. */
class BenchmarkListTest {

    private final OutputFormat silent = OutputFormatFactory.createFormatInstance(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);

    @Test
    void theGeneratedBenchmarkListNamesTheMicroBenchmarks() {
        Set<BenchmarkListEntry> entries = BenchmarkList.defaultList().getAll(silent, List.of());

        assertThat(entries).extracting(BenchmarkListEntry::getUsername).containsExactlyInAnyOrder(
                AggregationBenchmark.class.getName() + ".acceptTrade",
                AggregationBenchmark.class.getName() + ".deserializeTrade",
                IngestBenchmark.class.getName() + ".generateTrade",
                IngestBenchmark.class.getName() + ".writeTrades",
                AggTradeParserBenchmark.class.getName() + ".parseStreamMessage",
                AggTradeParserBenchmark.class.getName() + ".parseRestPage");
    }

    @Test
    void theAggregationIsMeasuredPerSymbolCountAndStateKeeping() {
        BenchmarkListEntry acceptTrade = BenchmarkList.defaultList().find(silent, List.of("AggregationBenchmark.acceptTrade"), List.of()).first();

        assertThat(acceptTrade.getParams().get()).containsOnlyKeys("symbols", "states");
    }
}
