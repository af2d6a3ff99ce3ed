package dev.tickflow.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * The topology a backtest replays trades through: md.trades (key symbol, value Trade) in,
 * md.candles.&lt;interval&gt; (key symbol, value final Candle) out. In production this is
 * {@link AggregateCandleTopology}, the very topology of the aggregate service.
 */
public interface CandleTopology {

    Topology build(AggregateSettings settings);

    /** Streams configs the topology needs on top of the defaults. */
    Map<String, Object> streamsOverrides(AggregateSettings settings);
}
