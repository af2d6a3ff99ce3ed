package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;

/** Where the aggregation delivers the final candles, in the order the aggregate service would emit them. */
@FunctionalInterface
public interface CandleSink {
    void accept(CandleInterval interval, Candle candle) throws IOException;
}
