package dev.tickflow.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/** The schemas as written in contract/src/main/avro, parsed as any Avro client would parse them. */
final class AvscFiles {

    private static final Path DIR = Path.of("src", "main", "avro");

    private AvscFiles() {
    }

    /** The record schema in {@code <name>.avsc}, with the shared enums of {@code types/} it refers to. */
    static Schema schema(String name) {
        Schema.Parser parser = new Schema.Parser();
        try (Stream<Path> types = Files.list(DIR.resolve("types"))) {
            for (Path type : types.sorted().toList()) {
                parser.parse(type.toFile());
            }
            return parser.parse(DIR.resolve(name + ".avsc").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
