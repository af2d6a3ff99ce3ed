package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.SampleRecords;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrySchemasTest {

    static java.util.List<SpecificRecord> records() {
        return SampleRecords.all();
    }

    @ParameterizedTest
    @MethodSource("records")
    void generatedSchemasCarryTheJavaStringPropertyThatIsNotInTheAvsc(SpecificRecord record) {
        assertThat(record.getSchema().toString()).contains("\"avro.java.string\":\"String\"");
        assertThat(record.getSchema()).isNotEqualTo(AvscFiles.schema(record.getSchema().getName()));
    }

    @ParameterizedTest
    @MethodSource("records")
    void theRegistryFormHasNoJavaStringPropertyAndEqualsTheAvsc(SpecificRecord record) {
        Schema avsc = AvscFiles.schema(record.getSchema().getName());

        String text = RegistrySchemas.registryText(record.getSchema());

        assertThat(text).doesNotContain("avro.java.string");
        assertThat(RegistrySchemas.parse(text)).isEqualTo(avsc);
        assertThat(text).isEqualTo(avsc.toString());
        assertThat(RegistrySchemas.forRegistry(record.getSchema())).isEqualTo(avsc);
    }

    @ParameterizedTest
    @MethodSource("records")
    void theGeneratedSchemaAndTheAvscGetTheSameId(SpecificRecord record) {
        String scope = "strip-" + UUID.randomUUID();
        try {
            MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
            int fromAvsc = registry.register("t-value", AvscFiles.schema(record.getSchema().getName()));

            assertThat(registry.register("t-value", record.getSchema())).isEqualTo(fromAvsc);
            assertThat(registry.versions("t-value")).hasSize(1);
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }
}
