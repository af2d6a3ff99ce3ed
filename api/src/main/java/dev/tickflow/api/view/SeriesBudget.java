package dev.tickflow.api.view;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The records every series of the candle and indicator views may keep together. Each series keeps at most its own
 * capacity and at most an equal share of the total, so the views' memory stays bounded however many symbols, intervals
 * and strategy instances there are. A series trims itself to its share when it takes its next record.
 */
public final class SeriesBudget {
    private final int records;
    private final AtomicInteger series = new AtomicInteger();

    public SeriesBudget(int records) {
        this.records = CandleView.requirePositive(records);
    }

    void addSeries() {
        series.incrementAndGet();
    }

    /** What a series of {@code capacity} may keep now. */
    int share(int capacity) {
        return Math.max(1, Math.min(capacity, records / Math.max(1, series.get())));
    }
}
