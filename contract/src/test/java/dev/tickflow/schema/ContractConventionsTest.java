package dev.tickflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The conventions of the brief that every schema keeps. */
class ContractConventionsTest {
    private static final SchemaSet CONTRACT = SchemaSet.read(Path.of("src/main/avro"));
    private static final List<String> MONEY_WORDS = List.of("price", "quantity", "volume", "pnl", "fees", "commission", "open", "high", "low", "close", "sma", "ema");

    @Test
    void containsOneRecordPerRecordOfTheBrief() {
        assertThat(CONTRACT.records().keySet()).containsExactlyInAnyOrder(
                "dev.tickflow.schema.Trade", "dev.tickflow.schema.Candle", "dev.tickflow.schema.IndicatorSnapshot",
                "dev.tickflow.schema.Signal", "dev.tickflow.schema.OrderEvent", "dev.tickflow.schema.Fill",
                "dev.tickflow.schema.Position", "dev.tickflow.schema.SymbolCommand",
                "dev.tickflow.schema.OperatorCommand", "dev.tickflow.schema.OperationalEvent");
    }

    @Test
    void everyRecordAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        CONTRACT.records().values().forEach(record -> {
            if (isBlank(record.getDoc())) {
                undocumented.add(record.getName());
            }
            record.getFields().stream().filter(field -> isBlank(field.doc()))
                    .forEach(field -> undocumented.add(record.getName() + "." + field.name()));
        });
        assertThat(undocumented).isEmpty();
    }

    @Test
    void pricesAndQuantitiesAreDecimalsAndInstantsAreTimestampMillis() {
        List<String> violations = new ArrayList<>();
        CONTRACT.records().values().forEach(record -> record.getFields().forEach(field -> {
            LogicalType logical = nonNull(field.schema()).getLogicalType();
            List<String> words = List.of(field.name().split("(?=[A-Z])")).stream().map(String::toLowerCase).toList();
            boolean money = words.stream().anyMatch(MONEY_WORDS::contains) && !words.contains("time") && !words.contains("asset");
            String name = field.name().toLowerCase();
            if (money && !(logical instanceof LogicalTypes.Decimal)) {
                violations.add(record.getName() + "." + field.name() + " should be a decimal");
            }
            boolean instant = name.endsWith("time") || name.endsWith("at");
            if (instant && !(logical instanceof LogicalTypes.TimestampMillis)) {
                violations.add(record.getName() + "." + field.name() + " should be timestamp-millis");
            }
        }));
        assertThat(violations).isEmpty();
    }

    @Test
    void generatedClassesCarryTheSameSchemas() {
        List<Schema> generated = List.of(Trade.getClassSchema(), Candle.getClassSchema(), IndicatorSnapshot.getClassSchema(),
                Signal.getClassSchema(), OrderEvent.getClassSchema(), Fill.getClassSchema(), Position.getClassSchema(),
                SymbolCommand.getClassSchema(), OperatorCommand.getClassSchema(), OperationalEvent.getClassSchema());
        generated.forEach(schema -> assertThat(SchemaNormalization.toParsingForm(schema))
                .isEqualTo(SchemaNormalization.toParsingForm(CONTRACT.records().get(schema.getFullName()))));
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
