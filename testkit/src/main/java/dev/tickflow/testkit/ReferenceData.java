package dev.tickflow.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared, read-only reference data (real exchange files under {@code shared/reference/}), which is
 * never copied into the project. Found through the system property {@value #SHARED_DIR_PROPERTY} (surefire
 * and failsafe pass it), else at {@code ../shared} next to the project root.
 */
public final class ReferenceData {
    public static final String SHARED_DIR_PROPERTY = "tickflow.shared.dir";
    public static final String XRPETH_2019_10 = "reference/binance-xrpeth-2019-10";

    private ReferenceData() {
    }

    /** The shared directory, whether or not it exists. */
    public static Path sharedDir() {
        String configured = System.getProperty(SHARED_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return projectRoot().resolve("../shared").toAbsolutePath().normalize();
    }

    /** A file under the shared directory; the calling test is skipped, with a message saying where it looked, when it is absent. */
    public static Path assumeFile(String relativePath) {
        Path file = sharedDir().resolve(relativePath);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "Reference data " + file + " is absent: skipped. Set -D"
                + SHARED_DIR_PROPERTY + "=DIR to the directory holding reference/.");
        return file;
    }

    private static Path projectRoot() {
        String configured = System.getProperty("tickflow.project.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw"))) {
                return candidate;
            }
        }
        return dir;
    }
}
