package dev.tickflow.runtime.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How a store value adopts the convention, on a small example whose second version added a field: the codec writes the
 * newest layout and reads both; its test extends {@link StateCodecContract} with samples and the golden bytes of each.
 */
class StateCodecExampleTest extends StateCodecContract<StateCodecExampleTest.LastPrice> {

    /** A value whose {@code time} came with version 2. */
    record LastPrice(String symbol, BigDecimal price, Instant time) {
    }

    static final class LastPriceCodec implements StateCodec<LastPrice> {
        @Override
        public String name() {
            return "last price (example)";
        }

        @Override
        public int version() {
            return 2;
        }

        @Override
        public void write(LastPrice value, StateWriter out) {
            out.writeString(value.symbol()).writeDecimal(value.price()).writeNullable(value.time(), StateWriter::writeInstant);
        }

        @Override
        public LastPrice read(int version, StateReader in) {
            String symbol = in.readString();
            BigDecimal price = in.readDecimal();
            Instant time = version >= 2 ? in.readNullable(StateReader::readInstant) : null;
            return new LastPrice(symbol, price, time);
        }
    }

    private static final Instant T = Instant.parse("2026-01-15T10:00:00.123Z");

    @Override
    protected StateCodec<LastPrice> codec() {
        return new LastPriceCodec();
    }

    @Override
    protected List<LastPrice> samples() {
        return List.of(new LastPrice("BTCUSDT", new BigDecimal("97250.12"), T), new LastPrice("ETHUSDT", null, null),
                new LastPrice("", new BigDecimal("-123456789012345678901234567890.1234567890123456"), Instant.MIN));
    }

    @Override
    protected List<Golden<LastPrice>> golden() {
        return List.of(
                Golden.hex("010e425443555344540104a891a309", new LastPrice("BTCUSDT", new BigDecimal("97250.12"), null)),
                Golden.hex("020e425443555344540104a891a30901c0eac5960d80d3a675", new LastPrice("BTCUSDT", new BigDecimal("97250.12"), T)),
                Golden.hex("020e455448555344540100f02e00", new LastPrice("ETHUSDT", new BigDecimal("3000"), null)));
    }
}
