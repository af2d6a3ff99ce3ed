package dev.tickflow.localstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Apicurio Registry's distribution zip, as Maven fetches it into the local repository, unpacked once
 * into a cache directory shared by every JVM and worktree of the user.
 */
final class ApicurioDistribution {

    /** Keep in step with {@code apicurio.version} in the parent POM. */
    static final String VERSION = "3.0.9";
    static final String ZIP_PROPERTY = "tickflow.apicurio.zip";
    static final String CACHE_PROPERTY = "tickflow.cache.dir";

    private ApicurioDistribution() {
    }

    /** The zip named by {@value #ZIP_PROPERTY}, else the one in the local Maven repository. */
    static Path defaultZip() {
        String configured = System.getProperty(ZIP_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String localRepository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(localRepository, "io", "apicurio", "apicurio-registry-app", VERSION,
                "apicurio-registry-app-" + VERSION + "-all.zip");
    }

    /** {@value #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/tickflow}, else {@code ~/.cache/tickflow}. */
    static Path defaultCacheDirectory() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tickflow");
    }

    /**
     * Unpacks {@code zip} into {@code cacheDirectory/<zip name without .zip>} unless it is there already,
     * and returns the runner jar. Safe when several JVMs do it at once: each unpacks into its own temporary
     * directory and renames it into place; the first rename wins, the others throw their copy away.
     */
    static Path install(Path zip, Path cacheDirectory, Consumer<String> progress) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Apicurio Registry " + VERSION + " distribution not found at " + zip
                    + ". Fetch it into the local Maven repository with: ./mvnw -pl localstack/processes generate-resources"
                    + " (or point -D" + ZIP_PROPERTY + " at apicurio-registry-app-" + VERSION + "-all.zip)");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = cacheDirectory.resolve(name);
        Optional<Path> installed = runnerJar(target);
        if (installed.isPresent()) {
            return installed.get();
        }
        Files.createDirectories(cacheDirectory);
        progress.accept("Unpacking " + zip.getFileName() + " (" + Files.size(zip) / (1024 * 1024) + " MB) into " + target
                + " (only the first time)");
        Path temporary = Files.createTempDirectory(cacheDirectory, name + ".tmp-");
        try {
            unzip(zip, temporary);
            if (runnerJar(temporary).isEmpty()) {
                throw new IllegalStateException(zip + " holds no *-runner.jar: not an Apicurio Registry distribution");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (runnerJar(target).isEmpty()) {
                    throw e;
                }
                // Another JVM renamed its copy into place first; use that one.
            }
        } finally {
            deleteRecursively(temporary);
        }
        return runnerJar(target).orElseThrow(() -> new IllegalStateException("No *-runner.jar in " + target));
    }

    /** The runner jar's {@code Main-Class}, so that {@link WatchedMain} can run it. */
    static String mainClass(Path runnerJar) throws IOException {
        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            Manifest manifest = jar.getManifest();
            String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (mainClass == null) {
                throw new IllegalStateException(runnerJar + " names no Main-Class in its manifest");
            }
            return mainClass;
        }
    }

    private static Optional<Path> runnerJar(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst();
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = into.resolve(entry.getName()).normalize();
                if (!destination.startsWith(into)) {
                    throw new IOException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, destination);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
