package dev.tickflow.strategy.api;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a strategy state as compact bytes. IndicatorDecimals keep their exact value and scale, so a decoded state equals the
 * encoded one and processing continues exactly. Read it back with {@link StateReader} in the same order.
 */
public final class StateWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public StateWriter writeByte(int value) {
        return write(() -> out.writeByte(value));
    }

    public StateWriter writeBoolean(boolean value) {
        return write(() -> out.writeBoolean(value));
    }

    public StateWriter writeInt(int value) {
        return write(() -> out.writeInt(value));
    }

    public StateWriter writeLong(long value) {
        return write(() -> out.writeLong(value));
    }

    public StateWriter writeString(String value) {
        return write(() -> out.writeUTF(value));
    }

    /** A decimal or null. */
    public StateWriter writeDecimal(BigDecimal value) {
        return write(() -> {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeInt(value.scale());
                byte[] unscaled = value.unscaledValue().toByteArray();
                out.writeShort(unscaled.length);
                out.write(unscaled);
            }
        });
    }

    public StateWriter writeDecimals(List<BigDecimal> values) {
        writeInt(values.size());
        values.forEach(this::writeDecimal);
        return this;
    }

    public StateWriter writeBytes(byte[] value) {
        return write(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private StateWriter write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
