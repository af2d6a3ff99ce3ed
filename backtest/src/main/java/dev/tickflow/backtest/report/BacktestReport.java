package dev.tickflow.backtest.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of all strategy instances of a one-symbol backtest and the price series they are marked on. Feed it,
 * per candle, the executor's fills of the candle's signals ({@link #fill}), then the candle's close
 * ({@link #candleClosed}).
 */
public final class BacktestReport {
    private static final double MINUTES_PER_YEAR = 365.0 * 24 * 60;

    private final String symbol;
    private final Account account;
    private final Duration interval;
    private final Map<String, InstanceLedger> ledgers = new LinkedHashMap<>();
    private final LongSeries closeTimes = new LongSeries();
    private final DoubleSeries closes = new DoubleSeries();

    /** @param instances the strategy instances, in the order the report lists them */
    public BacktestReport(String symbol, List<String> instances, Account account, Duration interval) {
        this.symbol = symbol;
        this.account = account;
        this.interval = interval;
        for (String instance : instances) {
            ledgers.put(instance, new InstanceLedger(instance, account.startingCapital()));
        }
    }

    public String symbol() {
        return symbol;
    }

    public Account account() {
        return account;
    }

    public Duration interval() {
        return interval;
    }

    /** A fill from an execution. */
    public void fill(Fill fill) {
        ledger(fill.instance()).fill(fill);
    }

    public void candleClosed(long closeTime, BigDecimal close) {
        closeTimes.add(closeTime);
        closes.add(close.doubleValue());
        for (InstanceLedger ledger : ledgers.values()) {
            ledger.markToMarket(closeTime, close);
        }
    }

    /**
     * Candles per year of 365 days of 24 hours (crypto markets never close): 525,600 for 1-minute candles. The
     * Sharpe ratio is annualised with its square root.
     */
    public double candlesPerYear() {
        return MINUTES_PER_YEAR * 60_000.0 / interval.toMillis();
    }

    public List<InstanceReport> reports() {
        List<InstanceReport> reports = new ArrayList<>();
        for (InstanceLedger ledger : ledgers.values()) {
            reports.add(ledger.report(candlesPerYear()));
        }
        return reports;
    }

    List<InstanceLedger> ledgers() {
        return List.copyOf(ledgers.values());
    }

    LongSeries closeTimes() {
        return closeTimes;
    }

    DoubleSeries closes() {
        return closes;
    }

    InstanceLedger ledger(String instance) {
        InstanceLedger ledger = ledgers.get(instance);
        if (ledger == null) {
            throw new IllegalArgumentException("Unknown strategy instance " + instance + "; the report has " + ledgers.keySet());
        }
        return ledger;
    }
}
