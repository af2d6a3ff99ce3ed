package dev.tickflow.backtest;

import dev.tickflow.backtest.report.Account;
import dev.tickflow.backtest.report.BacktestReport;
import dev.tickflow.backtest.report.InstanceReport;
import dev.tickflow.backtest.report.PortfolioReport;
import dev.tickflow.backtest.report.ReportHtml;
import dev.tickflow.backtest.report.ReportJson;
import dev.tickflow.backtest.report.SymbolSummary;
import dev.tickflow.backtest.report.Fill.Side;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.CandleInterval;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strategy and execution part of one backtest: the strategies, whose signals go to the executor (paper broker),
 * whose fills go back to the strategies and into a {@link BacktestReport} per symbol (report.json, report.html; with
 * several symbols, each symbol's in its own directory and the portfolio's at the top); everything is written to
 * {@link StrategyFiles}.
 *
 * <p>Order of events, as in the live pipeline: each trade reaches the executor before the aggregation (live, the
 * candle it closes still has two hops to go); a candle's signals reach the executor once the strategies have run on
 * it, and their fills reach the strategies before the next candle.
 */
final class StrategyRun implements Closeable {
    static final String REPORT_JSON = "report.json";
    static final String REPORT_HTML = "report.html";

    private final BacktestEngine.Strategies strategies;
    private final BacktestEngine.Executor executor;
    private final List<Signal> pending = new ArrayList<>();
    private final Map<String, Long> signalCounts = new LinkedHashMap<>();
    private final StrategyFiles files;
    private final Map<String, BacktestReport> reports;
    private final Map<String, SymbolCounts> countsBySymbol = new LinkedHashMap<>();
    private final Account account;
    private final CandleInterval interval;
    private final Path outDir;
    private long candles;

    /** Signals, orders and fills of one symbol; orders counted once each, by client order id. */
    private static final class SymbolCounts {
        private final Set<String> orderIds = new HashSet<>();
        private long candles;
        private long signals;
        private long fills;
    }

    private StrategyRun(BacktestEngine engine, StrategySettings settings, ExecutorSettings execution, StrategyFiles files,
                        Map<String, BacktestReport> reports, Account account, Path outDir) {
        for (StrategyInstance instance : settings.instances()) {
            signalCounts.put(instance.name(), 0L);
        }
        this.files = files;
        this.reports = reports;
        this.account = account;
        reports.keySet().forEach(symbol -> countsBySymbol.put(symbol, new SymbolCounts()));
        this.interval = settings.interval();
        this.outDir = outDir;
        this.strategies = engine.strategies(settings, new StrategySink() {
            @Override
            public void indicators(IndicatorSnapshot snapshot) throws IOException {
                files.indicators(snapshot);
            }

            @Override
            public void signal(Signal signal) throws IOException {
                files.signal(signal);
                signalCounts.merge(signal.getStrategyInstance(), 1L, Long::sum);
                counts(signal.getSymbol()).signals++;
                pending.add(signal);
            }
        });
        try {
            this.executor = engine.executor(execution, new ExecutionSink() {
                @Override
                public void order(OrderEvent order) throws IOException {
                    counts(order.getSymbol()).orderIds.add(order.getClientOrderId());
                    files.order(order);
                }

                @Override
                public void fill(Fill fill) throws IOException {
                    files.fill(fill);
                }
            });
        } catch (RuntimeException e) {
            try {
                strategies.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * @param settings  the strategies, or null for none
     * @param execution the executor's settings (the paper broker whatever they name)
     * @param symbols   the symbols of the input, in the order the reports list them
     * @return null without strategies
     */
    static StrategyRun open(BacktestEngine engine, StrategySettings settings, ExecutorSettings execution, Account account,
                            List<String> symbols, Path outDir) throws IOException {
        if (settings == null) {
            return null;
        }
        Map<String, BacktestReport> reports = new LinkedHashMap<>();
        for (String symbol : symbols) {
            reports.put(symbol, new BacktestReport(symbol, settings.instances().stream().map(StrategyInstance::name).toList(), account,
                    settings.interval().length()));
        }
        StrategyFiles files = StrategyFiles.open(outDir);
        try {
            return new StrategyRun(engine, settings, execution, files, reports, account, outDir);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /**
     * Runs the strategies on a candle of their interval, its signals through the executor, their fills back to the
     * strategies and into the accounts, then marks the accounts to the candle's close; ignores other intervals.
     */
    void accept(CandleInterval candleInterval, Candle candle) throws IOException {
        if (!interval.name().equals(candleInterval.name())) {
            return;
        }
        strategies.accept(candle);
        candles++;
        counts(candle.getSymbol()).candles++;
        for (Signal signal : pending) {
            filled(executor.signal(signal));
        }
        pending.clear();
        report(candle.getSymbol()).candleClosed(candle.getCloseTime().toEpochMilli(), candle.getClose());
    }

    /** A trade of the input, for the executor (resting LIMIT orders, marks); before the aggregation sees it. */
    void trade(Trade trade) throws IOException {
        filled(executor.trade(trade));
    }

    /** The executor's fills, back to the strategies (as oms.fills) and into the accounts. */
    private void filled(List<Fill> fills) throws IOException {
        for (Fill fill : fills) {
            strategies.fill(fill);
            counts(fill.getSymbol()).fills++;
            report(fill.getSymbol()).fill(reportFill(fill));
        }
    }

    /** The paper broker charges its fee in the quote asset, the account's currency. */
    static dev.tickflow.backtest.report.Fill reportFill(Fill fill) {
        return new dev.tickflow.backtest.report.Fill(fill.getStrategyInstance(), fill.getSymbol(), fill.getTradeTime().toEpochMilli(),
                fill.getSide() == OrderSide.BUY ? Side.BUY : Side.SELL, fill.getPrice(), fill.getQuantity(), fill.getCommission());
    }

    private BacktestReport report(String symbol) {
        return ofSymbol(reports, symbol);
    }

    private SymbolCounts counts(String symbol) {
        return ofSymbol(countsBySymbol, symbol);
    }

    private static <T> T ofSymbol(Map<String, T> bySymbol, String symbol) {
        T value = bySymbol.get(symbol);
        if (value == null) {
            throw new IllegalStateException("A record of " + symbol + ", not a symbol of the input " + bySymbol.keySet());
        }
        return value;
    }

    /**
     * Commits the files and writes the reports: with one symbol, report.json and report.html; with several, each
     * symbol's in {@code DIR/SYMBOL/} and the portfolio's in {@code DIR}.
     *
     * @param tradesBySymbol trades read per symbol (empty for klines)
     */
    StrategyResult commit(Map<String, Long> tradesBySymbol) throws IOException {
        List<Path> written = new ArrayList<>(files.commit());
        List<SymbolSummary> summaries = new ArrayList<>();
        for (BacktestReport report : reports.values()) {
            Path dir = Files.createDirectories(reports.size() == 1 ? outDir : outDir.resolve(report.symbol()));
            written.add(writeAtomically(dir.resolve(REPORT_JSON), ReportJson.render(report, interval.name())));
            written.add(writeAtomically(dir.resolve(REPORT_HTML), ReportHtml.render(report, interval.name())));
            SymbolCounts counts = counts(report.symbol());
            summaries.add(SymbolSummary.of(report.symbol(), tradesBySymbol.getOrDefault(report.symbol(), 0L), counts.candles,
                    counts.signals, counts.orderIds.size(), counts.fills, report.reports()));
        }
        Map<String, List<InstanceReport>> instanceReports = new LinkedHashMap<>();
        reports.forEach((symbol, report) -> instanceReports.put(symbol, report.reports()));
        if (reports.size() > 1) {
            written.add(writeAtomically(outDir.resolve(REPORT_JSON), PortfolioReport.json(summaries, interval.name(), account)));
            written.add(writeAtomically(outDir.resolve(REPORT_HTML), PortfolioReport.html(summaries, interval.name(), account)));
        }
        return new StrategyResult(candles, signalCounts, files.orders(), files.rejectedOrders(), files.fills(), instanceReports, summaries,
                written);
    }

    @Override
    public void close() throws IOException {
        try {
            strategies.close();
        } finally {
            try {
                executor.close();
            } finally {
                files.close();
            }
        }
    }

    private static Path writeAtomically(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
