package dev.tickflow.localstack.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a child process records about itself when it starts under {@link WatchedMain}: its identity, the identity of
 * the process that started it, and its command line (as the system shows it: Linux cuts it at 4,096 characters). The JVM deletes the file after a
 * clean exit; after a SIGKILL it stays, and whoever finds it can tell whether that process still runs, and whether it
 * is still the same one.
 */
public record PidFile(Path path, ProcessIdentity process, Optional<ProcessIdentity> parent, String commandLine) {
    private static final String PID = "pid";
    private static final String START = "start";
    private static final String PARENT = "parent";
    private static final String COMMAND = "command";

    /** Records this JVM in {@code path} (replacing what is there) and deletes the file when this JVM exits normally. */
    static void recordThisProcess(Path path, Optional<ProcessIdentity> parent) {
        ProcessIdentity current = ProcessIdentity.current();
        Properties properties = new Properties();
        properties.setProperty(PID, Long.toString(current.pid()));
        properties.setProperty(START, current.start().toString());
        parent.ifPresent(identity -> properties.setProperty(PARENT, identity.toString()));
        properties.setProperty(COMMAND, ProcessHandle.current().info().commandLine().orElse(""));
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Written by a process that tickflow started; deleted when it exits cleanly");
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
        }
        path.toFile().deleteOnExit();
    }

    /** The record in {@code path}; empty when the file is gone or is not such a record. */
    public static Optional<PidFile> read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
            ProcessIdentity process = new ProcessIdentity(Long.parseLong(properties.getProperty(PID, "")),
                    Instant.parse(properties.getProperty(START, "")));
            Optional<ProcessIdentity> parent = Optional.ofNullable(properties.getProperty(PARENT)).map(ProcessIdentity::parse);
            return Optional.of(new PidFile(path, process, parent, properties.getProperty(COMMAND, "")));
        } catch (IOException | RuntimeException notARecord) {
            return Optional.empty();
        }
    }

    /**
     * The recorded process, if it still runs and is verifiably the one recorded: the same id, start instant and command
     * line (where the system shows it). A process that got the recorded id later is never taken for it.
     */
    public Optional<ProcessHandle> runningProcess() {
        return process.running().filter(handle -> handle.info().commandLine().map(commandLine::equals).orElse(true));
    }

    /** Whether the process that started the recorded one still runs. */
    public boolean parentRunning() {
        return parent.flatMap(ProcessIdentity::running).isPresent();
    }
}
