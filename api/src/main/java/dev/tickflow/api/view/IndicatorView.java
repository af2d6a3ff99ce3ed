package dev.tickflow.api.view;

import dev.tickflow.schema.IndicatorSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code capacity} indicator snapshots per strategy instance and symbol (fewer when the {@link SeriesBudget} is
 * shared by many), by candle open time.
 */
public final class IndicatorView {
    private static final Comparator<IndicatorSnapshot> BY_TIME_THEN_INSTANCE =
            Comparator.comparing(IndicatorSnapshot::getOpenTime).thenComparing(IndicatorSnapshot::getStrategyInstance);

    private final int capacity;
    private final SeriesBudget budget;
    private final Map<String, Map<String, TimeSeries<IndicatorSnapshot>>> bySymbolAndInstance = new TreeMap<>();

    public IndicatorView(int capacity, SeriesBudget budget) {
        this.capacity = CandleView.requirePositive(capacity);
        this.budget = budget;
    }

    public synchronized void put(IndicatorSnapshot snapshot) {
        bySymbolAndInstance.computeIfAbsent(snapshot.getSymbol(), symbol -> new TreeMap<>())
                .computeIfAbsent(snapshot.getStrategyInstance(), instance -> new TimeSeries<>(capacity, budget, RecordBytes.INDICATOR_SNAPSHOT))
                .put(snapshot.getOpenTime(), snapshot);
    }

    /** Snapshots of the symbol (of one instance, or of all when {@code instance} is null) in the range, oldest first. */
    public synchronized List<IndicatorSnapshot> query(String symbol, String instance, TimeRange range) {
        List<IndicatorSnapshot> result = new ArrayList<>();
        bySymbolAndInstance.getOrDefault(symbol, Map.of()).forEach((name, series) -> {
            if (instance == null || instance.equals(name)) {
                result.addAll(series.query(range));
            }
        });
        result.sort(BY_TIME_THEN_INSTANCE);
        return result;
    }
}
