package dev.tickflow.serde;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
  * Finds the decimal field that made Avro refuse a record: Avro pads a smaller scale with zeros but
  * never rounds, and its own message does not name the field. Only used after a failure.
  */
final class DecimalDiagnostics {

    private DecimalDiagnostics() {
    }

    static Optional<String> explain(IndexedRecord record) {
        return explain(record, record.getSchema().getName());
    }

    private static Optional<String> explain(IndexedRecord record, String path) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            String fieldPath = path + "." + field.name();
            Optional<String> problem = value instanceof IndexedRecord nested
                    ? explain(nested, fieldPath)
                    : value instanceof Map<?, ?> map ? explain(map, decimalType(nonNull(field.schema()).getValueType()), fieldPath)
                    : value instanceof BigDecimal decimal ? explain(decimal, decimalType(field.schema()), fieldPath) : Optional.empty();
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The first value of a map of decimals that does not fit, named by its key. */
    private static Optional<String> explain(Map<?, ?> map, LogicalTypes.Decimal type, String path) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() instanceof BigDecimal decimal) {
                Optional<String> problem = explain(decimal, type, path + "[" + entry.getKey() + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> explain(BigDecimal value, LogicalTypes.Decimal type, String path) {
        if (type == null) {
            return Optional.empty();
        }
        String declared = "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
        if (value.scale() > type.getScale()) {
            return Optional.of("field " + path + " = " + value.toPlainString() + " has " + value.scale()
                    + " decimal places, but its schema type " + declared + " allows " + type.getScale() + ". The serde never"
                    + " rounds: round the value explicitly before producing, e.g. setScale(" + type.getScale()
                    + ", RoundingMode.HALF_EVEN)");
        }
        int digits = value.setScale(type.getScale()).precision();
        if (digits > type.getPrecision()) {
            return Optional.of("field " + path + " = " + value.toPlainString() + " needs " + digits + " digits at scale "
                    + type.getScale() + ", more than the precision of its schema type " + declared);
        }
        return Optional.empty();
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                ? schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).findFirst().orElse(schema)
                : schema;
    }

    private static LogicalTypes.Decimal decimalType(Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            return decimal;
        }
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                if (branch.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
                    return decimal;
                }
            }
        }
        return null;
    }
}
