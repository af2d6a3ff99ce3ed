package dev.tickflow.chaos;

import dev.tickflow.aggregate.CandleAggregator;
import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.BacktestRunner;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pipeline gives for the trades that reached md.trades when nothing disturbs it, computed on one thread with
 * the services' own domain code: the aggregate service's {@link CandleAggregator}, one per partition fed in partition
 * order on that partition's stream time (as the aggregate service's tasks are), for the candles with every field; the
 * backtest ({@link BacktestRunner}: aggregation, strategies, executor with the paper venue) per symbol for the
 * signals, orders and fills, written as the backtest writes them. Only the {@link ComparedRange} is kept.
 */
final class UndisturbedRun {
    private final ComparedRange range;
    private final long lateTrades;
    private final long trades;
    /** interval name → symbol → candles in time order. */
    private final Map<String, Map<String, List<Candle>>> candles = new TreeMap<>();
    private final Map<String, List<String>> signals = new TreeMap<>();
    private final Map<String, List<String>> orders = new TreeMap<>();
    private final Map<String, List<String>> fills = new TreeMap<>();

    private UndisturbedRun(ComparedRange range, long lateTrades, long trades) {
        this.range = range;
        this.lateTrades = lateTrades;
        this.trades = trades;
    }

    static UndisturbedRun of(Map<Integer, List<Trade>> tradesByPartition, TopicCatalog topics, Duration grace, StrategySettings strategies,
                             ExecutorSettings execution, Path workDir) throws IOException {
        ComparedRange range = ComparedRange.of(tradesByPartition, grace);
        long late = 0;
        long count = 0;
        List<Candle> closed = new ArrayList<>();
        Map<String, List<Trade>> bySymbol = new TreeMap<>();
        for (List<Trade> partition : tradesByPartition.values()) {
            CandleAggregator aggregator = new CandleAggregator(grace, topics.candleIntervals(), closed::add);
            long streamTime = Long.MIN_VALUE;
            for (Trade trade : partition) {
                streamTime = Math.max(streamTime, trade.getTradeTime().toEpochMilli());
                if (aggregator.accept(trade, streamTime) == CandleAggregator.Outcome.LATE) {
                    late++;
                }
                count++;
                bySymbol.computeIfAbsent(trade.getSymbol(), symbol -> new ArrayList<>()).add(trade);
            }
        }
        UndisturbedRun run = new UndisturbedRun(range, late, count);
        for (Candle candle : closed) {
            if (range.containsWindowClosingAt(candle.getCloseTime().toEpochMilli())) {
                run.candles.computeIfAbsent(candle.getInterval(), interval -> new TreeMap<>())
                        .computeIfAbsent(candle.getSymbol(), symbol -> new ArrayList<>()).add(candle);
            }
        }
        for (Map.Entry<String, List<Trade>> symbol : bySymbol.entrySet()) {
            Path csv = writeAggTrades(workDir.resolve(symbol.getKey() + "-aggTrades.csv"), symbol.getValue());
            Path out = workDir.resolve("backtest-" + symbol.getKey());
            new BacktestRunner(new PrintWriter(new StringWriter())).run(new BacktestRequest(BacktestRequest.Input.TRADES, List.of(csv),
                    symbol.getKey(), out, topics, grace, MalformedLinePolicy.FAIL, Duration.ofHours(1), strategies, execution,
                    new Account(new BigDecimal("10000"), execution.paperFeeRate())));
            run.signals.put(symbol.getKey(), CsvRows.upTo(CsvRows.read(out.resolve("signals.csv")), CsvRows.SIGNAL_TIME, range.lastMinuteOpen()));
            run.orders.put(symbol.getKey(), CsvRows.upTo(CsvRows.read(out.resolve("orders.csv")), CsvRows.ORDER_TIME, range.lastMillisecond()));
            run.fills.put(symbol.getKey(), CsvRows.upTo(CsvRows.read(out.resolve("fills.csv")), CsvRows.FILL_TIME, range.lastMillisecond()));
        }
        return run;
    }

    ComparedRange range() {
        return range;
    }

    long lateTrades() {
        return lateTrades;
    }

    long trades() {
        return trades;
    }

    Map<String, Map<String, List<Candle>>> candles() {
        return candles;
    }

    int candleCount(String interval) {
        return candles.getOrDefault(interval, Map.of()).values().stream().mapToInt(List::size).sum();
    }

    Map<String, List<String>> signals() {
        return signals;
    }

    Map<String, List<String>> orders() {
        return orders;
    }

    Map<String, List<String>> fills() {
        return fills;
    }

    static int total(Map<String, List<String>> bySymbol) {
        return bySymbol.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The position each (instance, symbol) holds after the compared fills, by the fills alone: net quantity (BUY adds,
     * SELL subtracts) and the fees paid. Key "instance/symbol".
     */
    Map<String, BigDecimal[]> positions() {
        Map<String, BigDecimal[]> positions = new LinkedHashMap<>();
        for (List<String> rows : fills.values()) {
            for (String row : rows) {
                String[] cells = row.split(",", -1);
                BigDecimal quantity = new BigDecimal(cells[CsvRows.FILL_QUANTITY]);
                BigDecimal[] position = positions.computeIfAbsent(cells[CsvRows.FILL_INSTANCE] + "/" + cells[CsvRows.FILL_SYMBOL],
                        key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                position[0] = position[0].add("SELL".equals(cells[CsvRows.FILL_SIDE]) ? quantity.negate() : quantity);
                position[1] = position[1].add(new BigDecimal(cells[CsvRows.FILL_FEE]));
            }
        }
        return positions;
    }

    /** A symbol's trades as a Binance aggTrades file (the backtest's input), in the order read from md.trades. */
    private static Path writeAggTrades(Path file, List<Trade> trades) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (Trade trade : trades) {
                writer.write(trade.getTradeId() + "," + trade.getPrice().toPlainString() + "," + trade.getQuantity().toPlainString() + ","
                        + trade.getFirstTradeId() + "," + trade.getLastTradeId() + "," + trade.getTradeTime().toEpochMilli() + ","
                        + (trade.getBuyerIsMaker() ? "True" : "False") + ",True\n");
            }
        }
        return file;
    }
}
