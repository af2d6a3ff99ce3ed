package dev.tickflow.runtime.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * Writes the body of a state value compactly, for {@link StateReader} to read back in the same order: integers as
 * zig-zag varints (as in Avro and protobuf), decimals exactly as scale and unscaled value (a varint when it fits a long),
 * strings as UTF-8, nullable values and lists with a presence byte or a count. One writer is reset and reused for
 * value after value ({@link StateCodec#encode(Object, StateWriter)}), so a hot path allocates only the result.
 * Not thread-safe.
 */
public final class StateWriter {
    static final int NULL_DECIMAL = 0;
    static final int LONG_DECIMAL = 1;
    static final int BIG_DECIMAL = 2;

    private byte[] buffer;
    private int position;

    public StateWriter() {
        this(256);
    }

    public StateWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Empties the writer, keeping its buffer. */
    public StateWriter reset() {
        position = 0;
        return this;
    }

    /** How many bytes were written since the last {@link #reset()}. */
    public int size() {
        return position;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** A copy of what was written from {@code start} (a {@link #size()} taken before) on, e.g. a part to cache. */
    public byte[] bytesSince(int start) {
        return Arrays.copyOfRange(buffer, start, position);
    }

    /** The low eight bits of {@code value}. */
    public StateWriter writeByte(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
        return this;
    }

    public StateWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public StateWriter writeInt(int value) {
        return writeLong(value);
    }

    /** A zig-zag varint: one byte from -64 to 63, at most ten. */
    public StateWriter writeLong(long value) {
        ensure(10);
        long bits = (value << 1) ^ (value >> 63);
        while ((bits & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((bits & 0x7F) | 0x80);
            bits >>>= 7;
        }
        buffer[position++] = (byte) bits;
        return this;
    }

    /** A decimal or null, with its exact scale: a kind byte (null, long or big unscaled value), the scale, the unscaled value. */
    public StateWriter writeDecimal(BigDecimal value) {
        if (value == null) {
            return writeByte(NULL_DECIMAL);
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 64) {
            return writeByte(LONG_DECIMAL).writeInt(value.scale()).writeLong(unscaled.longValue());
        }
        return writeByte(BIG_DECIMAL).writeInt(value.scale()).writeBytes(unscaled.toByteArray());
    }

    /** A string (not null; see {@link #writeNullable}) as its UTF-8 length and bytes. */
    public StateWriter writeString(String value) {
        return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The length, then the bytes. */
    public StateWriter writeBytes(byte[] value) {
        writeInt(value.length);
        return writeRaw(value);
    }

    /** Bytes as they are, without a length: a part this writer wrote before ({@link #bytesSince}). */
    public StateWriter writeRaw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
        return this;
    }

    /** An instant (not null), exactly: epoch seconds and nanoseconds. */
    public StateWriter writeInstant(Instant value) {
        return writeLong(value.getEpochSecond()).writeInt(value.getNano());
    }

    /** An enum constant (not null) by its name, so that reordering the constants changes nothing. */
    public StateWriter writeEnum(Enum<?> value) {
        return writeString(value.name());
    }

    /** A presence byte, then the value unless it is null. */
    public <T> StateWriter writeNullable(T value, BiConsumer<StateWriter, ? super T> write) {
        writeBoolean(value != null);
        if (value != null) {
            write.accept(this, value);
        }
        return this;
    }

    /** The count, then each value. */
    public <T> StateWriter writeList(Collection<? extends T> values, BiConsumer<StateWriter, ? super T> write) {
        writeInt(values.size());
        for (T value : values) {
            write.accept(this, value);
        }
        return this;
    }

    private void ensure(int more) {
        if (position + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
        }
    }
}
