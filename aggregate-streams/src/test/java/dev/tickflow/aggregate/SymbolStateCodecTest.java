package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateCodecContract;
import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolStateCodecTest extends StateCodecContract<SymbolState> {
    private static final long MINUTE = 60_000;
    private static final List<CandleInterval> ROLLED = List.of(CandleInterval.parse("5m"), CandleInterval.parse("1h"));

    private static final BigDecimal HUGE = new BigDecimal("1234567890123456789012.12345678");

    private final SymbolStateCodec codec = new SymbolStateCodec();

    @Override
    protected StateCodec<SymbolState> codec() {
        return codec;
    }

    @Override
    protected List<SymbolState> samples() {
        return List.of(sampleState(), hugeState(), new SymbolState("BTCUSDT", "binance"));
    }

    /** Written by the codec before the convention, whose format it keeps as version 1. */
    @Override
    protected List<Golden<SymbolState>> golden() {
        return List.of(
                Golden.hex("010c5852504554480e62696e616e636580d7d691f8660110a49f110404356dc0cf248084c891f8660110bca0110110bca0110110a49f11011"
                        + "0a49f11011080d49daa3f012080f886d09f91a20401100001200006c801cc010004316880bab7038084c891f8660110bca0110110bca0110110a49f"
                        + "110110a49f11011080d49daa3f012080f886d09f91a20401100001200006c801cc010002c080de91f8660ad2010110b0a1110a000110b0a1110110b0"
                        + "a1110110b0a11101108084af5f012080e0ea9a87b70601100001200002000004c801040600", sampleState()),
                Golden.hex("011050455045555344541273696d756c61746f72ffffffffffffffffff010000028084c891f866000202101a018ee90ff6c373e0ee4cebf54e"
                        + "000002101a018ee90ff6c373e0ee4cebf54e02101a018ee90ff6c373e0ee4cebf54e02101a018ee90ff6c373e0ee4cebf54e02101a018ee90ff6c3"
                        + "73e0ee4cebf54e022032026d9981d157eaf118353fa86171210e0b4335902a984263c402101a018ee90ff6c373e0ee4cebf54e022032026d9981d1"
                        + "57eaf118353fa86171210e0b4335902a984263c4020000020200", hugeState()),
                Golden.hex("010e425443555344540e62696e616e6365ffffffffffffffffff0100000000", new SymbolState("BTCUSDT", "binance")));
    }

    /** Field by field: the state has no equals of its own. */
    @Override
    protected void assertSameValue(SymbolState actual, SymbolState expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("encodedPrefix")
                .withEqualsForType((a, b) -> a.toString().equals(b.toString()), TradeIdRanges.class).isEqualTo(expected);
    }

    /** The same state, through the codec or not, produces the same candles from here on. */
    @Test
    void aDecodedStateBehavesExactlyLikeTheOriginal() {
        SymbolState original = sampleState();
        byte[] encoded = codec.encode(original);
        SymbolState copy = codec.decode(encoded);

        assertThat(Arrays.toString(codec.encode(copy))).isEqualTo(Arrays.toString(codec.encode(original)));
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
        SymbolState copy = codec.decode(codec.encode(hugeState()));

        MinuteCandle minute = copy.openMinutes.get(0);
        assertThat(minute.open).isEqualTo(HUGE);
        assertThat(minute.quoteVolume).isEqualTo(HUGE.multiply(HUGE));
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

    private static SymbolState hugeState() {
        SymbolState state = new SymbolState("PEPEUSDT", "simulator");
        state.add(Trades.trade("PEPEUSDT", 1, 1, 1, Instant.parse("2026-01-15T10:00:00Z"), HUGE, HUGE, false));
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
