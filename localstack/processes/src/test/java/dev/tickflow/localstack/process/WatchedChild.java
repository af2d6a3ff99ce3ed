package dev.tickflow.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child for {@link WatchedMainIT}: runs until stopped; its shutdown hook writes {@code stopping} and then, unless it
 * is told to {@value #HANG} there, {@code stopped cleanly} to the file named by the first argument.
 */
public final class WatchedChild {
    static final String HANG = "hang-when-stopping";

    private WatchedChild() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        boolean hang = args.length > 1 && args[1].equals(HANG);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            append(journal, "stopping");
            if (hang) {
                sleepForever();
            }
            append(journal, "stopped cleanly");
        }));
        sleepForever();
    }

    private static void append(Path journal, String line) {
        try {
            Files.writeString(journal, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
