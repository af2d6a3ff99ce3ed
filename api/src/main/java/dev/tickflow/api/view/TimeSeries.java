package dev.tickflow.api.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Records of one series by time, the latest record per time winning, at most {@code capacity} of them (oldest dropped). Not thread-safe. */
final class TimeSeries<T> {
    private final int capacity;
    private final TreeMap<Instant, T> byTime = new TreeMap<>();

    TimeSeries(int capacity) {
        this.capacity = capacity;
    }

    void put(Instant time, T record) {
        if (byTime.size() >= capacity && !byTime.containsKey(time) && time.isBefore(byTime.firstKey())) {
            return;
        }
        byTime.put(time, record);
        while (byTime.size() > capacity) {
            byTime.pollFirstEntry();
        }
    }

    /** The most recent {@code range.limit()} records inside the range, oldest first. */
    List<T> query(TimeRange range) {
        NavigableMap<Instant, T> window = byTime;
        if (range.from() != null && range.to() != null) {
            window = byTime.subMap(range.from(), true, range.to(), false);
        } else if (range.from() != null) {
            window = byTime.tailMap(range.from(), true);
        } else if (range.to() != null) {
            window = byTime.headMap(range.to(), false);
        }
        List<T> newestFirst = new ArrayList<>(Math.min(range.limit(), window.size()));
        for (T record : window.descendingMap().values()) {
            if (newestFirst.size() == range.limit()) {
                break;
            }
            newestFirst.add(record);
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    T latest() {
        return byTime.isEmpty() ? null : byTime.lastEntry().getValue();
    }

    int size() {
        return byTime.size();
    }
}
