package dev.tickflow.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads committed versions of the data contract with the git command line. */
final class GitHistory {
    private final Path repository;

    private GitHistory(Path repository) {
        this.repository = repository;
    }

    /** The repository containing {@code directory}, if git is installed and it is a checkout. */
    static Optional<GitHistory> of(Path directory) {
        try {
            String top = run(directory, "rev-parse", "--show-toplevel").trim();
            return Optional.of(new GitHistory(Path.of(top)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean isShallow() throws IOException {
        return run(repository, "rev-parse", "--is-shallow-repository").trim().equals("true");
    }

    /** Commits that changed {@code path}, newest first. */
    List<String> commitsTouching(String path) throws IOException {
        String out = run(repository, "log", "--format=%H", "--", path);
        return out.isBlank() ? List.of() : List.of(out.trim().split("\n"));
    }

    /** The .avsc files under {@code directory} at {@code commit}, keyed by path relative to it. */
    Map<String, String> schemaFilesAt(String commit, String directory) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : run(repository, "ls-tree", "-r", "--name-only", commit, "--", directory).split("\n")) {
            if (path.endsWith(".avsc")) {
                files.put(path.substring(directory.length() + 1), run(repository, "show", commit + ":" + path));
            }
        }
        return files;
    }

    private static String run(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + err.trim());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
