package dev.tickflow.api.view;

import dev.tickflow.schema.Candle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The last {@code capacity} candles per symbol and interval (fewer when the {@link SeriesBudget} is shared by many), by
 * open time; a candle published again replaces the earlier one.
 */
public final class CandleView {
    private final int capacity;
    private final SeriesBudget budget;
    private final Map<String, Map<String, TimeSeries<Candle>>> bySymbolAndInterval = new HashMap<>();

    public CandleView(int capacity, SeriesBudget budget) {
        this.capacity = requirePositive(capacity);
        this.budget = budget;
    }

    public synchronized void put(Candle candle) {
        bySymbolAndInterval.computeIfAbsent(candle.getSymbol(), symbol -> new HashMap<>())
                .computeIfAbsent(candle.getInterval(), interval -> new TimeSeries<>(capacity, budget, RecordBytes.CANDLE))
                .put(candle.getOpenTime(), candle);
    }

    /** Candles of the symbol and interval whose open time lies in the range, oldest first. */
    public synchronized List<Candle> query(String symbol, String interval, TimeRange range) {
        TimeSeries<Candle> series = bySymbolAndInterval.getOrDefault(symbol, Map.of()).get(interval);
        return series == null ? List.of() : series.query(range);
    }

    /** The latest candle of the interval per symbol, by symbol. */
    public synchronized List<Candle> latest(String interval) {
        Map<String, Candle> latest = new TreeMap<>();
        bySymbolAndInterval.forEach((symbol, byInterval) -> {
            TimeSeries<Candle> series = byInterval.get(interval);
            if (series != null && series.latest() != null) {
                latest.put(symbol, series.latest());
            }
        });
        return new ArrayList<>(latest.values());
    }

    public synchronized Set<String> symbols() {
        return new TreeSet<>(bySymbolAndInterval.keySet());
    }

    static int requirePositive(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A view keeps at least one record, capacity was " + capacity);
        }
        return capacity;
    }
}
