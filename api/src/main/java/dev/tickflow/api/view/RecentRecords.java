package dev.tickflow.api.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The last {@code capacity} records of a stream in arrival order (signals, order events, fills). */
public final class RecentRecords<T> {
    private final int capacity;
    private final ArrayDeque<T> records = new ArrayDeque<>();

    public RecentRecords(int capacity) {
        this.capacity = CandleView.requirePositive(capacity);
    }

    public synchronized void add(T record) {
        records.addLast(record);
        if (records.size() > capacity) {
            records.removeFirst();
        }
    }

    /** The newest {@code limit} records that match, newest first. */
    public synchronized List<T> newest(Predicate<? super T> filter, int limit) {
        List<T> result = new ArrayList<>(Math.min(limit, records.size()));
        Iterator<T> newestFirst = records.descendingIterator();
        while (newestFirst.hasNext() && result.size() < limit) {
            T record = newestFirst.next();
            if (filter.test(record)) {
                result.add(record);
            }
        }
        return result;
    }

    public synchronized int size() {
        return records.size();
    }
}
