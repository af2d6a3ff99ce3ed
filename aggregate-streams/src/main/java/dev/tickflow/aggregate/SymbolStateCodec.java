package dev.tickflow.aggregate;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import java.math.BigDecimal;
import java.util.List;

/**
 * The stored form of {@link SymbolState} in the state store and its changelog (version 1). Trade-id ranges are stored
 * as deltas, so the usual single range of consecutive ids takes a few bytes. The part that changes only when minutes
 * close (last emitted minute, last close, rolled-up candles in progress) comes first and is kept encoded with the
 * state, so a trade re-encodes only its open minutes and seen ids.
 * Not thread-safe: one instance per processor.
 */
final class SymbolStateCodec implements StateCodec<SymbolState> {
    private static final int VERSION = 1;

    private final StateWriter writer = new StateWriter(512);

    @Override
    public String name() {
        return "aggregation's symbol state";
    }

    @Override
    public int version() {
        return VERSION;
    }

    /** Encodes into this codec's reused buffer: the aggregation encodes a state per trade. */
    @Override
    public byte[] encode(SymbolState state) {
        return encode(state, writer);
    }

    @Override
    public void write(SymbolState state, StateWriter out) {
        if (state.encodedPrefix == null) {
            int start = out.size();
            writePrefix(state, out);
            state.encodedPrefix = out.bytesSince(start);
        } else {
            out.writeRaw(state.encodedPrefix);
        }
        out.writeList(state.openMinutes, SymbolStateCodec::writeMinute);
        TradeIdRanges ranges = state.seenIds;
        out.writeInt(ranges.size());
        long previous = 0;
        for (int range = 0; range < ranges.size(); range++) {
            out.writeLong(ranges.lo(range) - previous);
            out.writeLong(ranges.hi(range) - ranges.lo(range));
            previous = ranges.hi(range);
        }
    }

    /** What changes only when minutes close, first, so that it is encoded once per minute rather than per trade. */
    private static void writePrefix(SymbolState state, StateWriter out) {
        out.writeString(state.symbol);
        out.writeString(state.exchange);
        out.writeLong(state.lastEmittedOpen);
        out.writeDecimal(state.lastClose);
        out.writeList(state.rollups, SymbolStateCodec::writeRollup);
    }

    @Override
    public SymbolState read(int version, StateReader in) {
        int prefixStart = in.position();
        String symbol = in.readString();
        String exchange = in.readString();
        long lastEmittedOpen = in.readLong();
        BigDecimal lastClose = in.readDecimal();
        List<RollupCandle> rollups = in.readList(SymbolStateCodec::readRollup);
        byte[] prefix = in.bytesSince(prefixStart);
        List<MinuteCandle> openMinutes = in.readList(SymbolStateCodec::readMinute);
        int rangeCount = in.readInt();
        long[] bounds = new long[2 * rangeCount];
        long previous = 0;
        for (int range = 0; range < rangeCount; range++) {
            long lo = previous + in.readLong();
            long hi = lo + in.readLong();
            bounds[2 * range] = lo;
            bounds[2 * range + 1] = hi;
            previous = hi;
        }
        SymbolState state = new SymbolState(symbol, exchange, openMinutes, TradeIdRanges.of(bounds), rollups);
        state.lastEmittedOpen = lastEmittedOpen;
        state.lastClose = lastClose;
        state.encodedPrefix = version == VERSION ? prefix : null;
        return state;
    }

    private static void writeMinute(StateWriter out, MinuteCandle minute) {
        out.writeLong(minute.openTime);
        out.writeLong(minute.firstTime - minute.openTime);
        out.writeLong(minute.firstId);
        out.writeDecimal(minute.open);
        out.writeLong(minute.lastTime - minute.openTime);
        out.writeLong(minute.lastId - minute.firstId);
        out.writeDecimal(minute.close);
        out.writeDecimal(minute.high);
        out.writeDecimal(minute.low);
        out.writeDecimal(minute.volume);
        out.writeDecimal(minute.quoteVolume);
        out.writeDecimal(minute.takerBuyVolume);
        out.writeDecimal(minute.takerBuyQuoteVolume);
        out.writeLong(minute.tradeCount);
        out.writeLong(minute.minTradeId - minute.firstId);
        out.writeLong(minute.maxTradeId - minute.firstId);
    }

    private static MinuteCandle readMinute(StateReader in) {
        MinuteCandle minute = new MinuteCandle(in.readLong());
        minute.firstTime = minute.openTime + in.readLong();
        minute.firstId = in.readLong();
        minute.open = in.readDecimal();
        minute.lastTime = minute.openTime + in.readLong();
        minute.lastId = minute.firstId + in.readLong();
        minute.close = in.readDecimal();
        minute.high = in.readDecimal();
        minute.low = in.readDecimal();
        minute.volume = in.readDecimal();
        minute.quoteVolume = in.readDecimal();
        minute.takerBuyVolume = in.readDecimal();
        minute.takerBuyQuoteVolume = in.readDecimal();
        minute.tradeCount = in.readLong();
        minute.minTradeId = minute.firstId + in.readLong();
        minute.maxTradeId = minute.firstId + in.readLong();
        return minute;
    }

    private static void writeRollup(StateWriter out, RollupCandle rollup) {
        out.writeString(rollup.interval);
        out.writeLong(rollup.lengthMs);
        out.writeLong(rollup.openTime);
        out.writeDecimal(rollup.open);
        if (rollup.isEmpty()) {
            return;
        }
        out.writeDecimal(rollup.high);
        out.writeDecimal(rollup.low);
        out.writeDecimal(rollup.close);
        out.writeDecimal(rollup.volume);
        out.writeDecimal(rollup.quoteVolume);
        out.writeDecimal(rollup.takerBuyVolume);
        out.writeDecimal(rollup.takerBuyQuoteVolume);
        out.writeLong(rollup.tradeCount);
        out.writeLong(rollup.firstTradeId);
        out.writeLong(rollup.lastTradeId);
        out.writeBoolean(rollup.filled);
    }

    private static RollupCandle readRollup(StateReader in) {
        RollupCandle rollup = new RollupCandle(in.readString(), in.readLong());
        rollup.openTime = in.readLong();
        rollup.open = in.readDecimal();
        if (rollup.isEmpty()) {
            return rollup;
        }
        rollup.high = in.readDecimal();
        rollup.low = in.readDecimal();
        rollup.close = in.readDecimal();
        rollup.volume = in.readDecimal();
        rollup.quoteVolume = in.readDecimal();
        rollup.takerBuyVolume = in.readDecimal();
        rollup.takerBuyQuoteVolume = in.readDecimal();
        rollup.tradeCount = in.readLong();
        rollup.firstTradeId = in.readLong();
        rollup.lastTradeId = in.readLong();
        rollup.filled = in.readBoolean();
        return rollup;
    }
}
