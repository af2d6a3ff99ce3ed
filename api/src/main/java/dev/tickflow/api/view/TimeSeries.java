package dev.tickflow.api.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Records of one series by time, the latest record per time winning, at most {@code capacity} of them and at most the
 * series' share of the {@link SeriesBudget} (oldest dropped). Each is held encoded ({@link RecordBytes}). Not
 * thread-safe.
 */
final class TimeSeries<T> {
    private final int capacity;
    private final SeriesBudget budget;
    private final RecordBytes<T> bytes;
    private final TreeMap<Instant, byte[]> byTime = new TreeMap<>();

    TimeSeries(int capacity, SeriesBudget budget, RecordBytes<T> bytes) {
        this.capacity = capacity;
        this.budget = budget;
        this.bytes = bytes;
        budget.addSeries();
    }

    void put(Instant time, T record) {
        int kept = budget.share(capacity);
        if (byTime.size() >= kept && !byTime.containsKey(time) && time.isBefore(byTime.firstKey())) {
            return;
        }
        byTime.put(time, bytes.encode(record));
        while (byTime.size() > kept) {
            byTime.pollFirstEntry();
        }
    }

    /** The most recent {@code range.limit()} records inside the range, oldest first. */
    List<T> query(TimeRange range) {
        NavigableMap<Instant, byte[]> window = byTime;
        if (range.from() != null && range.to() != null) {
            window = byTime.subMap(range.from(), true, range.to(), false);
        } else if (range.from() != null) {
            window = byTime.tailMap(range.from(), true);
        } else if (range.to() != null) {
            window = byTime.headMap(range.to(), false);
        }
        List<T> newestFirst = new ArrayList<>(Math.min(range.limit(), window.size()));
        for (byte[] record : window.descendingMap().values()) {
            if (newestFirst.size() == range.limit()) {
                break;
            }
            newestFirst.add(bytes.decode(record));
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    T latest() {
        return byTime.isEmpty() ? null : bytes.decode(byTime.lastEntry().getValue());
    }
}
