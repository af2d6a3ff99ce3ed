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
import dev.tickflow.schema.Trade;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;

/**
 * The hook of parameter sweeps: the candles of a backtest's input made once ({@link #strategyCandles}), then any number
 * of strategy runs over them ({@link #run}), each with its own strategies, executor and accounts, writing no files. From
 * trades, the trades are kept too and each run hands them to the executor between the candles as a full backtest does,
 * so resting LIMIT orders fill and expire, and positions are marked for the loss limits, as they are there; klines have
 * no trades, so LIMIT orders are refused (MARKET orders fill at the signal's price either way).
 */
public final class CandleBacktest {
    private CandleBacktest() {
    }

    /**
     * The candles of the strategies' interval from the request's input: its trades through the aggregation (candles of
     * other intervals are dropped), with a compact copy of the trades for the executor; or its klines as they are.
     *
     * @throws BacktestException when the input holds no trade or kline, or klines with LIMIT orders
     */
    public static StrategyCandles strategyCandles(BacktestRequest request, PrintWriter progressOut) {
        boolean keepTrades = request.input() == BacktestRequest.Input.TRADES;
        StrategyCandles.Recorder recorder = new StrategyCandles.Recorder();
        CandleInterval interval = request.strategy().interval();
        List<Candle> candles = new ArrayList<>();
        String symbol;
        if (request.input() == BacktestRequest.Input.KLINES) {
            refuseLimitOrders(request.executor());
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
                Iterator<Trade> trades = keepTrades ? recording(reader, recorder) : reader;
                InMemoryEngine.INSTANCE.candles(request.topics(), request.grace()).run(trades, (candleInterval, candle) -> {
                    progress.read(reader.tradesRead(), reader::bytesRead);
                    if (candleInterval.name().equals(interval.name())) {
                        candles.add(candle);
                        if (keepTrades) {
                            recorder.candle();
                        }
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                throw new BacktestException(e.getMessage(), e);
            }
        }
        if (candles.isEmpty()) {
            throw new BacktestException("No " + interval.name() + " candles for " + symbol + " in " + request.files());
        }
        return keepTrades ? StrategyCandles.withTrades(candles, recorder.trades()) : StrategyCandles.of(candles);
    }

    /** Each trade recorded as the aggregation reads it, so a candle's count includes the trade that closed it. */
    private static Iterator<Trade> recording(Iterator<Trade> trades, StrategyCandles.Recorder recorder) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return trades.hasNext();
            }

            @Override
            public Trade next() {
                Trade trade = trades.next();
                recorder.trade(trade.getSymbol(), trade.getPrice(), trade.getTradeTime());
                return trade;
            }
        };
    }

    /**
     * Runs over candles without trades (klines) match no resting LIMIT order, so they would differ from a full backtest.
     *
     * @throws BacktestException when the executor places LIMIT orders
     */
    static void refuseLimitOrders(ExecutorSettings execution) {
        if (execution.orderType() == OrderType.LIMIT) {
            throw new BacktestException("A sweep over klines cannot match resting LIMIT orders (klines hold no trades), but "
                    + ExecutorSettings.ORDER_TYPE + "=LIMIT: set " + ExecutorSettings.ORDER_TYPE + "=MARKET for the sweep, sweep trade files, "
                    + "or run single backtests (without --sweep) for LIMIT orders");
        }
    }

    /**
     * The strategies and the executor (paper broker) over the candles, as {@link StrategyRun} runs them, on the calling
     * thread, with fresh state; the trades, if kept, reach the executor before the candle they closed, the rest after the
     * last candle.
     *
     * @return the report of each instance, in the configured order
     * @throws BacktestException for LIMIT orders over candles without trades
     */
    public static List<InstanceReport> run(StrategySettings settings, ExecutorSettings execution, Account account, String symbol,
                                           StrategyCandles candles) {
        return run(settings, execution, account, symbol, candles, new ExecutionSink() {
            @Override
            public void order(OrderEvent order) {
            }

            @Override
            public void fill(Fill fill) {
            }
        });
    }

    static List<InstanceReport> run(StrategySettings settings, ExecutorSettings execution, Account account, String symbol,
                                    StrategyCandles candles, ExecutionSink executionSink) {
        boolean replayTrades = candles.hasTrades();
        if (!replayTrades) {
            refuseLimitOrders(execution);
        }
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
        }); BacktestExecutor executor = new BacktestExecutor(execution, executionSink)) {
            int nextTrade = candles.tradeStart();
            List<Candle> list = candles.candles();
            for (int i = 0; i < list.size(); i++) {
                Candle candle = list.get(i);
                if (replayTrades) {
                    nextTrade = trades(candles, nextTrade, candles.tradesReadAt(i), executor, strategies, report);
                }
                strategies.accept(candle);
                for (Signal signal : pending) {
                    filled(executor.signal(signal), strategies, report);
                }
                pending.clear();
                report.candleClosed(candle.getCloseTime().toEpochMilli(), candle.getClose());
            }
            if (replayTrades) {
                trades(candles, nextTrade, candles.tradeEnd(), executor, strategies, report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report.reports();
    }

    /** Trades {@code from} to {@code to} (exclusive) to the executor, their fills to the strategies and the accounts. */
    private static int trades(StrategyCandles candles, int from, int to, BacktestExecutor executor, BacktestEngine.Strategies strategies,
                              BacktestReport report) throws IOException {
        StrategyCandles.Trades trades = candles.trades();
        for (int t = from; t < to; t++) {
            filled(executor.trade(trades.symbol(), trades.prices()[t], trades.time(t)), strategies, report);
        }
        return to;
    }

    private static void filled(List<Fill> fills, BacktestEngine.Strategies strategies, BacktestReport report) throws IOException {
        for (Fill fill : fills) {
            strategies.fill(fill);
            report.fill(StrategyRun.reportFill(fill));
        }
    }
}
