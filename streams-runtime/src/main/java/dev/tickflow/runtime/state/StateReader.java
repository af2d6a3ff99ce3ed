package dev.tickflow.runtime.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. Bytes that end too early, a count or length beyond them, or a
 * malformed primitive fail with {@link CorruptStateException}, never with a misread value.
 */
public final class StateReader {
    private final byte[] bytes;
    private int position;

    public StateReader(byte[] bytes) {
        this(bytes, 0);
    }

    /** Reads {@code bytes} from {@code offset} on (after a header). */
    public StateReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    /** How many bytes were read, the header included: a mark for {@link #bytesSince}. */
    public int position() {
        return position;
    }

    /** A copy of the bytes read from {@code start} (a {@link #position()} taken before) on. */
    public byte[] bytesSince(int start) {
        return Arrays.copyOfRange(bytes, start, position);
    }

    /** Every byte not read yet; the reader is then at its end. For a body of another layout, e.g. a legacy one. */
    public byte[] readRemaining() {
        byte[] rest = Arrays.copyOfRange(bytes, position, bytes.length);
        position = bytes.length;
        return rest;
    }

    /** Fails unless every byte was read: a value of another layout is not silently misread. */
    public void expectEnd() {
        if (position != bytes.length) {
            throw new CorruptStateException((bytes.length - position) + " unread bytes after the value");
        }
    }

    /** A byte, from 0 to 255. */
    public int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    public boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw new CorruptStateException("a boolean byte is 0 or 1, not " + value + " (at byte " + (position - 1) + ")");
        }
        return value == 1;
    }

    public int readInt() {
        long value = readLong();
        if (value != (int) value) {
            throw new CorruptStateException("an int out of range: " + value);
        }
        return (int) value;
    }

    public long readLong() {
        long bits = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int current = readByte();
            bits |= (long) (current & 0x7F) << shift;
            if (current < 0x80) {
                return (bits >>> 1) ^ -(bits & 1);
            }
        }
        throw new CorruptStateException("a varint longer than ten bytes (at byte " + position + ")");
    }

    /** A decimal or null, with the scale it was written with. */
    public BigDecimal readDecimal() {
        int kind = readByte();
        if (kind == StateWriter.NULL_DECIMAL) {
            return null;
        }
        if (kind != StateWriter.LONG_DECIMAL && kind != StateWriter.BIG_DECIMAL) {
            throw new CorruptStateException("unknown decimal kind " + kind + " (at byte " + (position - 1) + ")");
        }
        int scale = readInt();
        if (kind == StateWriter.LONG_DECIMAL) {
            return BigDecimal.valueOf(readLong(), scale);
        }
        int length = readLength();
        if (length == 0) {
            throw new CorruptStateException("a decimal without digits (at byte " + position + ")");
        }
        BigInteger unscaled = new BigInteger(bytes, position, length);
        position += length;
        return new BigDecimal(unscaled, scale);
    }

    public String readString() {
        int length = readLength();
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public byte[] readBytes() {
        int length = readLength();
        position += length;
        return Arrays.copyOfRange(bytes, position - length, position);
    }

    public Instant readInstant() {
        long seconds = readLong();
        int nanos = readInt();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw new CorruptStateException("no instant: " + seconds + " s " + nanos + " ns", e);
        }
    }

    public <E extends Enum<E>> E readEnum(Class<E> type) {
        String name = readString();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("'" + name + "' is no " + type.getSimpleName(), e);
        }
    }

    /** What {@link StateWriter#writeNullable} wrote: null, or the value {@code read} reads. */
    public <T> T readNullable(Function<StateReader, T> read) {
        return readBoolean() ? read.apply(this) : null;
    }

    /** What {@link StateWriter#writeList} wrote, in a new modifiable list. */
    public <T> List<T> readList(Function<StateReader, T> read) {
        int count = readLength();
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(read.apply(this));
        }
        return values;
    }

    /** A length or count: never negative and never more than the bytes left (each element takes one at least). */
    private int readLength() {
        int length = readInt();
        if (length < 0 || length > bytes.length - position) {
            throw new CorruptStateException("a length of " + length + " with " + (bytes.length - position) + " bytes left (at byte "
                    + position + ")");
        }
        return length;
    }

    private void need(int count) {
        if (position + count > bytes.length) {
            throw new CorruptStateException("truncated: the value ends after " + bytes.length + " bytes");
        }
    }
}
