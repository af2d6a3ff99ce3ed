package dev.tickflow.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js scripts of the tests that prove non-Java clients read our topics: a directory with a package.json, its
 * {@code npm ci} packages, and scripts that write one result per stdout line.
 */
public final class NodeScripts {
    private final Path directory;

    public NodeScripts(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /**
     * Skips the calling test when Node or one of {@code packages} is missing, or fails it under {@code CI=true}, where
     * .ci/run installs both.
     */
    public void requireInstalled(String testName, String... packages) {
        String missing = null;
        for (String name : packages) {
            if (!Files.isDirectory(directory.resolve("node_modules").resolve(name))) {
                missing = String.join(" and ", packages) + " not installed: run 'npm ci' in " + directory;
                break;
            }
        }
        if (missing == null && !nodeRuns()) {
            missing = "'node' is not on the PATH: install Node.js 20 or newer";
        }
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(testName + " must run in CI, but " + missing + " (.ci/run does both).");
        }
        Assumptions.abort("Skipped: " + missing + ".");
    }

    /** Runs {@code node script arguments...} in the directory with {@code input} lines on stdin; its stdout lines, or fails with its stderr. */
    public List<String> run(String script, List<String> input, List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", directory.resolve(script).toString()));
        command.addAll(arguments);
        Path stderr = Files.createTempFile("node-script", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectError(stderr.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                if (!input.isEmpty()) {
                    stdin.write((String.join("\n", input) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("node " + script + " " + String.join(" ", arguments) + " failed: " + Files.readString(stderr));
            }
            return stdout.lines().toList();
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
