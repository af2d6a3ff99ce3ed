package dev.tickflow.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    @Test
    void readsBackWhatWasWrittenWithExactDecimalScales() {
        List<BigDecimal> decimals = List.of(new BigDecimal("97250.12000000"), new BigDecimal("-0.0000000000000001"),
                new BigDecimal("123456789012345678901234567890.12345678"), BigDecimal.ZERO);
        byte[] bytes = new StateWriter().writeByte(7).writeBoolean(true).writeInt(-3).writeLong(Long.MIN_VALUE)
                .writeString("sma-ema-crossover").writeDecimal(null).writeDecimals(decimals).writeBytes(new byte[] {1, 2})
                .toByteArray();

        StateReader in = new StateReader(bytes);

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
        byte[] bytes = new StateWriter().writeLong(1).writeInt(2).toByteArray();

        assertThatThrownBy(() -> {
            StateReader in = new StateReader(Arrays.copyOf(bytes, 5));
            in.readLong();
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
        StateReader longer = new StateReader(bytes);
        longer.readLong();
        assertThatThrownBy(longer::expectEnd).isInstanceOf(IllegalStateException.class).hasMessageContaining("4 unread bytes");
    }
}
