package dev.tickflow.backtest.sweep;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The metric a sweep ranks by ({@code --rank-by}); each knows which way is better. */
public enum RankMetric {
    /** Net PnL, higher is better. */
    NET_PNL("net-pnl", Comparator.comparing(RunMetrics::netPnl).reversed()),
    /** Mean / volatility of the per-candle returns, annualised; higher is better, an undefined one (no variance) last. */
    SHARPE("sharpe", Comparator.comparing(RunMetrics::sharpe, Comparator.nullsLast(Comparator.<Double>reverseOrder()))),
    /** Maximum drawdown, lower is better. */
    MAX_DRAWDOWN("max-drawdown", Comparator.comparingDouble(RunMetrics::maxDrawdown)),
    /** Round trips, more is better. */
    TRADES("trades", Comparator.comparingInt(RunMetrics::trades).reversed());

    private final String cliName;
    private final Comparator<RunMetrics> betterFirst;

    RankMetric(String cliName, Comparator<RunMetrics> betterFirst) {
        this.cliName = cliName;
        this.betterFirst = betterFirst;
    }

    public String cliName() {
        return cliName;
    }

    /** Better runs first by this metric, equal ones by net PnL (higher first); the grid order is left to the caller. */
    public Comparator<RunMetrics> betterFirst() {
        return this == NET_PNL ? betterFirst : betterFirst.thenComparing(NET_PNL.betterFirst);
    }

    /** The metric's value as a number for the heat map; null when undefined. */
    public Double value(RunMetrics metrics) {
        return switch (this) {
            case NET_PNL -> metrics.netPnl().doubleValue();
            case SHARPE -> metrics.sharpe();
            case MAX_DRAWDOWN -> metrics.maxDrawdown();
            case TRADES -> (double) metrics.trades();
        };
    }

    /** Whether a higher value is better (for the heat map's colours). */
    public boolean higherIsBetter() {
        return this != MAX_DRAWDOWN;
    }

    /** @throws IllegalArgumentException naming the accepted names */
    public static RankMetric parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--rank-by " + name + " is no metric; use one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(RankMetric::cliName).collect(Collectors.joining(", "));
    }
}
