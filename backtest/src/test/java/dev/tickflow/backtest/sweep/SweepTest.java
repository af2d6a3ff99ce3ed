package dev.tickflow.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.backtest.StrategyCandles;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps over constructed candles, with the default instance A (sma-ema-crossover) as the base. */
class SweepTest {
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    @Test
    void theFastestCrossoverRanksFirstOnAFallThenALongRise() {
        // 30 candles falling from 100 to 71, then 40 rising to 130: sma=3/ema=2 turns long right after the low and holds
        // to the end; sma=10/ema=5 turns later; sma=60 is ready only during the rise, sees no cross and never trades.
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            candles.add(candle(i, BigDecimal.valueOf(100 - i)));
        }
        for (int i = 0; i < 40; i++) {
            candles.add(candle(30 + i, new BigDecimal("71").add(new BigDecimal("1.5").multiply(BigDecimal.valueOf(i + 1)))));
        }
        SweepReport report = sweep(candles, grid("sma=3,10,60", "ema=2,5", "stop-loss=0.05"), RankMetric.NET_PNL, 2, 0);

        assertThat(report.ranked().get(0).set().label()).isEqualTo("sma=3 ema=2 stop-loss=0.05");
        assertThat(report.ranked().get(0).metrics().netPnl()).isPositive();
        assertThat(report.ranked().get(0).metrics().trades()).isZero(); // still long at the end: marked, not a round trip
        SweepRun never = report.ranked().stream().filter(r -> r.set().value("sma").equals("60")).findFirst().orElseThrow();
        assertThat(never.metrics().netPnl()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(report.ranked().subList(4, 6)).extracting(r -> r.set().value("sma")).containsOnly("60");
    }

    @Test
    void sameFilesWhateverTheThreadCount() throws IOException {
        List<Candle> candles = wave(600);
        ParameterGrid grid = grid("sma=6:30:4", "ema=2:10:2", "stop-loss=0.002,0.01");

        SweepReport one = sweep(candles, grid, RankMetric.SHARPE, 1, 3);
        SweepReport four = sweep(candles, grid, RankMetric.SHARPE, 4, 3);

        List<Path> a = SweepFiles.write(one, dir.resolve("one"));
        List<Path> b = SweepFiles.write(four, dir.resolve("four"));
        assertThat(a).extracting(p -> p.getFileName().toString()).containsExactly("sweep.csv", "heatmap.svg", "walk-forward.csv", "sweep.html");
        for (int i = 0; i < a.size(); i++) {
            assertThat(Files.readString(b.get(i))).as(a.get(i).getFileName().toString()).isEqualTo(Files.readString(a.get(i)));
        }
        assertThat(one.ranked()).hasSize(70);
        assertThat(Files.readAllLines(a.get(0))).hasSize(71).first().isEqualTo("rank,sma,ema,stop-loss," + String.join(",", MetricText.COLUMNS));
    }

    @Test
    void setsTheStrategyRefusesAreSkippedAndCountedWithTheReason() {
        SweepReport report = sweep(wave(200), grid("sma=0,10", "stop-loss=0.05,1.0,0.10"), RankMetric.NET_PNL, 2, 0);

        assertThat(report.grid().size()).isEqualTo(6);
        assertThat(report.ranked()).extracting(r -> r.set().label()).containsExactlyInAnyOrder("sma=10 stop-loss=0.05", "sma=10 stop-loss=0.10");
        assertThat(report.skipped()).hasSize(4);
        // sma=0 is refused first, whatever the stop loss
        assertThat(report.skippedByReason()).containsExactly(
                Map.entry("Invalid value '0' for strategy.A.sma: must be a whole number from 1 to 10000", 3),
                Map.entry("Invalid value '1.0' for strategy.A.stop-loss: must be a decimal fraction greater than 0 and less than 1, e.g. 0.15 for 15 %", 1));
        // the heat map's cells of the refused values are empty
        assertThat(report.heatMap().cell(1, 0)).isNull();
        assertThat(report.heatMap().cell(0, 1)).isNotNull();
    }

    @Test
    void aParameterTheStrategyTypeDoesNotHaveIsAnError() {
        assertThatThrownBy(() -> sweep(wave(50), grid("entry=10,20"), RankMetric.NET_PNL, 1, 0))
                .hasMessageContaining("entry is no setting of the sma-ema-crossover strategy of instance A")
                .hasMessageContaining("[ema, sma, stop-loss, stop-trigger]");
    }

    @Test
    void walkForwardPicksTheInSampleBestAndRunsItOutOfSample() {
        List<Candle> candles = wave(400);
        SweepReport report = sweep(candles, grid("sma=6:30:4", "ema=2:10:4"), RankMetric.NET_PNL, 2, 4);

        assertThat(report.folds()).hasSize(4);
        for (FoldResult fold : report.folds()) {
            List<Candle> inSample = candles.subList(fold.fold().inSampleStart(), fold.fold().inSampleEnd());
            SweepReport alone = sweep(inSample, grid("sma=6:30:4", "ema=2:10:4"), RankMetric.NET_PNL, 1, 0);
            assertThat(fold.best()).isEqualTo(alone.ranked().get(0).set());
            assertThat(fold.inSample()).isEqualTo(alone.ranked().get(0).metrics());
            assertThat(fold.outOfSampleFrom()).isEqualTo(candles.get(fold.fold().outOfSampleStart()).getOpenTime().toEpochMilli());
        }
        assertThat(report.folds().get(3).outOfSampleTo()).isEqualTo(candles.get(399).getCloseTime().toEpochMilli());
        assertThat(report.outOfSampleNetPnl())
                .isEqualByComparingTo(report.folds().stream().map(f -> f.outOfSample().netPnl()).reduce(BigDecimal.ZERO, BigDecimal::add));
        // the full sweep plus, per fold, every set in sample and the best out of sample
        assertThat(report.runs()).isEqualTo(21 + 4 * 21 + 4);
    }

    @Test
    void progressShowsRunsDoneTotalAndEta() {
        assertThat(SweepProgress.line(120, 600, 10_000_000_000L)).isEqualTo("sweep: 120/600 runs (20.0%), 12.0 runs/s, ETA 40s");
        assertThat(SweepProgress.formatSeconds(3_725)).isEqualTo("1h02m05s");
        StringWriter out = new StringWriter();
        AtomicLong clock = new AtomicLong();
        SweepProgress progress = new SweepProgress(new PrintWriter(out), Duration.ofSeconds(5), clock::get, 3);
        progress.runDone();
        clock.set(6_000_000_000L);
        progress.runDone();
        progress.runDone();
        assertThat(out.toString().lines()).containsExactly("sweep: 2/3 runs (66.7%), 0.3 runs/s, ETA 3s", "sweep: 3/3 runs (100.0%), 0.5 runs/s, ETA 0s");
    }

    static SweepReport sweep(List<Candle> candles, ParameterGrid grid, RankMetric rankBy, int threads, int folds) {
        StrategySettings base = new StrategySettings(TopicCatalog.defaults(), CandleInterval.ONE_MINUTE,
                StrategyInstances.parse(StrategyInstances.DEFAULTS, StrategyTypes.builtIn()), Map.of());
        ExecutorSettings execution = ExecutorSettings.from(TickflowConfig.load(Optional.empty(), Map.of(), ExecutorSettings.definition()));
        SweepStrategy strategy = new SweepStrategy(StrategyInstances.DEFAULTS, null, StrategyTypes.builtIn(), base, execution, Account.DEFAULT, "BTCUSDT");
        SweepRequest request = new SweepRequest(grid, rankBy, threads, null, null, folds, Duration.ofHours(1));
        return Sweep.run(strategy, "BTCUSDT", StrategyCandles.of(candles), request, new PrintWriter(new StringWriter()), System::nanoTime);
    }

    static ParameterGrid grid(String... specs) {
        return new ParameterGrid(Arrays.stream(specs).map(SweepParameter::parse).toList());
    }

    /** Closes on two overlaid sine waves (periods 37 and 11 candles) around 100, rounded to 2 decimals. */
    static List<Candle> wave(int count) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double close = 100 + 8 * Math.sin(2 * Math.PI * i / 37) + 2 * Math.sin(2 * Math.PI * i / 11);
            candles.add(candle(i, new BigDecimal(close, new MathContext(5))));
        }
        return candles;
    }

    static Candle candle(int index, BigDecimal close) {
        BigDecimal price = close.setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal zero8 = BigDecimal.ZERO.setScale(8);
        BigDecimal zero16 = BigDecimal.ZERO.setScale(16);
        long openTime = 1_700_000_040_000L + index * MINUTE;
        return Candle.newBuilder()
                .setExchange("binance").setSymbol("BTCUSDT").setInterval("1m")
                .setOpenTime(Instant.ofEpochMilli(openTime)).setCloseTime(Instant.ofEpochMilli(openTime + MINUTE - 1))
                .setOpen(price).setHigh(price).setLow(price).setClose(price)
                .setVolume(zero8).setQuoteVolume(zero16).setTradeCount(0).setTakerBuyVolume(zero8).setTakerBuyQuoteVolume(zero16)
                .setFirstTradeId(-1).setLastTradeId(-1).setFilled(false)
                .build();
    }
}
