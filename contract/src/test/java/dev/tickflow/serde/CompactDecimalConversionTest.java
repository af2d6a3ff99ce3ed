package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompactDecimalConversionTest {
    private static final Conversions.DecimalConversion AVRO = new Conversions.DecimalConversion();
    private static final CompactDecimalConversion COMPACT = new CompactDecimalConversion();

    @Test
    void decodesEveryValueAsAvrosOwnConversionDoesValueAndScale() {
        List<BigInteger> unscaled = new ArrayList<>();
        for (long edge : new long[] {0, 1, -1, 127, 128, -128, -129, 255, 256, 32_767, -32_768, Integer.MAX_VALUE,
                Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 6_743_210_000_000L, -6_743_210_000_000L}) {
            unscaled.add(BigInteger.valueOf(edge));
        }
        unscaled.add(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)); // 9 bytes: Avro's path
        unscaled.add(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
        Random random = new Random(20261206);
        for (int i = 0; i < 10_000; i++) {
            unscaled.add(new BigInteger(1 + random.nextInt(100), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
        }
        for (int scale : new int[] {0, 8, 16}) {
            Schema schema = LogicalTypes.decimal(38, scale).addToSchema(Schema.create(Schema.Type.BYTES));
            for (BigInteger value : unscaled) {
                ByteBuffer bytes = ByteBuffer.wrap(value.toByteArray());

                BigDecimal compact = COMPACT.fromBytes(bytes, schema, schema.getLogicalType());

                assertThat(compact).isEqualTo(AVRO.fromBytes(bytes, schema, schema.getLogicalType()));
                assertThat(compact.scale()).isEqualTo(scale);
                assertThat(bytes.position()).isZero();
            }
        }
    }

    @Test
    void readsFromTheBuffersPositionNotItsStart() {
        Schema schema = LogicalTypes.decimal(30, 8).addToSchema(Schema.create(Schema.Type.BYTES));
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 9, (byte) 0xFF, 0x38});
        buffer.position(2);

        assertThat(COMPACT.fromBytes(buffer, schema, schema.getLogicalType())).isEqualTo(new BigDecimal("-0.00000200"));
    }

    @Test
    void anEmptyValueFailsAsWithAvrosConversion() {
        Schema schema = LogicalTypes.decimal(30, 8).addToSchema(Schema.create(Schema.Type.BYTES));

        assertThatThrownBy(() -> COMPACT.fromBytes(ByteBuffer.allocate(0), schema, schema.getLogicalType()))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theGeneratedClassesUseItForTheirDecimals() {
        Trade trade = new Trade();
        Candle candle = new Candle();

        assertThat(trade.getConversion(Trade.getClassSchema().getField("price").pos())).isInstanceOf(CompactDecimalConversion.class);
        assertThat(candle.getConversion(Candle.getClassSchema().getField("quoteVolume").pos())).isInstanceOf(CompactDecimalConversion.class);
    }
}
