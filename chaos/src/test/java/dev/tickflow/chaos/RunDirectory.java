package dev.tickflow.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a chaos test class keeps its data and logs: target/chaos/&lt;class&gt;/, emptied when the class starts and kept
 * afterwards, so that the services', the broker's and the registry's logs of a failed scenario can be read.
 */
final class RunDirectory {
    private RunDirectory() {
    }

    static Path of(Class<?> testClass) {
        Path dir = Path.of("target", "chaos", testClass.getSimpleName()).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
