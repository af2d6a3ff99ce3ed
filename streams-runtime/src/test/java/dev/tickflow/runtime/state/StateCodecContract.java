package dev.tickflow.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link StateCodec} passes: extend it in the codec's module with sample values and the golden bytes of
 * every version it ever wrote. Golden bytes are produced by the code of their version (print them before changing the
 * format, then never edit them), so an upgrade that could no longer read a stored state fails here.
 *
 * @param <T> the value
 */
public abstract class StateCodecContract<T> {

    /** Bytes that code of some version stored, and the value they hold. */
    public record Golden<T>(byte[] bytes, T expected) {

        public static <T> Golden<T> hex(String hex, T expected) {
            return new Golden<>(HexFormat.of().parseHex(hex), expected);
        }

        /** A value stored as UTF-8 text before the convention (a legacy form without a header). */
        public static <T> Golden<T> text(String text, T expected) {
            return new Golden<>(text.getBytes(StandardCharsets.UTF_8), expected);
        }

        int header() {
            return bytes[0] & 0xFF;
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    protected abstract StateCodec<T> codec();

    /** Values that together set every field, leave every nullable one null, and reach the limits (empty, large). */
    protected abstract List<T> samples();

    /** The bytes of every version the codec reads, each with the value they decode to. */
    protected abstract List<Golden<T>> golden();

    /** Equal values; override for a value without a fitting {@code equals}. */
    protected void assertSameValue(T actual, T expected) {
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void decodingAnEncodedValueGivesItBack() {
        for (T sample : samples()) {
            assertSameValue(codec().decode(codec().encode(sample)), sample);
        }
    }

    @Test
    void reEncodingADecodedValueGivesTheSameBytes() {
        for (T sample : samples()) {
            byte[] encoded = codec().encode(sample);
            assertThat(codec().encode(codec().decode(encoded))).as("%s", sample).isEqualTo(encoded);
        }
    }

    @Test
    void theHeaderCarriesTheVersionTheCodecWrites() {
        assertThat(codec().version()).isBetween(1, StateCodec.MAX_VERSION);
        for (T sample : samples()) {
            assertThat(codec().encode(sample)[0]).isEqualTo((byte) codec().version());
        }
    }

    @Test
    void goldenBytesOfEveryVersionStillDecode() {
        for (Golden<T> golden : golden()) {
            assertSameValue(codec().decode(golden.bytes()), golden.expected());
        }
    }

    /** Changing what the current version writes without a new version would misread what is stored. */
    @Test
    void theCurrentVersionStillWritesItsGoldenBytes() {
        List<Golden<T>> current = golden().stream().filter(golden -> golden.header() == codec().version()).toList();
        assertThat(current).as("golden bytes of the current version %d", codec().version()).isNotEmpty();
        for (Golden<T> golden : current) {
            assertThat(HexFormat.of().formatHex(codec().encode(golden.expected()))).isEqualTo(golden.toString());
        }
    }

    @Test
    void everyVersionHasGoldenBytes() {
        List<Integer> versions = golden().stream().map(Golden::header).toList();
        assertThat(versions).as("versions of the golden bytes").containsAll(IntStream.rangeClosed(1, codec().version()).boxed().toList());
    }

    @Test
    void aNewerVersionFailsNamingTheValueAndTheVersion() {
        byte[] newer = codec().encode(samples().get(0));
        newer[0] = (byte) (codec().version() + 1);

        assertThatThrownBy(() -> codec().decode(newer)).isInstanceOf(UnknownStateVersionException.class)
                .hasMessageContaining(codec().name()).hasMessageContaining("version " + (codec().version() + 1));
    }

    @Test
    void truncatedBytesFailAsCorrupt() {
        for (T sample : samples()) {
            byte[] encoded = codec().encode(sample);
            byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);
            assertThatThrownBy(() -> codec().decode(truncated)).as("%s", sample).isInstanceOf(CorruptStateException.class)
                    .hasMessageContaining(codec().name());
        }
    }
}
