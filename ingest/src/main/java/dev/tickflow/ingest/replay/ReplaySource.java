package dev.tickflow.ingest.replay;

import dev.tickflow.ingest.TradeListener;
import dev.tickflow.ingest.WorkerThreads;
import dev.tickflow.ingest.TradeSource;
import dev.tickflow.schema.Trade;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TradeSource} replaying Binance public-data trade files of one symbol, as fast as possible or paced at
 * {@code speed} trade-time seconds per real second. Malformed lines are skipped and counted; a jump in the trade
 * ids is reported as a gap, a trade id that does not increase is skipped and counted. Unsubscribing the symbol
 * pauses the replay until it is subscribed again; other symbols are ignored (their trades are not in the files).
 */
public final class ReplaySource implements TradeSource {
    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);

    private final List<Path> files;
    private final String symbol;
    private final double speed;
    private final Runnable onFinished;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong skipped = new AtomicLong();
    private final ReplayWatermark watermark = new ReplayWatermark();
    private final Clock clock;
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean running;
    private volatile BinanceTradesCsv reader;
    private Thread thread;

    /**
     * Opens the files (checking they exist and are named for {@code symbol}).
     *
     * @param speed      trade-time seconds per real second; 0 for as fast as possible
     * @param onFinished called from the replay thread once every trade was handed on
     */
    public ReplaySource(List<Path> files, String symbol, double speed, Runnable onFinished) {
        this(files, symbol, speed, onFinished, Clock.systemUTC());
    }

    /** {@code clock} gives the watermark of a finished replay. */
    ReplaySource(List<Path> files, String symbol, double speed, Runnable onFinished, Clock clock) {
        this.clock = clock;
        if (speed < 0) {
            throw new IllegalArgumentException("The replay speed must be 0 (as fast as possible) or positive, not " + speed);
        }
        this.symbol = BinanceCsvReader.normalizeSymbol(symbol);
        this.files = List.copyOf(files);
        this.speed = speed;
        this.onFinished = onFinished;
        this.reader = BinanceTradesCsv.open(this.files, this.symbol, MalformedLinePolicy.SKIP);
    }

    /**
     * The symbol of a replay: the one the files' Binance-style names give, else the only configured one.
     *
     * @throws IllegalArgumentException when neither tells one symbol
     */
    public static String symbolOf(List<Path> files, List<String> configured) {
        List<String> named = files.stream().map(BinanceFileNames::symbolOf).flatMap(java.util.Optional::stream).distinct().toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("A replay takes the files of one symbol; these are named for " + named);
        }
        if (configured.size() != 1) {
            throw new IllegalArgumentException("The replay files' names do not give their symbol: set exactly one symbol"
                    + " (ingest.symbols or --symbols), not " + configured);
        }
        return configured.get(0);
    }

    public String symbol() {
        return symbol;
    }

    @Override
    public synchronized void start(TradeListener listener) {
        if (thread != null) {
            throw new IllegalStateException("The replay was already started");
        }
        running = true;
        thread = new Thread(() -> run(listener), "ingest-replay");
        thread.setDaemon(true);
        thread.start();
        log.info("Replaying {} file(s) of {} {}", files.size(), symbol, speed == 0 ? "as fast as possible" : "at " + speed + "x");
    }

    @Override
    public void subscribe(String requested) {
        if (symbol.equals(requested)) {
            synchronized (pauseLock) {
                paused = false;
                pauseLock.notifyAll();
            }
        } else {
            log.warn("Replay of {} ignores the subscription of {}: its files hold one symbol", symbol, requested);
        }
    }

    @Override
    public void unsubscribe(String requested) {
        if (symbol.equals(requested)) {
            paused = true;
        }
    }

    /** The trade time of the last trade handed on; the wall clock once the replay is finished. */
    @Override
    public OptionalLong watermark() {
        return watermark.at(clock.millis());
    }

    /** Lines skipped as malformed, plus trades skipped because their id did not increase. */
    public long skipped() {
        BinanceTradesCsv current = reader;
        return skipped.get() + (current == null ? 0 : current.skippedLines());
    }

    /** Waits until every trade was handed on (or the replay failed or was closed). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    @Override
    public void close() {
        running = false;
        Thread current;
        synchronized (this) {
            current = thread;
        }
        WorkerThreads.interruptAndJoin(current, Duration.ofSeconds(5));
        reader.close();
    }

    private void run(TradeListener listener) {
        long firstTradeTime = Long.MIN_VALUE;
        long startNanos = System.nanoTime();
        long lastId = Long.MIN_VALUE;
        boolean complete = false;
        try {
            while (running && reader.hasNext()) {
                Trade trade = reader.next();
                awaitUnpaused();
                if (speed > 0) {
                    if (firstTradeTime == Long.MIN_VALUE) {
                        firstTradeTime = trade.getTradeTime().toEpochMilli();
                        startNanos = System.nanoTime();
                    }
                    long dueNanos = startNanos + (long) ((trade.getTradeTime().toEpochMilli() - firstTradeTime) * 1e6 / speed);
                    long waitNanos = dueNanos - System.nanoTime();
                    if (waitNanos > 0) {
                        TimeUnit.NANOSECONDS.sleep(waitNanos);
                    }
                }
                long id = trade.getTradeId();
                if (lastId != Long.MIN_VALUE && id <= lastId) {
                    skipped.incrementAndGet();
                    log.warn("Replay of {}: trade {} after trade {} skipped (ids must increase)", symbol, id, lastId);
                    continue;
                }
                if (lastId != Long.MIN_VALUE && id > lastId + 1) {
                    listener.onGap(symbol, lastId + 1, id - 1, "missing from the replayed files");
                }
                lastId = id;
                listener.onTrade(trade);
                watermark.delivered(trade.getTradeTime().toEpochMilli());
            }
            complete = running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Replay of {} stopped: {}", symbol, e.getMessage(), e);
        } finally {
            reader.close();
            finished.countDown();
        }
        if (complete) {
            log.info("Replay of {} finished: {} trades, {} skipped", symbol, reader.tradesRead(), skipped());
            watermark.finished();
            onFinished.run();
        }
    }

    private void awaitUnpaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && running) {
                pauseLock.wait(200);
            }
        }
    }
}
