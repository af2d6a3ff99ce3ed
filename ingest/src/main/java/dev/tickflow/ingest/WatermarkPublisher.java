package dev.tickflow.ingest;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a source's watermark to a writer every interval, only when it advanced past the last one written, so the
 * watermarks written are strictly increasing even when the source's own value goes back for a while.
 */
public final class WatermarkPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WatermarkPublisher.class);

    private final Supplier<OptionalLong> watermark;
    private final LongConsumer writer;
    private long lastWritten = Long.MIN_VALUE;
    private ScheduledExecutorService timer;

    public WatermarkPublisher(Supplier<OptionalLong> watermark, LongConsumer writer) {
        this.watermark = watermark;
        this.writer = writer;
    }

    /** Publishes every {@code interval} on a thread of its own until closed. */
    public synchronized void start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-watermarks");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                publishIfAdvanced();
            } catch (RuntimeException e) {
                log.warn("Watermark not published: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes the source's watermark if it is past the last one written; returns whether it wrote. */
    public synchronized boolean publishIfAdvanced() {
        OptionalLong current = watermark.get();
        if (current.isEmpty() || current.getAsLong() <= lastWritten) {
            return false;
        }
        writer.accept(current.getAsLong());
        lastWritten = current.getAsLong();
        return true;
    }

    /** The last watermark written; {@link Long#MIN_VALUE} before the first. */
    public synchronized long lastWritten() {
        return lastWritten;
    }

    /** Stops the timer (a publication under way finishes first). */
    @Override
    public void close() {
        ScheduledExecutorService current;
        synchronized (this) {
            current = timer;
        }
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
