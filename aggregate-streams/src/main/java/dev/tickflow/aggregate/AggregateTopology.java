package dev.tickflow.aggregate;

import org.apache.kafka.streams.Topology;

/** Builds the aggregation topology: md.trades → md.candles.&lt;interval&gt; (+ md.trades.late). */
public final class AggregateTopology {
    private AggregateTopology() {
    }

    /** A pure function of its settings: tests, the service and the backtest all run this topology. */
    public static Topology build(AggregateSettings settings) {
        throw new UnsupportedOperationException("being written");
    }
}
