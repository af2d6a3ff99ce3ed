package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Test helpers for records whose decimals differ only in trailing zeros. */
final class Decimals {

    private Decimals() {
    }

    /** A copy of the record with every decimal at its shortest scale: 0.50000000 becomes 0.5, 100 becomes 1E+2. */
    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> T withShortestDecimals(T record) {
        Schema schema = record.getSchema();
        T copy = (T) SpecificData.get().newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            Object value = record.get(field.pos());
            copy.put(field.pos(), shortest(value));
        }
        return copy;
    }

    private static Object shortest(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, shortest(element)));
            return copy;
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value;
    }

    /** Asserts equal field values, comparing decimals by numeric value (ignoring scale). */
    static void assertSameValues(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }
}
