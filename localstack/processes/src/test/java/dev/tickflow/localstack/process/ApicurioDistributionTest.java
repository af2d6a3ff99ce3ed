package dev.tickflow.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionTest {

    @TempDir
    Path temp;

    @Test
    void missingZipSaysHowToFetchIt() {
        Path missing = temp.resolve("apicurio-registry-app-3.0.9-all.zip");

        assertThatThrownBy(() -> ApicurioRegistry.builder().zip(missing).cacheDirectory(temp.resolve("cache")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("./mvnw -pl localstack/processes generate-resources");
    }

    @Test
    void unpacksOnceEvenWhenSeveralThreadsRace() throws Exception {
        Path zip = fakeDistribution(temp.resolve("apicurio-registry-app-9.9.9-all.zip"));
        Path cache = temp.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Path> install = () -> ApicurioDistribution.install(zip, cache, message -> { });
                results.add(pool.submit(install));
            }
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(cache.resolve("apicurio-registry-app-9.9.9-all/app-runner.jar"));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("apicurio-registry-app-9.9.9-all");
        }
        assertThat(cache.resolve("apicurio-registry-app-9.9.9-all/lib/dependency.jar")).hasContent("lib");
    }

    @Test
    void secondInstallReusesTheFirst() throws Exception {
        Path zip = fakeDistribution(temp.resolve("apicurio-registry-app-9.9.9-all.zip"));
        Path cache = temp.resolve("cache");
        List<String> progress = new ArrayList<>();

        Path first = ApicurioDistribution.install(zip, cache, progress::add);
        Path second = ApicurioDistribution.install(zip, cache, progress::add);

        assertThat(second).isEqualTo(first);
        assertThat(progress).hasSize(1);
    }

    @Test
    void refusesZipEntriesOutsideTheTarget() throws Exception {
        Path zip = temp.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(out, "../escaped.txt", "x");
        }

        assertThatThrownBy(() -> ApicurioDistribution.install(zip, temp.resolve("cache"), message -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
    }

    private static Path fakeDistribution(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lib/"));
            out.closeEntry();
            add(out, "lib/dependency.jar", "lib");
            add(out, "app-runner.jar", "runner");
        }
        return zip;
    }

    private static void add(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
