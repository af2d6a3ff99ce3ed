package dev.tickflow.backtest;

import dev.tickflow.backtest.report.Account;
import dev.tickflow.backtest.report.BacktestReport;
import dev.tickflow.backtest.report.InstanceReport;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.ingest.replay.BinanceKlinesCsv;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The hook of parameter sweeps: the candles of a backtest's input made once ({@link #strategyCandles}), then any number
 * of strategy runs over them ({@link #run}), each with its own strategies, executor and accounts, writing no files. A
 * run is what {@code --klines} does with the same candles: MARKET orders fill as in a full backtest; there are no
 * trades, so resting LIMIT orders are not matched.
 */
public final class CandleBacktest {
    private CandleBacktest() {
    }

    /**
     * The candles of the strategies' interval from the request's input: its trades through the aggregation (candles of
     * other intervals are dropped), or its klines as they are.
     *
     * @throws BacktestException when the input holds no trade or kline
     */
    public static List<Candle> strategyCandles(BacktestRequest request, PrintWriter progressOut) {
        refuseLimitOrders(request.executor());
        CandleInterval interval = request.strategy().interval();
        List<Candle> candles = new ArrayList<>();
        String symbol;
        if (request.input() == BacktestRequest.Input.KLINES) {
            symbol = BinanceTradesCsv.normalizeSymbol(request.symbol());
            try (BinanceKlinesCsv reader = BinanceKlinesCsv.open(request.files(), request.symbol(), interval.name(), interval.length(),
                    request.malformed())) {
                Progress progress = new Progress(progressOut, request.progressEvery(), System::nanoTime, "klines", reader.totalBytes(), false);
                while (reader.hasNext()) {
                    candles.add(reader.next());
                    progress.read(reader.klinesRead(), reader.bytesRead());
                }
            } catch (UncheckedIOException e) {
                throw new BacktestException(e.getMessage(), e);
            }
        } else {
            SortedMap<String, List<Path>> filesBySymbol = TradeInputs.bySymbol(request.files(), request.symbol());
            if (filesBySymbol.size() != 1) {
                throw new BacktestException("A sweep runs on one symbol's candles, but the trade files hold " + filesBySymbol.keySet()
                        + ": give the files of one symbol (or --symbol)");
            }
            symbol = filesBySymbol.firstKey();
            try (MergedTrades reader = MergedTrades.open(filesBySymbol, request.malformed(), TradeCache.NONE)) {
                Progress progress = new Progress(progressOut, request.progressEvery(), System::nanoTime, "trades", reader.totalBytes(), false);
                // progress per candle made: the aggregation reads the trades itself
                InMemoryEngine.INSTANCE.candles(request.topics(), request.grace()).run(reader, (candleInterval, candle) -> {
                    progress.read(reader.tradesRead(), reader::bytesRead);
                    if (candleInterval.name().equals(interval.name())) {
                        candles.add(candle);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                throw new BacktestException(e.getMessage(), e);
            }
        }
        if (candles.isEmpty()) {
            throw new BacktestException("No " + interval.name() + " candles for " + symbol + " in " + request.files());
        }
        return List.copyOf(candles);
    }

    /**
     * Runs over candles alone match no resting LIMIT order, so they would differ from a full backtest.
     *
     * @throws BacktestException when the executor places LIMIT orders
     */
    static void refuseLimitOrders(ExecutorSettings execution) {
        if (execution.orderType() == OrderType.LIMIT) {
            throw new BacktestException("A sweep does not match resting LIMIT orders, but " + ExecutorSettings.ORDER_TYPE + "=LIMIT: set "
                    + ExecutorSettings.ORDER_TYPE + "=MARKET for the sweep, or run single backtests (without --sweep) for LIMIT orders");
        }
    }

    /**
     * The strategies and the executor (paper broker) over the candles, as {@link StrategyRun} runs them, on the calling
     * thread, with fresh state.
     *
     * @return the report of each instance, in the configured order
     */
    public static List<InstanceReport> run(StrategySettings settings, ExecutorSettings execution, Account account, String symbol,
                                           List<Candle> candles) {
        refuseLimitOrders(execution);
        BacktestReport report = new BacktestReport(symbol, settings.instances().stream().map(StrategyInstance::name).toList(), account,
                settings.interval().length());
        List<Signal> pending = new ArrayList<>();
        try (BacktestEngine.Strategies strategies = InMemoryEngine.INSTANCE.strategies(settings, new StrategySink() {
            @Override
            public void indicators(IndicatorSnapshot snapshot) {
            }

            @Override
            public void signal(Signal signal) {
                pending.add(signal);
            }
        }); BacktestEngine.Executor executor = InMemoryEngine.INSTANCE.executor(execution, new ExecutionSink() {
            @Override
            public void order(OrderEvent order) {
            }

            @Override
            public void fill(Fill fill) {
            }
        })) {
            for (Candle candle : candles) {
                strategies.accept(candle);
                for (Signal signal : pending) {
                    for (Fill fill : executor.signal(signal)) {
                        strategies.fill(fill);
                        report.fill(StrategyRun.reportFill(fill));
                    }
                }
                pending.clear();
                report.candleClosed(candle.getCloseTime().toEpochMilli(), candle.getClose());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report.reports();
    }
}
