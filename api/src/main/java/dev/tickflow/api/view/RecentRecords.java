package dev.tickflow.api.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The newest {@code capacity} records of a stream by event time (signals, order events, fills). Records arrive in
 * partition order, not time order (at start-up the consumer reads one partition's backlog after another), so each is
 * inserted at its place in time; records with equal times keep their arrival order.
 */
public final class RecentRecords<T> {
    private final int capacity;
    private final Comparator<? super T> byTime;
    private final List<T> oldestFirst = new ArrayList<>();

    public RecentRecords(int capacity, Comparator<? super T> byTime) {
        this.capacity = CandleView.requirePositive(capacity);
        this.byTime = byTime;
    }

    public synchronized void add(T record) {
        oldestFirst.add(insertionPoint(record), record);
        if (oldestFirst.size() > capacity) {
            oldestFirst.remove(0);
        }
    }

    /** The newest {@code limit} records that match, newest first. */
    public synchronized List<T> newest(Predicate<? super T> filter, int limit) {
        List<T> result = new ArrayList<>(Math.min(limit, oldestFirst.size()));
        for (int i = oldestFirst.size() - 1; i >= 0 && result.size() < limit; i--) {
            T record = oldestFirst.get(i);
            if (filter.test(record)) {
                result.add(record);
            }
        }
        return result;
    }

    public synchronized int size() {
        return oldestFirst.size();
    }

    /** After every record that is not later than {@code record}. */
    private int insertionPoint(T record) {
        int low = 0;
        int high = oldestFirst.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byTime.compare(oldestFirst.get(middle), record) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
