package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolStateCodecTest {
    private static final long MINUTE = 60_000;
    private static final List<CandleInterval> ROLLED = List.of(CandleInterval.parse("5m"), CandleInterval.parse("1h"));

    private final SymbolStateCodec codec = new SymbolStateCodec();

    /** The same state, through the codec or not, produces the same candles from here on. */
    @Test
    void aDecodedStateBehavesExactlyLikeTheOriginal() {
        SymbolState original = sampleState();
        byte[] encoded = codec.encode(original);
        SymbolState copy = codec.decode(encoded);

        assertThat(java.util.Arrays.toString(codec.encode(copy))).isEqualTo(java.util.Arrays.toString(codec.encode(original)));
        List<Candle> fromOriginal = continueWith(original);
        List<Candle> fromCopy = continueWith(codec.decode(encoded));
        assertThat(fromOriginal).hasSize(68 + 14 + 1);
        assertThat(fromCopy.toString()).isEqualTo(fromOriginal.toString());
    }

    @Test
    void theUsualStateIsSmall() {
        SymbolState state = new SymbolState("BTCUSDT", "binance");
        for (long id = 1; id <= 500; id++) {
            state.add(trade("BTCUSDT", 3_000_000_000L + id, id * 100, "87123.45", "0.00123"));
        }
        assertThat(codec.encode(state).length).isLessThan(160);
    }

    @Test
    void decimalsBeyondALongAndNullsRoundTrip() {
        SymbolState state = new SymbolState("PEPEUSDT", "simulator");
        BigDecimal huge = new BigDecimal("1234567890123456789012.12345678");
        state.add(Trades.trade("PEPEUSDT", 1, 1, 1, Instant.parse("2026-01-15T10:00:00Z"), huge, huge, false));
        SymbolState copy = codec.decode(codec.encode(state));

        MinuteCandle minute = copy.openMinutes.get(0);
        assertThat(minute.open).isEqualTo(huge);
        assertThat(minute.quoteVolume).isEqualTo(huge.multiply(huge));
        assertThat(copy.lastClose).isNull();
        assertThat(copy.lastEmittedOpen).isEqualTo(SymbolState.NONE);
        assertThat(copy.exchange).isEqualTo("simulator");
        assertThat(copy.symbol).isEqualTo("PEPEUSDT");
    }

    private static SymbolState sampleState() {
        SymbolState state = new SymbolState("XRPETH", "binance");
        state.add(trade("XRPETH", 100, 1_000, "0.00141342", "23"));
        state.add(trade("XRPETH", 102, 2 * MINUTE + 5, "0.00141266", "54"));
        state.add(trade("XRPETH", 101, 30_000, "0.00141300", "8"));
        state.add(trade("XRPETH", 105, 3 * MINUTE + 5, "0.00141400", "1"));
        state.closeUpTo(Trades.T0.toEpochMilli() + 2 * MINUTE, ROLLED, candle -> { });
        return state;
    }

    private static List<Candle> continueWith(SymbolState state) {
        List<Candle> out = new ArrayList<>();
        state.add(trade("XRPETH", 103, 3 * MINUTE + 1, "0.00141111", "2"));
        assertThat(state.hasSeen(104)).isFalse();
        assertThat(state.hasSeen(101)).isTrue();
        state.closeUpTo(Trades.T0.toEpochMilli() + 70 * MINUTE, ROLLED, out::add);
        return out;
    }
}
