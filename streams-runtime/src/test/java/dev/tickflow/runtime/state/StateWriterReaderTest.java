package dev.tickflow.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StateWriterReaderTest {

    @Test
    void readsBackWhatWasWrittenWithExactDecimalScales() {
        List<BigDecimal> decimals = List.of(new BigDecimal("97250.12000000"), new BigDecimal("-0.0000000000000001"),
                new BigDecimal("123456789012345678901234567890.12345678"), BigDecimal.ZERO, new BigDecimal("1E+3"));
        Instant instant = Instant.parse("2026-01-15T10:00:00.123456789Z");
        byte[] bytes = new StateWriter().writeByte(200).writeBoolean(true).writeInt(Integer.MIN_VALUE).writeLong(Long.MIN_VALUE)
                .writeLong(Long.MAX_VALUE).writeString("sma-ema-crossover ü €").writeDecimal(null).writeList(decimals, StateWriter::writeDecimal)
                .writeBytes(new byte[] {1, 2}).writeInstant(instant).writeInstant(Instant.EPOCH.minusNanos(1)).writeEnum(TimeUnit.SECONDS)
                .writeNullable(null, StateWriter::writeString).writeNullable("x", StateWriter::writeString).toByteArray();

        StateReader in = new StateReader(bytes);

        assertThat(in.readByte()).isEqualTo(200);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.readString()).isEqualTo("sma-ema-crossover ü €");
        assertThat(in.readDecimal()).isNull();
        List<BigDecimal> read = in.readList(StateReader::readDecimal);
        assertThat(read).isEqualTo(decimals);
        assertThat(read.get(0).scale()).isEqualTo(8);
        assertThat(read.get(4).scale()).isEqualTo(-3);
        assertThat(in.readBytes()).containsExactly(1, 2);
        assertThat(in.readInstant()).isEqualTo(instant);
        assertThat(in.readInstant()).isEqualTo(Instant.EPOCH.minusNanos(1));
        assertThat(in.readEnum(TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(in.<String>readNullable(StateReader::readString)).isNull();
        assertThat(in.readNullable(StateReader::readString)).isEqualTo("x");
        in.expectEnd();
    }

    @Test
    void integersAreZigZagVarintsAndDecimalsOfALongAreShort() {
        assertThat(hex(new StateWriter().writeLong(0).writeLong(-1).writeLong(1).writeLong(63).writeLong(-64).writeLong(64)))
                .isEqualTo("00" + "01" + "02" + "7e" + "7f" + "8001");
        assertThat(hex(new StateWriter().writeDecimal(new BigDecimal("0.00141342")))).as("kind, scale 8, unscaled 141342")
                .isEqualTo("01" + "10" + "bca011");
        assertThat(new StateWriter().writeLong(Long.MIN_VALUE).size()).isEqualTo(10);
    }

    @Test
    void aWriterIsReusedAfterReset() {
        StateWriter writer = new StateWriter(16);
        writer.writeString("a longer string than the initial buffer of sixteen bytes");
        int start = writer.reset().writeLong(5).size();
        writer.writeString("part");

        assertThat(writer.bytesSince(start)).isEqualTo(new StateWriter().writeString("part").toByteArray());
        assertThat(writer.toByteArray()).isEqualTo(new StateWriter().writeLong(5).writeRaw(writer.bytesSince(start)).toByteArray());
    }

    @Test
    void aTruncatedLongerOrMalformedValueFailsClearly() {
        byte[] bytes = new StateWriter().writeLong(1_000_000).writeString("abc").toByteArray();

        assertThatThrownBy(() -> new StateReader(Arrays.copyOf(bytes, 2)).readLong())
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("truncated");
        StateReader shortString = new StateReader(Arrays.copyOf(bytes, bytes.length - 1));
        shortString.readLong();
        assertThatThrownBy(shortString::readString).isInstanceOf(CorruptStateException.class).hasMessageContaining("length of 3");
        StateReader longer = new StateReader(bytes);
        longer.readLong();
        assertThatThrownBy(longer::expectEnd).isInstanceOf(CorruptStateException.class).hasMessageContaining("4 unread bytes");
        assertThatThrownBy(() -> new StateReader(new byte[] {2}).readBoolean()).isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> new StateReader(new byte[] {7}).readDecimal()).hasMessageContaining("decimal kind 7");
        assertThatThrownBy(() -> new StateReader(new StateWriter().writeInt(-1).toByteArray()).readList(StateReader::readLong))
                .isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> new StateReader(new StateWriter().writeLong(1L << 40).toByteArray()).readInt())
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> new StateReader(new StateWriter().writeString("LATER").toByteArray()).readEnum(TimeUnit.class))
                .hasMessageContaining("'LATER' is no TimeUnit");
    }

    @Test
    void theRemainingBytesAreHandedOverAsTheyAre() {
        StateReader in = new StateReader(new byte[] {1, 9, 8, 7}, 1);

        assertThat(in.readRemaining()).containsExactly(9, 8, 7);
        in.expectEnd();
        assertThat(in.position()).isEqualTo(4);
    }

    private static String hex(StateWriter writer) {
        return HexFormat.of().formatHex(writer.toByteArray());
    }
}
