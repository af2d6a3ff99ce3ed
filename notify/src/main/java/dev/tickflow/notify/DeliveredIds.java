package dev.tickflow.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Iterator;

/**
 * The (target, notification id) pairs whose delivery has ended, in a local append-only file ({@value #FILE_NAME} in the
 * service's data directory), written and synced before the consumer commits the record's offset. After a restart the
 * records after the last commit are read again and those already in the log are not posted again. The log keeps the
 * newest {@code capacity} pairs; it is cut back to them when it is opened.
 */
public final class DeliveredIds implements AutoCloseable {
    public static final String FILE_NAME = "delivered-ids.log";
    private static final char SEPARATOR = '\t';

    private final LinkedHashSet<String> delivered = new LinkedHashSet<>();
    private final int capacity;
    private final FileChannel log;

    private DeliveredIds(Path file, int capacity) throws IOException {
        this.capacity = capacity;
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines.stream().filter(line -> line.indexOf(SEPARATOR) > 0).forEach(this::remember);
            if (lines.size() > delivered.size()) {
                rewrite(file);
            }
        }
        this.log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Opens (or creates) the log in {@code directory}. */
    public static DeliveredIds open(Path directory, int capacity) {
        try {
            Files.createDirectories(directory);
            return new DeliveredIds(directory.resolve(FILE_NAME), capacity);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the delivered-ids log in " + directory, e);
        }
    }

    public synchronized boolean contains(String target, String id) {
        return delivered.contains(entry(target, id));
    }

    /** Records that the delivery of {@code id} to {@code target} has ended, on disk before returning. */
    public synchronized void record(String target, String id) {
        String entry = entry(target, id);
        if (!remember(entry)) {
            return;
        }
        try {
            log.write(ByteBuffer.wrap((entry + "\n").getBytes(StandardCharsets.UTF_8)));
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the delivered-ids log", e);
        }
    }

    public synchronized int size() {
        return delivered.size();
    }

    private boolean remember(String entry) {
        boolean added = delivered.add(entry);
        Iterator<String> oldest = delivered.iterator();
        while (delivered.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
        return added;
    }

    private void rewrite(Path file) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(temporary, new ArrayList<>(delivered), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String entry(String target, String id) {
        return target.replace(SEPARATOR, ' ') + SEPARATOR + id.replace('\n', ' ').replace(SEPARATOR, ' ');
    }

    @Override
    public synchronized void close() {
        try {
            log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
