package dev.tickflow.ingest.simulator;

import dev.tickflow.ingest.TradeListener;
import dev.tickflow.ingest.WorkerThreads;
import dev.tickflow.ingest.TradeSource;
import dev.tickflow.schema.Trade;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TradeSource} of simulated trades: a {@link MarketGenerator} paced by a thread so that trade time runs at
 * {@code speed} times the wall clock from {@code start} (speed 60: a simulated minute per second).
 */
public final class SimulatedMarket implements TradeSource {
    private static final Logger log = LoggerFactory.getLogger(SimulatedMarket.class);
    private static final long MAX_SLEEP_MS = 50;

    private final MarketGenerator generator;
    private final double speed;
    private final Instant start;
    private final Clock clock;
    private final Set<String> initialSymbols;
    private volatile boolean running;
    private volatile long deliveredBefore = Long.MIN_VALUE;
    private Thread thread;
    private long startedAtNanos;

    /**
     * @param start the trade time of the simulation's start; its clock then runs at {@code speed}
     */
    public SimulatedMarket(long seed, double speed, Instant start, Collection<String> symbols) {
        this(seed, speed, start, 1, symbols, Clock.systemUTC());
    }

    /**
     * @param firstTradeId the first aggregate trade id of every symbol (1 for a fresh market; above the ids already
     *                     written to continue an earlier run without repeating an id)
     */
    public SimulatedMarket(long seed, double speed, Instant start, long firstTradeId, Collection<String> symbols) {
        this(seed, speed, start, firstTradeId, symbols, Clock.systemUTC());
    }

    SimulatedMarket(long seed, double speed, Instant start, Collection<String> symbols, Clock clock) {
        this(seed, speed, start, 1, symbols, clock);
    }

    private SimulatedMarket(long seed, double speed, Instant start, long firstTradeId, Collection<String> symbols, Clock clock) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("The simulator's speed must be positive, not " + speed);
        }
        this.generator = new MarketGenerator(seed, firstTradeId);
        this.speed = speed;
        this.start = start;
        this.clock = clock;
        this.initialSymbols = new LinkedHashSet<>(symbols);
    }

    @Override
    public synchronized void start(TradeListener listener) {
        if (thread != null) {
            throw new IllegalStateException("The simulated market was already started");
        }
        startedAtNanos = System.nanoTime();
        initialSymbols.forEach(symbol -> generator.add(symbol, start.toEpochMilli()));
        running = true;
        thread = new Thread(() -> run(listener), "ingest-simulator");
        thread.setDaemon(true);
        thread.start();
        log.info("Simulated market from {} at {}x real time: {}", start, speed, initialSymbols);
    }

    @Override
    public void subscribe(String symbol) {
        synchronized (generator) {
            generator.add(symbol, simulatedNow());
        }
    }

    @Override
    public void unsubscribe(String symbol) {
        synchronized (generator) {
            generator.remove(symbol);
        }
    }

    @Override
    public void close() {
        running = false;
        Thread current;
        synchronized (this) {
            current = thread;
        }
        WorkerThreads.interruptAndJoin(current, Duration.ofSeconds(5));
    }

    /** The simulated time before which every trade was handed to the listener; empty before the first check. */
    @Override
    public OptionalLong watermark() {
        long value = deliveredBefore;
        return value == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Trade time now: the start plus the wall time since {@link #start} times the speed. */
    long simulatedNow() {
        if (startedAtNanos == 0) {
            return start.toEpochMilli();
        }
        double elapsedMs = (System.nanoTime() - startedAtNanos) / 1e6;
        return start.toEpochMilli() + (long) (elapsedMs * speed);
    }

    private void run(TradeListener listener) {
        try {
            while (running) {
                long now = simulatedNow();
                Trade trade = null;
                synchronized (generator) {
                    if (generator.nextTradeTime() <= now) {
                        trade = generator.next();
                    }
                }
                if (trade != null) {
                    trade.setIngestTime(clock.instant());
                    listener.onTrade(trade);
                }
                long wait;
                synchronized (generator) {
                    deliveredBefore = Math.max(deliveredBefore, generator.deliveredBefore(now));
                    long next = generator.nextTradeTime();
                    wait = next == Long.MAX_VALUE ? MAX_SLEEP_MS : (long) Math.ceil((next - now) / speed);
                }
                if (trade == null) {
                    Thread.sleep(Math.max(1, Math.min(MAX_SLEEP_MS, wait)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                log.error("The simulated market stopped: {}", e.getMessage(), e);
            }
        }
    }
}
