package dev.tickflow.ingest;

import dev.tickflow.ingest.binance.BinanceSource;
import dev.tickflow.ingest.binance.ResumePoint;
import dev.tickflow.ingest.binance.SymbolProgress;
import dev.tickflow.ingest.replay.ReplaySource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingest: the configured {@link TradeSource} into a {@link TradeSink}, and a {@link SymbolControl}
 * following control.symbols. It ends when a finite source is done, when a trade cannot be written (failed), or
 * when it is closed; closing flushes every trade already received.
 */
public final class IngestRunner implements AutoCloseable {
    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_FAILED = 1;
    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);

    private final IngestSettings settings;
    private final IngestStats stats;
    private final Duration closeTimeout;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile IngestFailure failure;
    private TradeSource source;
    private TradeSink sink;
    private SymbolControl control;
    private WatermarkPublisher watermarks;
    private boolean closed;

    public IngestRunner(IngestSettings settings, IngestStats stats, Duration closeTimeout) {
        this.settings = settings;
        this.stats = stats;
        this.closeTimeout = closeTimeout;
    }

    /** Starts the sink, the source and the control.symbols follower; returns at once. */
    public synchronized void start() {
        if (source != null || closed) {
            throw new IllegalStateException("Ingest was already started");
        }
        sink = new TradeSink(settings, stats, this::failed);
        try {
            source = TradeSources.create(settings, resumePoints(), this::finished);
            watermarks = new WatermarkPublisher(source::watermark, sink::writeWatermark);
            if (settings.followControl()) {
                control = new SymbolControl(settings, source);
            }
            source.start(sink);
            watermarks.start(settings.watermarkInterval());
            if (control != null) {
                control.start();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Ingest started: {} source, writing {} on {}", settings.source(), settings.topics().trades().name(),
                settings.bootstrapServers());
    }

    /** The running source (for control from outside, such as tests). */
    public synchronized TradeSource source() {
        return source;
    }

    /** Blocks until ingest ends: {@link #EXIT_FAILED} after a fatal failure, else {@link #EXIT_STOPPED}. */
    public int awaitTermination() throws InterruptedException {
        ended.await();
        return failure == null ? EXIT_STOPPED : EXIT_FAILED;
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Input the source skipped as malformed: replay lines or Binance messages. */
    public long malformed() {
        TradeSource current = source();
        if (current instanceof ReplaySource replay) {
            return replay.skipped();
        }
        return current instanceof BinanceSource binance ? binance.malformedMessages() : 0;
    }

    /** Connection replacements of the live source (binance only; 0 otherwise). */
    public long reconnects() {
        return source() instanceof BinanceSource binance ? binance.reconnects() : 0;
    }

    /** Per-symbol progress of the live source, by symbol (binance only; empty otherwise). */
    public Map<String, SymbolProgress> sourceProgress() {
        return source() instanceof BinanceSource binance ? binance.progress() : Map.of();
    }

    /** The failure that stopped ingest, if any. */
    public IngestFailure failure() {
        return failure;
    }

    /** Stops the control follower and the source, then flushes and closes the producer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (control != null) {
            control.close();
        }
        if (source != null) {
            source.close();
        }
        if (watermarks != null) {
            watermarks.close();
            publishLastWatermark();
        }
        if (sink != null) {
            log.info("Flushing the producer (up to {} ms)", closeTimeout.toMillis());
            sink.close(closeTimeout);
        }
        ended.countDown();
    }

    private void finished() {
        publishLastWatermark();
        sink.flush();
        log.info("The source has no more trades; {} written", stats.trades());
        ended.countDown();
    }

    /** The last trades of the subscribed symbols already in md.trades, for a live source to resume after. */
    private Map<String, ResumePoint> resumePoints() {
        if (!IngestSettings.BINANCE.equals(settings.source())) {
            return Map.of();
        }
        return TradesTopicTail.lastTrades(settings, settings.binance().resumeMaxAge());
    }

    private void publishLastWatermark() {
        try {
            watermarks.publishIfAdvanced();
        } catch (RuntimeException e) {
            log.warn("The last watermark was not written: {}", e.toString());
        }
    }

    private void failed(IngestFailure error) {
        failure = error;
        ended.countDown();
    }
}
