package dev.tickflow.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads bytes written by the former strategy StateWriter (golden hex printed by it). */
class LegacyStateReaderTest {

    @Test
    void readsWhatTheFormerWriterWroteWithExactDecimalScales() {
        List<BigDecimal> decimals = List.of(new BigDecimal("97250.12000000"), new BigDecimal("-0.0000000000000001"),
                new BigDecimal("123456789012345678901234567890.12345678"), BigDecimal.ZERO);
        // writeByte(7) writeBoolean(true) writeInt(-3) writeLong(MIN) writeString writeDecimal(null) writeDecimals writeBytes({1, 2})
        byte[] bytes = HexFormat.of().parseHex("0701fffffffd80000000000000000011736d612d656d612d63726f73736f766572000000000401000000"
                + "08000608d847e2bd0001000000100001ff010000000800100949b0f6f0023313c4499050de38f34e0100000000000100000000020102");

        LegacyStateReader in = new LegacyStateReader(bytes);

        assertThat(in.readByte()).isEqualTo(7);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readInt()).isEqualTo(-3);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readString()).isEqualTo("sma-ema-crossover");
        assertThat(in.readDecimal()).isNull();
        List<BigDecimal> read = in.readDecimals();
        assertThat(read).isEqualTo(decimals);
        assertThat(read.get(0).scale()).isEqualTo(8);
        assertThat(in.readBytes()).containsExactly(1, 2);
        in.expectEnd();
    }

    @Test
    void aTruncatedOrLongerStateFailsClearly() {
        byte[] bytes = HexFormat.of().parseHex("000000000000000100000002"); // writeLong(1) writeInt(2)

        assertThatThrownBy(() -> new LegacyStateReader(Arrays.copyOf(bytes, 5)).readLong())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
        LegacyStateReader longer = new LegacyStateReader(bytes);
        longer.readLong();
        assertThatThrownBy(longer::expectEnd).isInstanceOf(IllegalStateException.class).hasMessageContaining("4 unread bytes");
    }
}
