package dev.tickflow.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary form of {@link SymbolState} in the state store and its changelog: a version byte, then zig-zag
 * varints and decimals as (scale, unscaled value), the unscaled value as a varint when it fits a long. Trade-id
 * ranges are stored as deltas, so the usual single range of consecutive ids takes a few bytes. The part that changes
 * only when minutes close (last emitted minute, last close, rolled-up candles in progress) comes first and is kept
 * encoded with the state, so a trade re-encodes only its open minutes and seen ids.
 * Not thread-safe: one instance per processor.
 */
final class SymbolStateCodec {
    private static final byte VERSION = 1;
    private static final int NULL_DECIMAL = 0;
    private static final int LONG_DECIMAL = 1;
    private static final int BIG_DECIMAL = 2;

    private byte[] buffer = new byte[512];
    private int position;
    private byte[] input;

    byte[] encode(SymbolState state) {
        if (state.encodedPrefix == null) {
            state.encodedPrefix = encodePrefix(state);
        }
        position = 0;
        ensure(state.encodedPrefix.length);
        System.arraycopy(state.encodedPrefix, 0, buffer, 0, state.encodedPrefix.length);
        position = state.encodedPrefix.length;
        writeLong(state.openMinutes.size());
        for (MinuteCandle minute : state.openMinutes) {
            writeMinute(minute);
        }
        TradeIdRanges ranges = state.seenIds;
        writeLong(ranges.size());
        long previous = 0;
        for (int range = 0; range < ranges.size(); range++) {
            writeLong(ranges.lo(range) - previous);
            writeLong(ranges.hi(range) - ranges.lo(range));
            previous = ranges.hi(range);
        }
        return Arrays.copyOf(buffer, position);
    }

    /** What changes only when minutes close, first, so that it is encoded once per minute rather than per trade. */
    private byte[] encodePrefix(SymbolState state) {
        position = 0;
        writeByte(VERSION);
        writeString(state.symbol);
        writeString(state.exchange);
        writeLong(state.lastEmittedOpen);
        writeDecimal(state.lastClose);
        writeLong(state.rollups.size());
        for (RollupCandle rollup : state.rollups) {
            writeRollup(rollup);
        }
        return Arrays.copyOf(buffer, position);
    }

    SymbolState decode(byte[] bytes) {
        input = bytes;
        position = 0;
        byte version = input[position++];
        if (version != VERSION) {
            throw new IllegalArgumentException("Unknown symbol state version " + version);
        }
        String symbol = readString();
        String exchange = readString();
        long lastEmittedOpen = readLong();
        BigDecimal lastClose = readDecimal();
        int rollupCount = (int) readLong();
        List<RollupCandle> rollups = new ArrayList<>(Math.max(3, rollupCount));
        for (int i = 0; i < rollupCount; i++) {
            rollups.add(readRollup());
        }
        int prefixLength = position;
        int minutes = (int) readLong();
        List<MinuteCandle> openMinutes = new ArrayList<>(Math.max(2, minutes));
        for (int i = 0; i < minutes; i++) {
            openMinutes.add(readMinute());
        }
        int rangeCount = (int) readLong();
        long[] bounds = new long[2 * rangeCount];
        long previous = 0;
        for (int range = 0; range < rangeCount; range++) {
            long lo = previous + readLong();
            long hi = lo + readLong();
            bounds[2 * range] = lo;
            bounds[2 * range + 1] = hi;
            previous = hi;
        }
        SymbolState state = new SymbolState(symbol, exchange, openMinutes, TradeIdRanges.of(bounds), rollups);
        state.lastEmittedOpen = lastEmittedOpen;
        state.lastClose = lastClose;
        state.encodedPrefix = Arrays.copyOf(bytes, prefixLength);
        input = null;
        return state;
    }

    private void writeMinute(MinuteCandle minute) {
        writeLong(minute.openTime);
        writeLong(minute.firstTime - minute.openTime);
        writeLong(minute.firstId);
        writeDecimal(minute.open);
        writeLong(minute.lastTime - minute.openTime);
        writeLong(minute.lastId - minute.firstId);
        writeDecimal(minute.close);
        writeDecimal(minute.high);
        writeDecimal(minute.low);
        writeDecimal(minute.volume);
        writeDecimal(minute.quoteVolume);
        writeDecimal(minute.takerBuyVolume);
        writeDecimal(minute.takerBuyQuoteVolume);
        writeLong(minute.tradeCount);
        writeLong(minute.minTradeId - minute.firstId);
        writeLong(minute.maxTradeId - minute.firstId);
    }

    private MinuteCandle readMinute() {
        MinuteCandle minute = new MinuteCandle(readLong());
        minute.firstTime = minute.openTime + readLong();
        minute.firstId = readLong();
        minute.open = readDecimal();
        minute.lastTime = minute.openTime + readLong();
        minute.lastId = minute.firstId + readLong();
        minute.close = readDecimal();
        minute.high = readDecimal();
        minute.low = readDecimal();
        minute.volume = readDecimal();
        minute.quoteVolume = readDecimal();
        minute.takerBuyVolume = readDecimal();
        minute.takerBuyQuoteVolume = readDecimal();
        minute.tradeCount = readLong();
        minute.minTradeId = minute.firstId + readLong();
        minute.maxTradeId = minute.firstId + readLong();
        return minute;
    }

    private void writeRollup(RollupCandle rollup) {
        writeString(rollup.interval);
        writeLong(rollup.lengthMs);
        writeLong(rollup.openTime);
        writeDecimal(rollup.open);
        if (rollup.isEmpty()) {
            return;
        }
        writeDecimal(rollup.high);
        writeDecimal(rollup.low);
        writeDecimal(rollup.close);
        writeDecimal(rollup.volume);
        writeDecimal(rollup.quoteVolume);
        writeDecimal(rollup.takerBuyVolume);
        writeDecimal(rollup.takerBuyQuoteVolume);
        writeLong(rollup.tradeCount);
        writeLong(rollup.firstTradeId);
        writeLong(rollup.lastTradeId);
        writeByte((byte) (rollup.filled ? 1 : 0));
    }

    private RollupCandle readRollup() {
        RollupCandle rollup = new RollupCandle(readString(), readLong());
        rollup.openTime = readLong();
        rollup.open = readDecimal();
        if (rollup.isEmpty()) {
            return rollup;
        }
        rollup.high = readDecimal();
        rollup.low = readDecimal();
        rollup.close = readDecimal();
        rollup.volume = readDecimal();
        rollup.quoteVolume = readDecimal();
        rollup.takerBuyVolume = readDecimal();
        rollup.takerBuyQuoteVolume = readDecimal();
        rollup.tradeCount = readLong();
        rollup.firstTradeId = readLong();
        rollup.lastTradeId = readLong();
        rollup.filled = input[position++] == 1;
        return rollup;
    }

    private void writeDecimal(BigDecimal value) {
        if (value == null) {
            writeByte((byte) NULL_DECIMAL);
            return;
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 64) {
            writeByte((byte) LONG_DECIMAL);
            writeLong(value.scale());
            writeLong(unscaled.longValue());
        } else {
            byte[] bytes = unscaled.toByteArray();
            writeByte((byte) BIG_DECIMAL);
            writeLong(value.scale());
            writeLong(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }
    }

    private BigDecimal readDecimal() {
        int kind = input[position++];
        if (kind == NULL_DECIMAL) {
            return null;
        }
        int scale = (int) readLong();
        if (kind == LONG_DECIMAL) {
            return BigDecimal.valueOf(readLong(), scale);
        }
        int length = (int) readLong();
        BigInteger unscaled = new BigInteger(input, position, length);
        position += length;
        return new BigDecimal(unscaled, scale);
    }

    private void writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeLong(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private String readString() {
        int length = (int) readLong();
        String value = new String(input, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    private void writeByte(byte value) {
        ensure(1);
        buffer[position++] = value;
    }

    /** Zig-zag varint, as in Avro and protobuf. */
    private void writeLong(long value) {
        ensure(10);
        long bits = (value << 1) ^ (value >> 63);
        while ((bits & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((bits & 0x7F) | 0x80);
            bits >>>= 7;
        }
        buffer[position++] = (byte) bits;
    }

    private long readLong() {
        long bits = 0;
        int shift = 0;
        byte current;
        do {
            current = input[position++];
            bits |= (long) (current & 0x7F) << shift;
            shift += 7;
        } while (current < 0);
        return (bits >>> 1) ^ -(bits & 1);
    }

    private void ensure(int more) {
        if (position + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
        }
    }
}
