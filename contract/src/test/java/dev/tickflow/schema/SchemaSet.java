package dev.tickflow.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** The record schemas of one version of the data contract: the .avsc files, shared types (types/) parsed first. */
record SchemaSet(Map<String, Schema> records) {

    static final String AVRO_DIR = "contract/src/main/avro";
    /** Where the contract lived before the module was renamed from schemas to contract: its history continues there. */
    static final String FORMER_AVRO_DIR = "schemas/src/main/avro";

    /** Parses files given as path (relative to the avro directory) to JSON text. */
    static SchemaSet parse(Map<String, String> files) {
        Schema.Parser parser = new Schema.Parser();
        List<String> paths = new ArrayList<>(files.keySet());
        paths.sort(Comparator.comparing((String path) -> !path.startsWith("types/")).thenComparing(Comparator.naturalOrder()));
        Map<String, Schema> records = new TreeMap<>();
        for (String path : paths) {
            Schema schema = parser.parse(files.get(path));
            if (schema.getType() == Schema.Type.RECORD) {
                records.put(schema.getFullName(), schema);
            }
        }
        return new SchemaSet(records);
    }

    static SchemaSet read(Path avroDir) {
        try (Stream<Path> walk = Files.walk(avroDir)) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                files.put(avroDir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
            return parse(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What breaks BACKWARD compatibility from {@code previous} to this set: a consumer on this version must read
     * every record written with the previous one. Empty when compatible.
     */
    List<String> backwardIncompatibilitiesWith(SchemaSet previous) {
        List<String> problems = new ArrayList<>();
        previous.records.forEach((name, writer) -> {
            Schema reader = records.get(name);
            if (reader == null) {
                problems.add(name + ": record removed from the contract");
                return;
            }
            SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(
                    name + " at " + incompatibility.getLocation() + ": " + incompatibility.getType() + " " + incompatibility.getMessage()));
        });
        return problems;
    }
}
