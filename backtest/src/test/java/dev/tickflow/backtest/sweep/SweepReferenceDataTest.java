package dev.tickflow.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.BacktestResult;
import dev.tickflow.backtest.BacktestRunner;
import dev.tickflow.backtest.CandleBacktest;
import dev.tickflow.backtest.StrategyCandles;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep on Binance's real XRPETH klines: its run of the default parameters is the full backtest's instance A. Skipped without the reference data. */
class SweepReferenceDataTest {
    @TempDir
    Path out;

    @Test
    void sweepOnRealKlinesMatchesTheFullBacktest() {
        Path klines = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-1m-klines.csv");
        StrategySettings base = new StrategySettings(TopicCatalog.defaults(), CandleInterval.ONE_MINUTE,
                StrategyInstances.parse(StrategyInstances.DEFAULTS, StrategyTypes.builtIn()), Map.of());
        ExecutorSettings execution = ExecutorSettings.from(TickflowConfig.load(Optional.empty(), Map.of(), ExecutorSettings.definition()));
        BacktestRequest request = new BacktestRequest(BacktestRequest.Input.KLINES, List.of(klines), "XRPETH", out, base.topics(), Duration.ofSeconds(5),
                MalformedLinePolicy.FAIL, Duration.ofHours(1), base, execution, Account.DEFAULT);
        StringWriter progress = new StringWriter();

        StrategyCandles candles = CandleBacktest.strategyCandles(request, new PrintWriter(progress));
        SweepStrategy strategy = new SweepStrategy(StrategyInstances.DEFAULTS, "A", StrategyTypes.builtIn(), base, execution, Account.DEFAULT, "XRPETH");
        SweepRequest sweep = new SweepRequest(SweepTest.grid("sma=10,20", "ema=5,8"), RankMetric.NET_PNL, 2, null, null, 2, Duration.ofHours(1));
        SweepReport report = Sweep.run(strategy, "XRPETH", candles, sweep, new PrintWriter(progress), System::nanoTime);

        assertThat(report.candles()).isEqualTo(3_560);
        assertThat(report.ranked()).hasSize(4);
        assertThat(report.folds()).hasSize(2);
        BacktestResult full = new BacktestRunner(new PrintWriter(new StringWriter())).run(request);
        RunMetrics defaults = report.ranked().stream().filter(r -> r.set().label().equals("sma=10 ema=5")).findFirst().orElseThrow().metrics();
        assertThat(defaults).isEqualTo(RunMetrics.of(full.strategy().reports().get("XRPETH").get(0)));
        assertThat(defaults.trades()).isPositive();
        // 4 sets over the whole period, 4 per fold in sample, the best per fold out of sample
        assertThat(progress.toString()).contains("sweep: 14/14 runs (100.0%)");
    }
}
