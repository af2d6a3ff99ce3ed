package dev.tickflow.ingest.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;

/** A temporary folder for the Binance CSV files of a test, and reading a reader to its end. */
abstract class BinanceCsvTestSupport {
    @TempDir
    Path dir;

    /** Writes the lines to a file of the folder, each ended by a newline. */
    Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Writes the text gzipped to a file of the folder. */
    Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** All the records left in a reader, which is closed after. */
    static <T> List<T> drain(BinanceCsvReader<T> reader) {
        List<T> records = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }
}
