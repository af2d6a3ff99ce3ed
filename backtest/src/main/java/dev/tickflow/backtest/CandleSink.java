package dev.tickflow.cli.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;

/** Where a replay delivers the final candles, in the order the topology emits them. */
@FunctionalInterface
public interface CandleSink {
    void accept(CandleInterval interval, Candle candle) throws IOException;
}
