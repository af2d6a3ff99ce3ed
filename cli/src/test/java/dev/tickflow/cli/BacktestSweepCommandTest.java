package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickflow backtest --sweep} end to end on a written klines file. */
class BacktestSweepCommandTest {
    @TempDir
    Path dir;

    private final CapturedTickflow tickflow = new CapturedTickflow();

    @Test
    void sweepWritesTheRankedTableHeatMapAndWalkForward() throws IOException {
        Path klines = klines(240);
        Path outDir = dir.resolve("out");

        int exit = run("--klines", klines.toString(), "--symbol", "BTCUSDT", "--out", outDir.toString(), "--sweep", "sma=6:14:4",
                "--sweep", "ema=2,4", "--sweep", "stop-loss=0.01,1.5", "--rank-by", "sharpe", "--threads", "2", "--walk-forward", "2");

        assertThat(exit).as(tickflow.err.toString()).isZero();
        List<String> ranked = Files.readAllLines(outDir.resolve("sweep.csv"));
        assertThat(ranked.get(0)).isEqualTo("rank,sma,ema,stop-loss,net_pnl,total_return,sharpe,max_drawdown,trades,win_rate,fees");
        assertThat(ranked).hasSize(7);
        assertThat(ranked.subList(1, 7)).allSatisfy(row -> assertThat(row).contains(",0.01,"));
        assertThat(Files.readAllLines(outDir.resolve("sweep-skipped.csv"))).hasSize(7).last().asString()
                .contains("Invalid value '1.5' for strategy.A.stop-loss");
        assertThat(Files.readString(outDir.resolve("heatmap.svg"))).startsWith("<svg").contains("sma=14").contains("ema=4");
        assertThat(Files.readString(outDir.resolve("sweep.html"))).contains("<svg").contains("Walk-forward (rolling, 2 folds)");
        assertThat(Files.readAllLines(outDir.resolve("walk-forward.csv"))).hasSize(3);
        assertThat(tickflow.out.toString()).contains("sets:         12 in the grid, 6 run, 6 skipped").contains("skipped:      6 x Invalid value '1.5'")
                .contains("ranked by sharpe").contains("walk-forward (rolling, 2 folds");
        assertThat(tickflow.err.toString()).contains("sweep: 20/20 runs (100.0%)");
    }

    @Test
    void badSpecNamesTheParameterAndTheForms() throws IOException {
        int exit = run("--klines", klines(20).toString(), "--symbol", "BTCUSDT", "--out", dir.resolve("out").toString(), "--sweep", "sma=5:x:5");

        assertThat(exit).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("--sweep sma=5:x:5: TO of sma is not a number: 'x'").contains("NAME=FROM:TO:STEP");
    }

    @Test
    void unknownParameterListsTheStrategySettings() throws IOException {
        int exit = run("--klines", klines(20).toString(), "--symbol", "BTCUSDT", "--out", dir.resolve("out").toString(), "--sweep", "entry=10,20");

        assertThat(exit).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("entry is no setting of the sma-ema-crossover strategy of instance A; its settings are [ema, sma, stop-loss, stop-trigger]");
    }

    @Test
    void sweepOptionsWithoutSweepAreRefused() throws IOException {
        int exit = run("--klines", klines(20).toString(), "--symbol", "BTCUSDT", "--out", dir.resolve("out").toString(), "--walk-forward", "3");

        assertThat(exit).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("add --sweep NAME=SPEC");
    }

    @Test
    void limitOrdersOverKlinesAreRefusedNamingTheSetting() throws IOException {
        Path config = Files.writeString(dir.resolve("limit.properties"), "executor.order.type=LIMIT\n");

        int exit = run("--klines", klines(20).toString(), "--symbol", "BTCUSDT", "--out", dir.resolve("out").toString(), "--config", config.toString(),
                "--sweep", "sma=5,10");

        assertThat(exit).isNotZero();
        assertThat(tickflow.err.toString()).contains("executor.order.type=LIMIT").contains("executor.order.type=MARKET").contains("single backtests");
        assertThat(dir.resolve("out").resolve("sweep.csv")).doesNotExist();
    }

    /** 1m klines in the short layout, closes on a wave around 100. */
    private Path klines(int count) throws IOException {
        StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (int i = 0; i < count; i++) {
            String close = String.format(Locale.ROOT, "%.2f", 100 + 6 * Math.sin(2 * Math.PI * i / 29) + 2 * Math.sin(2 * Math.PI * i / 7));
            csv.append(i * 60_000L).append(',').append(close).append(',').append(close).append(',').append(close).append(',').append(close).append(",1\n");
        }
        return Files.writeString(dir.resolve("klines-" + count + ".csv"), csv.toString());
    }

    private int run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "backtest";
        System.arraycopy(args, 0, command, 1, args.length);
        return tickflow.execute(command);
    }
}
