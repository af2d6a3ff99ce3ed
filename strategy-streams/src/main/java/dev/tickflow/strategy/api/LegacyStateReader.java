package dev.tickflow.strategy.api;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads strategy states as they were stored before the state-codec convention: the layout of
 * {@link java.io.DataOutputStream} (big-endian ints and longs, modified-UTF-8 strings, decimals as presence, scale, length
 * and unscaled bytes). A strategy's {@code StateCodec} reads its version 1 with it, from
 * {@link dev.tickflow.runtime.state.StateReader#readRemaining()}. A truncated or malformed state fails with
 * {@link IllegalStateException}.
 */
public final class LegacyStateReader {

    private final DataInputStream in;

    public LegacyStateReader(byte[] bytes) {
        this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    public int readByte() {
        return read(in::readByte);
    }

    public boolean readBoolean() {
        return read(in::readBoolean);
    }

    public int readInt() {
        return read(in::readInt);
    }

    public long readLong() {
        return read(in::readLong);
    }

    public String readString() {
        return read(in::readUTF);
    }

    /** A decimal or null. */
    public BigDecimal readDecimal() {
        return read(() -> {
            if (!in.readBoolean()) {
                return null;
            }
            int scale = in.readInt();
            byte[] unscaled = new byte[in.readShort()];
            in.readFully(unscaled);
            return new BigDecimal(new BigInteger(unscaled), scale);
        });
    }

    public List<BigDecimal> readDecimals() {
        int size = readInt();
        if (size < 0) {
            throw new IllegalStateException("Corrupt legacy strategy state: negative list size " + size);
        }
        List<BigDecimal> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readDecimal());
        }
        return values;
    }

    public byte[] readBytes() {
        return read(() -> {
            int length = in.readInt();
            if (length < 0) {
                throw new IOException("negative length " + length);
            }
            byte[] value = new byte[length];
            in.readFully(value);
            return value;
        });
    }

    /** Fails unless every byte was read: a state of another layout is not silently misread. */
    public void expectEnd() {
        int left = read(in::available);
        if (left != 0) {
            throw new IllegalStateException("Corrupt legacy strategy state: " + left + " unread bytes");
        }
    }

    private <T> T read(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt or truncated legacy strategy state: " + e, e);
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
