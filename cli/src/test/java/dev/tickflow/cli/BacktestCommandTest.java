package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.cli.backtest.CandleTopology;
import dev.tickflow.cli.backtest.WindowingTestTopology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The backtest command end to end on a hand-written file, with a stand-in for the aggregation topology. */
class BacktestCommandTest {
    private static final String TRADES = """
            agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match
            1,100.5,2,10,11,1699999801000,True,True
            2,101.25,0.5,12,12,1699999830000,False,True
            3,99.75,1,13,13,1699999860005,false,True
            4,102,3,14,16,1700000100010,true,True
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesOneKlineFilePerInterval() throws IOException {
        Path trades = Files.writeString(dir.resolve("XRPETH-aggTrades-2023-11-14.csv"), TRADES);
        Path outDir = dir.resolve("out");

        int exit = run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "xrpeth", "--out", outDir.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(outDir.resolve("candles-1m.csv"))).isEqualTo("""
                open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
                1699999800000,100.50000000,101.25000000,100.50000000,101.25000000,2.50000000,1699999859999,251.6250000000000000,3,0.50000000,50.6250000000000000,0
                1699999860000,99.75000000,99.75000000,99.75000000,99.75000000,1.00000000,1699999919999,99.7500000000000000,1,1.00000000,99.7500000000000000,0
                1700000100000,102.00000000,102.00000000,102.00000000,102.00000000,3.00000000,1700000159999,306.0000000000000000,3,0.00000000,0.0000000000000000,0
                """);
        // the 5m window of the last trade is incomplete at the end of the data: not emitted
        assertThat(Files.readString(outDir.resolve("candles-5m.csv"))).isEqualTo("""
                open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
                1699999800000,100.50000000,101.25000000,99.75000000,99.75000000,3.50000000,1700000099999,351.3750000000000000,4,1.50000000,150.3750000000000000,0
                """);
        assertThat(Files.readString(outDir.resolve("candles-15m.csv"))).endsWith("""
                1699999200000,100.50000000,101.25000000,99.75000000,99.75000000,3.50000000,1700000099999,351.3750000000000000,4,1.50000000,150.3750000000000000,0
                """);
        assertThat(Files.readAllLines(outDir.resolve("candles-1h.csv"))).hasSize(1);
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("candles-15m.csv", "candles-1h.csv", "candles-1m.csv", "candles-5m.csv");
        }
        assertThat(out.toString())
                .contains("trades:       4")
                .contains("candles:      1m 3, 5m 1, 15m 1, 1h 0")
                .contains("trades/s")
                .contains("written:      " + outDir.resolve("candles-1m.csv"));
    }

    @Test
    void writesTheSameBytesForTheSameInput() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);

        assertThat(run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("a").toString())).isZero();
        assertThat(run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("b").toString())).isZero();

        for (String file : List.of("candles-1m.csv", "candles-5m.csv", "candles-15m.csv", "candles-1h.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void takesIntervalsFromTheConfiguration() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);
        Path config = Files.writeString(dir.resolve("backtest.properties"), "candles.intervals=1m,3m\n");

        int exit = run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString(),
                "--config", config.toString(), "--grace-ms", "0");

        assertThat(exit).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("o"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("candles-1m.csv", "candles-3m.csv");
        }
    }

    @Test
    void reportsAMissingFile() {
        int exit = run(new WindowingTestTopology(), "--trades", dir.resolve("missing.csv").toString(), "--symbol", "XRPETH", "--out", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("tickflow: Trades file " + dir.resolve("missing.csv") + " does not exist" + System.lineSeparator());
    }

    @Test
    void reportsInputWithoutTrades() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES.lines().findFirst().orElseThrow() + "\n");

        int exit = run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: No trades for XRPETH in [" + trades + "]");
        assertThat(dir.resolve("o").resolve("candles-1m.csv")).doesNotExist();
        try (Stream<Path> left = Files.list(dir.resolve("o"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void reportsAnOutputDirectoryThatCannotBeCreated() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);
        Path blocker = Files.writeString(dir.resolve("a-file"), "");

        int exit = run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", blocker.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: Cannot create output directory " + blocker.resolve("out") + ": Not a directory");

        exit = run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", blocker.toString());
        assertThat(err.toString()).contains("tickflow: Output directory " + blocker + " is a file, not a directory");
    }

    @Test
    void stopsAtAMalformedLineOrSkipsItWhenAsked() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES + "5,abc,1,17,17,1700000100020,true,True\n");

        assertThat(run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: " + trades + " line 6: price 'abc' is not a decimal number");

        assertThat(run(new WindowingTestTopology(), "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString(),
                "--skip-malformed")).isZero();
        assertThat(out.toString()).contains("skipped:      1 malformed lines, first: " + trades + " line 6: price 'abc' is not a decimal number");
    }

    @Test
    void explainsATopologyThatIsNotThere() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);
        CandleTopology absent = new CandleTopology() {
            @Override
            public Topology build(AggregateSettings settings) {
                throw new UnsupportedOperationException("being written");
            }

            @Override
            public Map<String, Object> streamsOverrides(AggregateSettings settings) {
                return Map.of();
            }
        };

        assertThat(run(absent, "--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: The candle topology is not available in this build: being written");
    }

    @Test
    void isATickflowCommand() {
        CommandLine tickflow = TickflowCommand.commandLine();
        assertThat(tickflow.getSubcommands()).containsKey("backtest");
        StringWriter usage = new StringWriter();
        tickflow.getSubcommands().get("backtest").usage(new PrintWriter(usage));
        assertThat(usage.toString()).contains("--trades=FILE", "--symbol=SYMBOL", "--out=DIR", "--config=FILE", "--grace-ms=N", "--skip-malformed");
    }

    private int run(CandleTopology topology, String... args) {
        CommandLine commandLine = new CommandLine(new BacktestCommand(topology));
        commandLine.setExecutionExceptionHandler(TickflowCommand::reportError);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
