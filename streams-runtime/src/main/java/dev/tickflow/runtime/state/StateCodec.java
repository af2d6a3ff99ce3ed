package dev.tickflow.runtime.state;

/**
 * How one kind of state-store value is stored: a one-byte version header, then the body the codec writes. The header
 * is handled here, once: {@link #encode} writes {@link #version()} and then {@link #write}; {@link #decode} reads the
 * header and hands its version to {@link #read}, which reads every version this code ever wrote, so an upgrade keeps the
 * state a service had. Changing what {@link #write} writes means a new version (its golden bytes pinned by a test that
 * extends {@code StateCodecContract}), and a {@link #read} that still reads the older ones.
 *
 * @param <T> the value
 */
public interface StateCodec<T> {

    /** The highest version a header can carry (versions are 1 to this). */
    int MAX_VERSION = 127;

    /** What the values are, for error messages, e.g. {@code "symbol state (store candle-state)"}. */
    String name();

    /** The version {@link #write} writes, from 1 to {@value #MAX_VERSION}. */
    int version();

    /** Writes the body of {@code value} (the header is already written). */
    void write(T value, StateWriter out);

    /**
     * Reads a body of {@code version}, from 1 to {@link #version()}: every version ever written. Throw
     * {@link UnknownStateVersionException} for one that is no longer read.
     */
    T read(int version, StateReader in);

    /** The header and the body of {@code value}. */
    default byte[] encode(T value) {
        return encode(value, new StateWriter());
    }

    /** {@link #encode(Object)} into a writer that is reset and reused, for a hot path. */
    default byte[] encode(T value, StateWriter writer) {
        int version = version();
        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalStateException(name() + ": the codec's version " + version + " is not from 1 to " + MAX_VERSION);
        }
        writer.reset().writeByte(version);
        write(value, writer);
        return writer.toByteArray();
    }

    /** The value of bytes written by {@link #encode} of this or an earlier version; every byte must be read. */
    default T decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new CorruptStateException(name() + ": an empty value has no version header");
        }
        int version = bytes[0] & 0xFF;
        if (version < 1 || version > version()) {
            throw new UnknownStateVersionException(name(), version, version());
        }
        StateReader in = new StateReader(bytes, 1);
        try {
            T value = read(version, in);
            in.expectEnd();
            return value;
        } catch (UnknownStateVersionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptStateException("Cannot read the stored " + name() + " of version " + version + ": " + e.getMessage(), e);
        }
    }
}
