package dev.tickflow.serde;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Avro's decimal conversion, with the common case decoded without a {@link java.math.BigInteger}: an unscaled value of
 * at most 8 bytes (every price and quantity below 92 billion at scale 8) goes straight into a {@code long} and
 * {@link BigDecimal#valueOf(long, int)}, the same value and scale as {@link Conversions.DecimalConversion} gives.
 * Longer values and all encoding are Avro's own. The code generator binds it to every decimal field of the generated
 * classes ({@code customConversions} in contract's pom), so every reader of a generated class uses it.
 */
public final class CompactDecimalConversion extends Conversions.DecimalConversion {

    @Override
    public BigDecimal fromBytes(ByteBuffer value, Schema schema, LogicalType type) {
        int length = value.remaining();
        if (length == 0 || length > Long.BYTES) {
            return super.fromBytes(value, schema, type);
        }
        int position = value.position();
        long unscaled = value.get(position); // big-endian two's complement: the first byte carries the sign
        for (int i = 1; i < length; i++) {
            unscaled = (unscaled << 8) | (value.get(position + i) & 0xFF);
        }
        return BigDecimal.valueOf(unscaled, ((LogicalTypes.Decimal) type).getScale());
    }
}
