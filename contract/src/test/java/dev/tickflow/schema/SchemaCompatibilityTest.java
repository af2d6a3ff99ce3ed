package dev.tickflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The data contract may only change BACKWARD-compatibly: consumers on the new schemas read every record written
 * with the previous committed ones (new fields need defaults, enum symbols are not removed, types only widen).
 */
class SchemaCompatibilityTest {
    private static final Path AVRO_DIR = Path.of("src/main/avro");

    private static final String TRADE_V1 = """
            {"type":"record","name":"Trade","namespace":"t","fields":[
              {"name":"symbol","type":"string"},
              {"name":"quantity","type":"int"},
              {"name":"side","type":{"type":"enum","name":"Side","symbols":["BUY","SELL"]}}]}""";

    @Test
    void currentSchemasAreBackwardCompatibleWithThePreviousCommittedVersion() throws IOException {
        Optional<GitHistory> git = GitHistory.of(AVRO_DIR.toAbsolutePath());
        assumeTrue(git.isPresent(), "Skipped: no git checkout (or no git), so there is no committed history to compare against.");
        SchemaSet current = SchemaSet.read(AVRO_DIR);

        Optional<SchemaSet> previous = previousCommittedVersion(git.get(), current);
        if (previous.isEmpty()) {
            assumeFalse(git.get().isShallow(), "Skipped: shallow clone; fetch the full history to compare with the previous schema version.");
            System.out.println("Schema compatibility: the contract has no earlier committed version yet.");
            return;
        }

        assertThat(current.backwardIncompatibilitiesWith(previous.get()))
                .as("changes that break BACKWARD compatibility with the previous committed schemas").isEmpty();
    }

    @Test
    void addingAFieldWithADefaultOrAnEnumSymbolIsCompatible() {
        SchemaSet v2 = set("""
                {"type":"record","name":"Trade","namespace":"t","fields":[
                  {"name":"symbol","type":"string"},
                  {"name":"quantity","type":"long"},
                  {"name":"side","type":{"type":"enum","name":"Side","symbols":["BUY","SELL","SHORT"]}},
                  {"name":"venue","type":["null","string"],"default":null}]}""");

        assertThat(v2.backwardIncompatibilitiesWith(set(TRADE_V1))).isEmpty();
    }

    @Test
    void detectsEveryKindOfBreakingChange() {
        SchemaSet v2 = set("""
                {"type":"record","name":"Trade","namespace":"t","fields":[
                  {"name":"symbol","type":"long"},
                  {"name":"quantity","type":"int"},
                  {"name":"side","type":{"type":"enum","name":"Side","symbols":["BUY"]}},
                  {"name":"venue","type":"string"}]}""");

        assertThat(String.join("\n", v2.backwardIncompatibilitiesWith(set(TRADE_V1))))
                .contains("/fields/0/type", "TYPE_MISMATCH")
                .contains("MISSING_ENUM_SYMBOLS", "SELL")
                .contains("READER_FIELD_MISSING_DEFAULT", "venue");
    }

    @Test
    void removingARecordBreaksTheContract() {
        SchemaSet withoutTrade = set("{\"type\":\"record\",\"name\":\"Other\",\"namespace\":\"t\",\"fields\":[]}");

        assertThat(withoutTrade.backwardIncompatibilitiesWith(set(TRADE_V1))).containsExactly("t.Trade: record removed from the contract");
    }

    /** The newest committed contract that differs from the current one: HEAD while the work tree has changes, else the one before the last change. */
    private static Optional<SchemaSet> previousCommittedVersion(GitHistory git, SchemaSet current) throws IOException {
        for (String directory : List.of(SchemaSet.AVRO_DIR, SchemaSet.FORMER_AVRO_DIR)) {
            for (String commit : git.commitsTouching(directory)) {
                Map<String, String> files = git.schemaFilesAt(commit, directory);
                if (files.isEmpty()) {
                    continue; // the commit that moved the contract away from this directory
                }
                SchemaSet committed = SchemaSet.parse(files);
                if (!committed.equals(current)) {
                    return Optional.of(committed);
                }
            }
        }
        return Optional.empty();
    }

    private static SchemaSet set(String... schemas) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        List.of(schemas).forEach(schema -> files.put("f" + files.size() + ".avsc", schema));
        return SchemaSet.parse(files);
    }
}
