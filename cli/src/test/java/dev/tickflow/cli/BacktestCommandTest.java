package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.backtest.ExecutionFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The backtest command end to end on hand-written files. */
class BacktestCommandTest {
    private static final String TRADES = """
            agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match
            1,100.5,2,10,11,1699999801000,True,True
            2,101.25,0.5,12,12,1699999830000,False,True
            3,99.75,1,13,13,1699999860005,false,True
            4,102,3,14,16,1700000100010,true,True
            """;

    /** Falls, rises (cross up), falls (cross down): short layout, times from the epoch. */
    private static final String KLINES = """
            open_time,open,high,low,close,volume
            0,10,10,10,10,1
            60000,10,10,9,9,1
            120000,9,9,8,8,1
            180000,8,8,7,7,1
            240000,7,9,7,9,1
            300000,9,11,9,11,1
            360000,11,12,11,12,1
            420000,12,12,9,9,1
            480000,9,9,7,7,1
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesOneKlineFilePerInterval() throws IOException {
        Path trades = Files.writeString(dir.resolve("XRPETH-aggTrades-2023-11-14.csv"), TRADES);
        Path outDir = dir.resolve("out");

        int exit = run("--trades", trades.toString(), "--symbol", "xrpeth", "--out", outDir.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(outDir.resolve("candles-1m.csv"))).isEqualTo("""
                open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
                1699999800000,100.50000000,101.25000000,100.50000000,101.25000000,2.50000000,1699999859999,251.6250000000000000,3,0.50000000,50.6250000000000000,0
                1699999860000,99.75000000,99.75000000,99.75000000,99.75000000,1.00000000,1699999919999,99.7500000000000000,1,1.00000000,99.7500000000000000,0
                1699999920000,99.75000000,99.75000000,99.75000000,99.75000000,0.00000000,1699999979999,0.0000000000000000,0,0.00000000,0.0000000000000000,0
                1699999980000,99.75000000,99.75000000,99.75000000,99.75000000,0.00000000,1700000039999,0.0000000000000000,0,0.00000000,0.0000000000000000,0
                1700000040000,99.75000000,99.75000000,99.75000000,99.75000000,0.00000000,1700000099999,0.0000000000000000,0,0.00000000,0.0000000000000000,0
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
                    .containsExactly("candles-15m.csv", "candles-1h.csv", "candles-1m.csv", "candles-5m.csv", "fills.csv", "indicators.csv",
                            "orders.csv", "report.html", "report.json", "signals.csv");
        }
        // the strategies ran on the six 1m candles (three of them flat): the SMA(10) still warming up, the EMA(5) from the fifth
        assertThat(Files.readAllLines(outDir.resolve("indicators.csv"))).containsExactly("instance,symbol,open_time,close,sma,ema",
                "A,XRPETH,1699999800000,101.25000000,,", "B,XRPETH,1699999800000,101.25000000,,",
                "A,XRPETH,1699999860000,99.75000000,,", "B,XRPETH,1699999860000,99.75000000,,",
                "A,XRPETH,1699999920000,99.75000000,,", "B,XRPETH,1699999920000,99.75000000,,",
                "A,XRPETH,1699999980000,99.75000000,,", "B,XRPETH,1699999980000,99.75000000,,",
                "A,XRPETH,1700000040000,99.75000000,,100.0500000000000000", "B,XRPETH,1700000040000,99.75000000,,100.0500000000000000",
                "A,XRPETH,1700000100000,102.00000000,,100.7000000000000000", "B,XRPETH,1700000100000,102.00000000,,100.7000000000000000");
        assertThat(Files.readAllLines(outDir.resolve("signals.csv"))).containsExactly(
                "instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id");
        assertThat(out.toString())
                .contains("signals:      A 0, B 0")
                .contains("written:      " + outDir.resolve("signals.csv"))
                .contains("trades:       4")
                .contains("candles:      1m 6, 5m 1, 15m 1, 1h 0")
                .contains("trades/s")
                .contains("written:      " + outDir.resolve("candles-1m.csv"));
    }

    @Test
    void writesTheSameBytesForTheSameInput() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);

        assertThat(run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("a").toString())).isZero();
        assertThat(err.toString()).contains("trade cache: 0 file(s) read from it without parsing, 1 written");
        assertThat(run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("b").toString())).isZero();
        assertThat(err.toString()).as("the second run reads the cache").contains("trade cache: 1 file(s) read from it without parsing, 0 written");
        err.getBuffer().setLength(0);
        assertThat(run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("c").toString(), "--no-cache")).isZero();
        assertThat(err.toString()).doesNotContain("trade cache");

        for (String file : List.of("candles-1m.csv", "candles-5m.csv", "candles-15m.csv", "candles-1h.csv", "signals.csv", "fills.csv", "report.json")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
            assertThat(Files.readAllBytes(dir.resolve("c").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void takesIntervalsFromTheConfiguration() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);
        Path config = Files.writeString(dir.resolve("backtest.properties"), "candles.intervals=1m,3m\n");

        int exit = run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString(),
                "--config", config.toString(), "--grace-ms", "0");

        assertThat(exit).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("o"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("candles-1m.csv", "candles-3m.csv", "fills.csv", "indicators.csv", "orders.csv", "report.html", "report.json",
                            "signals.csv");
        }
    }

    @Test
    void reportsAMissingFile() {
        int exit = run("--trades", dir.resolve("missing.csv").toString(), "--symbol", "XRPETH", "--out", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("tickflow: Trades file " + dir.resolve("missing.csv") + " does not exist" + System.lineSeparator());
    }

    @Test
    void reportsInputWithoutTrades() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES.lines().findFirst().orElseThrow() + "\n");

        int exit = run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString());

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

        int exit = run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", blocker.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: Cannot create output directory " + blocker.resolve("out") + ": Not a directory");

        exit = run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", blocker.toString());
        assertThat(err.toString()).contains("tickflow: Output directory " + blocker + " is a file, not a directory");
    }

    @Test
    void runsEverySymbolOfADirectoryOfBinanceZipsWithoutSymbol() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        zip(input.resolve("XRPETH-aggTrades-2023-11.zip"), "XRPETH-aggTrades-2023-11.csv", TRADES);
        zip(input.resolve("LTCETH-aggTrades-2023-11-14.zip"), "LTCETH-aggTrades-2023-11-14.csv",
                TRADES.lines().skip(1).map(line -> line + "\n").reduce("", String::concat));
        Path outDir = dir.resolve("out");

        int exit = run("--trades", input.toString(), "--out", outDir.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(outDir.resolve("LTCETH/candles-1m.csv")).hasSameTextualContentAs(outDir.resolve("XRPETH/candles-1m.csv"));
        assertThat(outDir.resolve("candles-1m.csv")).doesNotExist();
        assertThat(Files.readString(outDir.resolve("report.json"))).contains("{\"symbol\": \"LTCETH\", \"quote_asset\": \"ETH\", \"trades\": 4");
        assertThat(out.toString()).contains("trades:       8 (LTCETH 4, XRPETH 4)", "LTCETH:", "XRPETH:")
                .containsPattern("(?m)^total +8 +12 +0 +0 +0 ");
        assertThat(run("--trades", dir.resolve("input/../input").toString(), "--symbol", "XRPETH", "--out", outDir.toString()))
                .as("--symbol says every file is of that symbol").isEqualTo(1);
        assertThat(err.toString()).contains("is named for LTCETH, not XRPETH");
    }

    private static void zip(Path file, String entry, String text) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    @Test
    void stopsAtAMalformedLineOrSkipsItWhenAsked() throws IOException {
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES + "5,abc,1,17,17,1700000100020,true,True\n");

        assertThat(run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: " + trades + " line 6: price 'abc' is not a decimal number")
                .contains("Fix or remove that line, or skip and count such lines with --skip-malformed");

        assertThat(run("--trades", trades.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString(),
                "--skip-malformed")).isZero();
        assertThat(out.toString()).contains("skipped:      1 malformed lines, first: " + trades + " line 6: price 'abc' is not a decimal number");
    }

    @Test
    void isATickflowCommand() {
        CommandLine tickflow = TickflowCommand.commandLine();
        assertThat(tickflow.getSubcommands()).containsKey("backtest");
        StringWriter usage = new StringWriter();
        tickflow.getSubcommands().get("backtest").usage(new PrintWriter(usage));
        assertThat(usage.toString()).contains("--trades=FILE", "--klines=FILE", "--symbol=SYMBOL", "--out=DIR", "--config=FILE", "--grace-ms=N",
                "--skip-malformed", "--sma=N", "--ema=N", "--stop-loss=X");
    }

    @Test
    void runsTheStrategiesOnKlinesWithOverriddenParameters() throws IOException {
        Path klines = Files.writeString(dir.resolve("XRPETH-1m-klines.csv"), KLINES);
        Path outDir = dir.resolve("out");

        int exit = run("--klines", klines.toString(), "--symbol", "XRPETH", "--out", outDir.toString(),
                "--sma", "3", "--ema", "2", "--stop-loss", "0.5");

        assertThat(exit).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("fills.csv", "indicators.csv", "orders.csv", "report.html", "report.json", "signals.csv");
        }
        List<String> indicators = Files.readAllLines(outDir.resolve("indicators.csv"));
        assertThat(indicators).hasSize(1 + 2 * 9);
        String report = Files.readString(outDir.resolve("report.json"));
        assertThat(report).contains("\"symbol\": \"XRPETH\"", "\"A\": {", "\"B\": {", "\"start_equity\": 10000", "\"candles\": 9");
        assertThat(out.toString()).contains("instance", "win_rate", "written:      " + outDir.resolve("report.html"));
        // SMA(3) from the third close, EMA(2) from the second
        assertThat(indicators.subList(1, 7)).containsExactly("A,XRPETH,0,10.00000000,,", "B,XRPETH,0,10.00000000,,",
                "A,XRPETH,60000,9.00000000,,9.5000000000000000", "B,XRPETH,60000,9.00000000,,9.5000000000000000",
                "A,XRPETH,120000,8.00000000,9.0000000000000000,8.5000000000000000",
                "B,XRPETH,120000,8.00000000,9.0000000000000000,8.5000000000000000");
        assertThat(Files.readAllLines(outDir.resolve("signals.csv"))).extracting(line -> line.split(",")[0] + "," + line.split(",")[3]
                + "," + line.split(",")[4]).containsExactly("instance,target,reason", "A,LONG,CROSS_UP", "B,LONG,CROSS_UP",
                "A,FLAT,CROSS_DOWN", "B,FLAT,CROSS_DOWN");
        assertThat(out.toString()).contains("klines:       9", "signals:      A 2, B 2", "klines/s", "orders:       4 (0 rejected), fills 4");
        // every signal is a MARKET order of the paper executor, filled at the signal's price and time
        assertThat(ExecutionFiles.assertConsistent(outDir, new BigDecimal("0.001"))).containsExactly(Map.entry("A", 2), Map.entry("B", 2));
        String[] buy = Files.readAllLines(outDir.resolve("fills.csv")).get(1).split(",");
        assertThat(new BigDecimal(buy[7])).as("XRPETH's default size: 0.01 ETH of XRP, rounded down")
                .isEqualByComparingTo(new BigDecimal("0.01").divide(new BigDecimal(buy[6]), 8, java.math.RoundingMode.DOWN));
        assertThat(buy[9]).isEqualTo("ETH");
    }

    @Test
    void aRestingLimitOrderFillsOnALaterTradeAndTheFillReachesTheReport() throws IOException {
        // the closes of KLINES, each minute's last trade; 10 s into every minute a trade at half the price
        StringBuilder trades = new StringBuilder();
        long start = 1_699_999_800_000L;
        String[] closes = {"10", "9", "8", "7", "9", "11", "12", "9", "7"};
        for (int minute = 0; minute < closes.length; minute++) {
            BigDecimal close = new BigDecimal(closes[minute]);
            long dip = start + minute * 60_000L + 10_000;
            trades.append(2 * minute + 1).append(',').append(close.divide(new BigDecimal("2")).toPlainString()).append(",1,").append(2 * minute + 1)
                    .append(',').append(2 * minute + 1).append(',').append(dip).append(",True,True\n");
            trades.append(2 * minute + 2).append(',').append(close.toPlainString()).append(",1,").append(2 * minute + 2).append(',')
                    .append(2 * minute + 2).append(',').append(dip + 40_000).append(",False,True\n");
        }
        Path file = Files.writeString(dir.resolve("XRPETH-aggTrades-2023-11-14.csv"), trades.toString());
        // the dips to half the price would stop A and B out on the candle's low: here the stops look at the close only
        Path instances = Files.writeString(dir.resolve("instances.properties"), """
                strategy.instances=A,B
                strategy.A.type=sma-ema-crossover
                strategy.A.symbols=*
                strategy.A.sma=3
                strategy.A.ema=2
                strategy.A.stop-loss=0.15
                strategy.A.stop-trigger=close
                strategy.B.type=sma-ema-crossover
                strategy.B.symbols=*
                strategy.B.sma=3
                strategy.B.ema=2
                strategy.B.stop-loss=0.10
                strategy.B.stop-trigger=close
                """);
        Path config = Files.writeString(dir.resolve("limit.properties"), """
                executor.order.type=LIMIT
                executor.order.limit.offset.bps=10
                executor.order.limit.expiry.ms=0
                strategy.instances.file=%s
                """.formatted(instances));
        Path outDir = dir.resolve("out");

        int exit = run("--trades", file.toString(), "--symbol", "XRPETH", "--out", outDir.toString(),
                "--config", config.toString(), "--sma", "3", "--ema", "2");

        assertThat(exit).as(err.toString()).isZero();
        List<String[]> signals = Files.readAllLines(outDir.resolve("signals.csv")).stream().skip(1).map(line -> line.split(",", -1)).toList();
        String[] entry = signals.get(0);
        assertThat(entry[3]).isEqualTo("LONG");
        BigDecimal limit = new BigDecimal(entry[5]).multiply(new BigDecimal("0.999")).setScale(8, java.math.RoundingMode.FLOOR);
        // the next minute's dip closes the entry's candle (10 s > the 5 s grace), so it reaches the executor before the signal,
        // as live: the first trade through the limit after the order is the dip of the minute after
        long dipAfterEntry = Long.parseLong(entry[2]) + 2 * 60_000 + 10_000;
        List<String[]> fills = Files.readAllLines(outDir.resolve("fills.csv")).stream().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(fills).as("the BUYs of A and B; the SELLs rest above the market; orders:%n%s", Files.readString(outDir.resolve("orders.csv")))
                .hasSize(2);
        for (String[] fill : fills) {
            assertThat(fill[2]).isEqualTo(Long.toString(dipAfterEntry));
            assertThat(fill[5]).isEqualTo("BUY");
            assertThat(new BigDecimal(fill[6])).as("at the limit price").isEqualByComparingTo(limit);
        }
        List<String> statuses = Files.readAllLines(outDir.resolve("orders.csv")).stream().skip(1)
                .map(line -> line.split(",", -1)).filter(row -> row[0].equals("A")).map(row -> row[5] + " " + row[7]).toList();
        assertThat(statuses).containsExactly("BUY NEW", "BUY FILLED", "SELL NEW");
        assertThat(out.toString()).contains("orders:       4 (0 rejected), fills 2");
        assertThat(Files.readString(outDir.resolve("report.json"))).as("the fills reached the accounts").contains("\"open_at_end\": true")
                .doesNotContain("\"open_at_end\": false");
    }

    @Test
    void appliesTheExecutorKeysOfTheConfiguration() throws IOException {
        Path klines = Files.writeString(dir.resolve("XRPETH-1m-klines.csv"), KLINES);
        Path config = Files.writeString(dir.resolve("backtest.properties"), """
                executor.order.quantities=XRPETH=2
                executor.paper.fee.rate=0.002
                """);
        Path outDir = dir.resolve("out");

        int exit = run("--klines", klines.toString(), "--symbol", "XRPETH", "--out", outDir.toString(),
                "--config", config.toString(), "--sma", "3", "--ema", "2");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(ExecutionFiles.assertConsistent(outDir, new BigDecimal("0.002"))).containsOnlyKeys("A", "B");
        List<String> orders = Files.readAllLines(outDir.resolve("orders.csv"));
        assertThat(orders.subList(1, orders.size())).extracting(line -> line.split(",", -1)[9]).as("2 XRP per order").containsOnly("2.00000000");
        assertThat(Files.readString(outDir.resolve("report.json"))).contains("\"fee_rate\": 0.002");
    }

    @Test
    void takesTheInstancesFromTheConfiguredFile() throws IOException {
        Path klines = Files.writeString(dir.resolve("klines.csv"), KLINES);
        Path instances = Files.writeString(dir.resolve("instances.properties"), """
                strategy.instances=fast
                strategy.fast.type=sma-ema-crossover
                strategy.fast.sma=3
                strategy.fast.ema=2
                """);
        Path config = Files.writeString(dir.resolve("backtest.properties"), "strategy.instances.file=" + instances + "\n");

        int exit = run("--klines", klines.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString(),
                "--config", config.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("signals:      fast 2");
        assertThat(Files.readAllLines(dir.resolve("o/signals.csv"))).hasSize(3).allMatch(line -> line.startsWith("instance") || line.startsWith("fast,"));
    }

    @Test
    void refusesBadOverridesAndInputChoices() throws IOException {
        Path klines = Files.writeString(dir.resolve("klines.csv"), KLINES);
        Path trades = Files.writeString(dir.resolve("trades.csv"), TRADES);

        assertThat(run("--klines", klines.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString(),
                "--sma", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tickflow: configuration error: Invalid strategy configuration with --sma/--ema/--stop-loss: "
                + "Invalid value '0' for strategy.A.sma: must be a whole number from 1 to 10000");

        assertThat(run("--klines", klines.toString(), "--trades", trades.toString(), "--symbol", "XRPETH",
                "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
        assertThat(run("--symbol", "XRPETH", "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument");
    }

    @Test
    void reportsKlinesWithoutData() throws IOException {
        Path klines = Files.writeString(dir.resolve("klines.csv"), "open_time,open,high,low,close,volume\n");

        assertThat(run("--klines", klines.toString(), "--symbol", "XRPETH", "--out", dir.resolve("o").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("tickflow: No klines in [" + klines + "]");
        try (Stream<Path> left = Files.list(dir.resolve("o"))) {
            assertThat(left).isEmpty();
        }
    }

    /** Runs the command with the trade cache in the test's directory (not the user's) unless the arguments say otherwise. */
    private int run(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (!arguments.contains("--no-cache") && !arguments.contains("--cache-dir")) {
            arguments.addAll(List.of("--cache-dir", dir.resolve("trade-cache").toString()));
        }
        CommandLine commandLine = new CommandLine(new BacktestCommand());
        commandLine.setExecutionExceptionHandler(TickflowCommand::reportError);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments.toArray(String[]::new));
    }
}
