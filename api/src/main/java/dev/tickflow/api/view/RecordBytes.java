package dev.tickflow.api.view;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * How a view holds a record: as the generated class's Avro single-object encoding ({@code toByteBuffer}), decoded
 * again when it is read. An encoded candle takes about 130 bytes of heap; decoded, with its {@code BigDecimal}s,
 * {@code Instant}s and {@code String}s, about 700.
 */
record RecordBytes<T>(Encoding<T> encoding, Decoding<T> decoding) {
    static final RecordBytes<Candle> CANDLE = new RecordBytes<>(Candle::toByteBuffer, Candle::fromByteBuffer);
    static final RecordBytes<IndicatorSnapshot> INDICATOR_SNAPSHOT =
            new RecordBytes<>(IndicatorSnapshot::toByteBuffer, IndicatorSnapshot::fromByteBuffer);

    byte[] encode(T record) {
        try {
            ByteBuffer encoded = encoding.encode(record);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + record, e);
        }
    }

    T decode(byte[] bytes) {
        try {
            return decoding.decode(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode a record this view encoded itself", e);
        }
    }

    @FunctionalInterface
    interface Encoding<T> {
        ByteBuffer encode(T record) throws IOException;
    }

    @FunctionalInterface
    interface Decoding<T> {
        T decode(ByteBuffer bytes) throws IOException;
    }
}
