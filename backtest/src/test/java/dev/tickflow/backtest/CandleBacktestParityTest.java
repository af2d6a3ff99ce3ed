package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.backtest.report.InstanceReport;
import dev.tickflow.backtest.sweep.ParameterGrid;
import dev.tickflow.backtest.sweep.RankMetric;
import dev.tickflow.backtest.sweep.RunMetrics;
import dev.tickflow.backtest.sweep.Sweep;
import dev.tickflow.backtest.sweep.SweepParameter;
import dev.tickflow.backtest.sweep.SweepReport;
import dev.tickflow.backtest.sweep.SweepRequest;
import dev.tickflow.backtest.sweep.SweepStrategy;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep runs ({@link CandleBacktest#run}) over trades give the full backtest's orders, fills and report exactly, with
 * LIMIT and MARKET orders; over klines (no trades) LIMIT orders are refused.
 */
class CandleBacktestParityTest {
    /** Limits 5 bps from the signal price (buys below, sells above), canceled after 3 minutes: some fill, some expire. */
    private static final ExecutorSettings LIMIT = Requests.executor(Map.of(ExecutorSettings.ORDER_TYPE, "LIMIT",
            ExecutorSettings.LIMIT_OFFSET_BPS, "5", ExecutorSettings.LIMIT_EXPIRY_MS, "180000", ExecutorSettings.ORDER_QUANTITIES, "SYNUSDT=0.5"));

    @TempDir
    Path dir;

    @Test
    void klinesWithLimitOrdersAreRefusedBeforeReading() {
        BacktestRequest request = Requests.of(BacktestRequest.Input.KLINES, List.of(dir.resolve("absent.csv")), "BTCUSDT", dir.resolve("out"),
                Duration.ofSeconds(5), Requests.strategies(StrategyOverrides.NONE), LIMIT);

        assertThatThrownBy(() -> CandleBacktest.strategyCandles(request, new PrintWriter(new StringWriter())))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("executor.order.type=LIMIT")
                .hasMessageContaining("executor.order.type=MARKET")
                .hasMessageContaining("single backtests");
    }

    @Test
    void candlesWithoutTradesRefuseLimitOrders() {
        StrategySettings settings = Requests.strategies(StrategyOverrides.NONE);

        assertThatThrownBy(() -> CandleBacktest.run(settings, LIMIT, Requests.of(BacktestRequest.Input.KLINES, dir, "BTCUSDT", dir).account(),
                "BTCUSDT", StrategyCandles.of(List.of()))).isInstanceOf(BacktestException.class).hasMessageContaining("executor.order.type=LIMIT");
    }

    @Test
    void aRunOverSyntheticTradesEqualsTheFullBacktestWithLimitOrders() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve("SYNUSDT-aggTrades-2024-03.csv"), 21L, 900, 5_000L);
        List<OrderEvent> orders = assertSweepRunEqualsFullBacktest(trades, "SYNUSDT", LIMIT);
        assertThat(orders).extracting(OrderEvent::getStatus).contains(OrderStatus.EXPIRED, OrderStatus.FILLED);
    }

    @Test
    void aRunOverTheReferenceTradesEqualsTheFullBacktestWithLimitOrders() {
        Path trades = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");
        List<OrderEvent> orders = assertSweepRunEqualsFullBacktest(trades, "XRPETH", LIMIT);
        assertThat(orders).extracting(OrderEvent::getStatus).contains(OrderStatus.EXPIRED, OrderStatus.FILLED);
    }

    /** The drawdown limit sees the positions marked on every trade, so the halt comes at the same trade. */
    @Test
    void aRunOverSyntheticTradesEqualsTheFullBacktestWithMarketOrdersAndADrawdownHalt() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve("SYNUSDT-aggTrades-2024-03.csv"), 24L, 900, 5_000L);
        ExecutorSettings market = Requests.executor(Map.of(ExecutorSettings.ORDER_QUANTITIES, "SYNUSDT=0.5",
                ExecutorSettings.RISK_MAX_DRAWDOWN, "2"));
        List<OrderEvent> orders = assertSweepRunEqualsFullBacktest(trades, "SYNUSDT", market);
        assertThat(orders).extracting(OrderEvent::getStatus).contains(OrderStatus.FILLED, OrderStatus.REJECTED);
    }

    @Test
    void aSweepWithLimitOrdersGivesTheFullBacktestsMetricsForTheSameParameters() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve("SYNUSDT-aggTrades-2024-03.csv"), 23L, 900, 5_000L);
        Map<String, String> onlyA = new TreeMap<>();
        StrategyInstances.DEFAULTS.forEach((key, value) -> {
            if (!key.startsWith(StrategyInstances.PREFIX + "B.")) {
                onlyA.put(key, value);
            }
        });
        onlyA.put(StrategyInstances.INSTANCES, "A");
        StrategySettings base = Requests.strategies(onlyA, CandleInterval.ONE_MINUTE);
        BacktestRequest request = Requests.of(BacktestRequest.Input.TRADES, List.of(trades), null, dir.resolve("full"), Duration.ofSeconds(5),
                base, LIMIT);
        SweepStrategy strategy = new SweepStrategy(onlyA, "A", StrategyTypes.discover(), base, LIMIT, request.account(), "SYNUSDT");
        ParameterGrid grid = new ParameterGrid(List.of(SweepParameter.parse("sma=10,20"), SweepParameter.parse("ema=5,8")));
        StringWriter progress = new StringWriter();

        SweepReport report = Sweep.run(strategy, "SYNUSDT", CandleBacktest.strategyCandles(request, new PrintWriter(progress)),
                new SweepRequest(grid, RankMetric.NET_PNL, 2, null, null, 2, Duration.ofHours(1)), new PrintWriter(progress), System::nanoTime);

        BacktestResult full = new BacktestRunner(new PrintWriter(new StringWriter())).run(request);
        RunMetrics defaults = report.ranked().stream().filter(r -> r.set().label().equals("sma=10 ema=5")).findFirst().orElseThrow().metrics();
        assertThat(defaults).isEqualTo(RunMetrics.of(full.strategy().reports().get("SYNUSDT").get(0)));
        assertThat(defaults.trades()).isPositive();
        assertThat(report.folds()).hasSize(2);
    }

    @Test
    void consecutiveSlicesShareNoTradeAndMissNone() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve("SYNUSDT-aggTrades-2024-03.csv"), 22L, 120, 5_000L);
        StrategyCandles all = CandleBacktest.strategyCandles(request(trades, LIMIT), new PrintWriter(new StringWriter()));
        int cut = all.size() / 3;

        StrategyCandles first = all.slice(0, cut);
        StrategyCandles second = all.slice(cut, all.size());

        assertThat(first.tradeStart()).isZero();
        assertThat(first.tradeEnd()).isEqualTo(all.tradesReadAt(cut - 1)).isEqualTo(second.tradeStart());
        assertThat(second.tradeEnd()).isEqualTo(all.trades().prices().length);
        assertThat(second.tradesReadAt(0)).isEqualTo(all.tradesReadAt(cut));
        assertThat(second.candles()).isEqualTo(all.candles().subList(cut, all.size()));
    }

    /** Both default instances: every order event, fill and report metric; returns the order events. */
    private List<OrderEvent> assertSweepRunEqualsFullBacktest(Path trades, String symbol, ExecutorSettings executor) {
        BacktestRequest request = request(trades, executor);
        Recorded full = new Recorded();
        BacktestResult result = new BacktestRunner(full.engine(), new PrintWriter(new StringWriter()), System::nanoTime).run(request);

        StrategyCandles candles = CandleBacktest.strategyCandles(request, new PrintWriter(new StringWriter()));
        Recorded sweep = new Recorded();
        List<InstanceReport> reports = CandleBacktest.run(request.strategy(), request.executor(), request.account(), symbol, candles, sweep);

        assertThat(candles.hasTrades()).isTrue();
        assertThat(sweep.orders).isEqualTo(full.orders);
        assertThat(sweep.fills).isEqualTo(full.fills);
        assertThat(reports).isEqualTo(result.strategy().reports().get(symbol));
        return full.orders;
    }

    private BacktestRequest request(Path trades, ExecutorSettings executor) {
        return Requests.of(BacktestRequest.Input.TRADES, List.of(trades), null, dir.resolve("full"), Duration.ofSeconds(5),
                Requests.strategies(StrategyOverrides.NONE), executor);
    }

    /** The executor's order events and fills, as its sink gets them. */
    private static final class Recorded implements ExecutionSink {
        final List<OrderEvent> orders = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();

        @Override
        public void order(OrderEvent order) {
            orders.add(order);
        }

        @Override
        public void fill(Fill fill) {
            fills.add(fill);
        }

        /** The in-memory engine with its executor's records also going here. */
        BacktestEngine engine() {
            ExecutionSink recorder = this;
            return new BacktestEngine() {
                @Override
                public Candles candles(TopicCatalog topics, Duration grace) {
                    return InMemoryEngine.INSTANCE.candles(topics, grace);
                }

                @Override
                public Strategies strategies(StrategySettings settings, StrategySink sink) {
                    return InMemoryEngine.INSTANCE.strategies(settings, sink);
                }

                @Override
                public Executor executor(ExecutorSettings settings, ExecutionSink sink) {
                    return InMemoryEngine.INSTANCE.executor(settings, new ExecutionSink() {
                        @Override
                        public void order(OrderEvent order) throws IOException {
                            recorder.order(order);
                            sink.order(order);
                        }

                        @Override
                        public void fill(Fill fill) throws IOException {
                            recorder.fill(fill);
                            sink.fill(fill);
                        }
                    });
                }
            };
        }
    }
}
