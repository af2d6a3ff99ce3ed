package dev.tickflow.ingest.binance;

import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import dev.tickflow.ingest.TradeListener;
import dev.tickflow.ingest.TradeSource;
import dev.tickflow.schema.Trade;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance Spot aggregate trades of a changing set of symbols over combined-stream WebSocket connections, each with at
 * most {@code ingest.binance.max.streams.per.connection} symbols; a new symbol goes to the first connection with room,
 * or to a new one.
 *
 * <p>All state lives on one event-loop thread: connector callbacks, the silence watchdog, rotation, subscription
 * changes and REST backfill all run there, so trades reach the listener from that thread, per symbol in id order.
 * Each connection reconnects, is watched and rotated on its own; a connection change catches up only its symbols.
 * Every connection attempt is tagged with a generation; callbacks of an older attempt are ignored. After every
 * (re)connect each symbol with a known last id is caught up from REST, and any stream trade that skips ids has the
 * hole filled from REST before it is delivered; what REST cannot supply goes to {@link TradeListener#onGap}.
 * REST requests wait out 429 and 418 answers (Retry-After) and stay under a weight per minute
 * ({@link RestWeightBudget}). A symbol subscribed with a {@link ResumePoint} is backfilled from the id after it.
 */
public final class BinanceSource implements TradeSource {

    private static final Logger log = LoggerFactory.getLogger(BinanceSource.class);
    static final int REST_PAGE_LIMIT = 1000;
    private static final long MALFORMED_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BinanceSourceSettings settings;
    private final Clock clock;
    private final Clock restClock = Clock.systemUTC();
    private final AggTradeParser parser = new AggTradeParser();
    private final WebSocketStreamClientImpl streams;
    private final AggTradesRest rest;
    private final RestWeightBudget restBudget;
    private final Map<String, ResumePoint> resumePoints = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long backfillingSinceMs = -1;
    private final ScheduledExecutorService loop;
    private volatile Thread loopThread;

    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connectionAttempts = new AtomicLong();
    private final Map<String, SymbolStream> symbols = new ConcurrentSkipListMap<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    // Owned by the loop thread.
    private TradeListener listener;
    private boolean started;
    private boolean closed;
    private int generations;
    private int connectionNumbers;
    private long lastAttemptNanos;
    private boolean attempted;
    private long lastMalformedLogNanos;
    private long malformedAtLastLog;

    public BinanceSource(BinanceSourceSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** {@code clock} stamps ingestTime and gives the watermark's wall clock; timeouts use the monotonic clock, REST limits the system clock. */
    public BinanceSource(BinanceSourceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.streams = new WebSocketStreamClientImpl(settings.streamUrl());
        this.rest = new AggTradesRest(settings.restUrl());
        this.restBudget = new RestWeightBudget(settings.restMaxWeightPerMinute());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "binance-source");
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        // close() must not wait for the rotation or a pending reconnect.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        this.loop = executor;
    }

    @Override
    public void start(TradeListener tradeListener) {
        run(() -> {
            if (started) {
                throw new IllegalStateException("already started");
            }
            listener = tradeListener;
            started = true;
            long period = Math.max(10, settings.silenceTimeout().toMillis() / 4);
            loop.scheduleWithFixedDelay(guarded(this::checkSilence), period, period, TimeUnit.MILLISECONDS);
            connections.forEach(connection -> scheduleConnect(connection, 0));
        });
    }

    /** Subscribes {@code symbol}; after its {@link #resumeAfter resume point}, if it has one not used yet. */
    @Override
    public void subscribe(String symbol) {
        String s = normalize(symbol);
        run(() -> add(s, resumePoints.remove(s)));
    }

    /**
     * Subscribes {@code symbol} as if its trades up to {@code lastTradeId} had been delivered already: the next
     * connection first backfills from {@code lastTradeId + 1} over REST. A no-op when already subscribed.
     */
    public void subscribe(String symbol, long lastTradeId) {
        String s = normalize(symbol);
        run(() -> add(s, lastTradeId < 0 ? null : new ResumePoint(lastTradeId, Long.MIN_VALUE)));
    }

    /**
     * Where each symbol's output stopped (its last trade in md.trades): the first subscription of such a symbol
     * backfills from the next id over REST, unless that trade is older than {@code ingest.binance.resume.max.age.ms};
     * then it starts at the live stream and the ids in between are reported as a gap. Call before subscribing.
     */
    public void resumeAfter(Map<String, ResumePoint> points) {
        points.forEach((symbol, point) -> resumePoints.put(normalize(symbol), point));
    }

    /**
     * The wall clock, held back while a symbol waits for a connection, is caught up through REST or has a hole, to the
     * trade time up to which that symbol is complete; empty before anything is known.
     */
    @Override
    public OptionalLong watermark() {
        long now = clock.millis();
        long busySince = backfillingSinceMs;
        long liveUpTo = busySince >= 0 ? Math.min(now, busySince) : now;
        long watermark = SymbolCompleteness.watermark(liveUpTo, symbols.values().stream().map(s -> s.completeness).toList());
        return watermark == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(watermark);
    }

    private void add(String s, ResumePoint resume) {
        if (symbols.containsKey(s)) {
            return;
        }
        Connection connection = connectionWithRoom();
        long now = clock.millis();
        SymbolStream state = new SymbolStream(s, connection, resume == null ? now : resume.lastTradeTimeMs());
        if (resume != null) {
            state.lastTradeId = resume.lastTradeId();
            long age = now - resume.lastTradeTimeMs();
            if (resume.lastTradeTimeMs() != Long.MIN_VALUE && age > settings.resumeMaxAge().toMillis()) {
                state.resumeTooOld = true;
                log.error("Not resuming {} after trade {}: that trade ({}) is {} old, more than {} ({}). {} starts at the"
                                + " live stream; the ids from {} up to its first stream trade are reported as a gap.", s,
                        resume.lastTradeId(), Instant.ofEpochMilli(resume.lastTradeTimeMs()), Duration.ofMillis(age),
                        settings.resumeMaxAge(), BinanceSourceSettings.RESUME_MAX_AGE_MS, s, resume.lastTradeId() + 1);
            }
        }
        symbols.put(s, state);
        connection.symbols.add(s);
        log.info("Subscribed {} on connection {}{}", s, connection.number,
                resume != null && !state.resumeTooOld ? ", resuming after trade " + resume.lastTradeId() : "");
        if (started) {
            replaceConnection(connection, "subscribe " + s);
        }
    }

    /** The first connection with fewer symbols than the limit, or a new one. */
    private Connection connectionWithRoom() {
        for (Connection connection : connections) {
            if (connection.symbols.size() < settings.maxStreamsPerConnection()) {
                return connection;
            }
        }
        Connection connection = new Connection(++connectionNumbers);
        connections.add(connection);
        return connection;
    }

    @Override
    public void unsubscribe(String symbol) {
        String s = normalize(symbol);
        run(() -> {
            SymbolStream state = symbols.remove(s);
            if (state == null) {
                return;
            }
            Connection connection = state.connection;
            connection.symbols.remove(s);
            log.info("Unsubscribed {} from connection {}", s, connection.number);
            if (connection.symbols.isEmpty()) {
                dropConnection(connection);
                cancel(connection.pendingConnect);
                connections.remove(connection);
                log.info("Closed connection {}: no symbols left", connection.number);
            } else if (started) {
                replaceConnection(connection, "unsubscribe " + s);
            }
        });
    }

    @Override
    public void close() {
        closing.countDown();
        rest.close();
        if (Thread.currentThread() == loopThread) {
            // Called by the listener: finish after the current task, without waiting for ourselves.
            closed = true;
            dropAllConnections();
            loop.shutdown();
            return;
        }
        try {
            loop.execute(() -> {
                closed = true;
                dropAllConnections();
            });
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        loop.shutdown();
        try {
            if (!loop.awaitTermination(10, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Messages that were not JSON, missed fields, or were not an aggTrade or serverShutdown of a subscribed symbol. */
    public long malformedMessages() {
        return malformed.get();
    }

    /** Connections open or to be opened: the subscribed symbols spread over at most {@code max.streams.per.connection} each. */
    public int connections() {
        return connections.size();
    }

    /** Connections replaced after a close, failure, silence, serverShutdown or rotation. */
    public long reconnects() {
        return reconnects.get();
    }

    public long connectionAttempts() {
        return connectionAttempts.get();
    }

    /** Progress of every subscribed symbol, by symbol. */
    public Map<String, SymbolProgress> progress() {
        return symbols.values().stream()
                .collect(Collectors.toMap(s -> s.symbol, SymbolStream::snapshot, (a, b) -> a,
                        LinkedHashMap::new));
    }

    public Optional<SymbolProgress> progress(String symbol) {
        return Optional.ofNullable(symbols.get(normalize(symbol))).map(SymbolStream::snapshot);
    }

    // ---- connections ----

    private void scheduleConnect(Connection connection, long delayMillis) {
        cancel(connection.pendingConnect);
        connection.pendingConnect = loop.schedule(guarded(() -> connect(connection)), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Opens {@code connection}; two attempts of any connections are at least {@code connect.min.interval} apart. */
    private void connect(Connection connection) {
        connection.pendingConnect = null;
        if (closed || connection.symbols.isEmpty() || connection.connectionId != null || !connections.contains(connection)) {
            return;
        }
        long now = System.nanoTime();
        long earliest = lastAttemptNanos + settings.minConnectInterval().toNanos();
        if (attempted && earliest - now > 0) {
            cancel(connection.pendingConnect);
            connection.pendingConnect = loop.schedule(guarded(() -> connect(connection)), earliest - now, TimeUnit.NANOSECONDS);
            return;
        }
        ArrayList<String> names = new ArrayList<>();
        for (String s : connection.symbols) {
            names.add(s.toLowerCase(Locale.ROOT) + "@aggTrade");
        }
        int gen = ++generations;
        connection.generation = gen;
        attempted = true;
        lastAttemptNanos = now;
        connection.lastMessageNanos = now;
        connectionAttempts.incrementAndGet();
        log.info("Connection {}: connecting to {} for {} streams {} (generation {})", connection.number, settings.streamUrl(),
                names.size(), abbreviate(names.toString()), gen);
        try {
            connection.connectionId = streams.combineStreams(names,
                    response -> post(connection, gen, () -> onOpen(connection)),
                    message -> post(connection, gen, () -> onMessage(connection, message)),
                    (code, reason) -> post(connection, gen, () -> onDisconnect(connection, "server closing " + code + " " + reason)),
                    (code, reason) -> post(connection, gen, () -> onDisconnect(connection, "closed " + code + " " + reason)),
                    (error, response) -> post(connection, gen, () -> onDisconnect(connection, "failure " + error)));
        } catch (RuntimeException e) {
            connection.generation = ++generations;
            onConnectionLost(connection, "connect failed: " + e);
            return;
        }
        connection.rotation = loop.schedule(guarded(() -> {
            if (gen == connection.generation && connection.connectionId != null) {
                countReconnect(connection);
                replaceConnection(connection, "rotation after " + settings.rotationPeriod());
            }
        }), settings.rotationPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onOpen(Connection connection) {
        log.info("Connection {} open (generation {})", connection.number, connection.generation);
        connection.failures = 0;
        backfillingSinceMs = clock.millis();
        for (String symbol : connection.symbols) {
            SymbolStream state = symbols.get(symbol);
            boolean complete = state.lastTradeId < 0 || state.resumeTooOld || fill(state, Long.MAX_VALUE);
            if (complete) {
                state.completeness.live();
            }
        }
        backfillDone();
    }

    /** The loop was busy backfilling, so no connection's silence could be seen meanwhile. */
    private void backfillDone() {
        backfillingSinceMs = -1;
        long now = System.nanoTime();
        connections.forEach(connection -> connection.lastMessageNanos = now);
    }

    private void onDisconnect(Connection connection, String reason) {
        dropConnection(connection);
        onConnectionLost(connection, reason);
    }

    private void onConnectionLost(Connection connection, String reason) {
        countReconnect(connection);
        connection.failures++;
        long delay = backoffMillis(connection.failures);
        log.warn("Connection {} lost ({}); reconnecting in {} ms", connection.number, reason, delay);
        scheduleConnect(connection, delay);
    }

    private void countReconnect(Connection connection) {
        reconnects.incrementAndGet();
        connection.reconnects++;
    }

    private void replaceConnection(Connection connection, String reason) {
        log.info("Replacing connection {}: {}", connection.number, reason);
        dropConnection(connection);
        scheduleConnect(connection, 0);
    }

    /** Closes the connection's current WebSocket, if any; its callbacks are ignored from now on. */
    private void dropConnection(Connection connection) {
        connection.generation = ++generations;
        connection.symbols.forEach(symbol -> symbols.get(symbol).completeness.catchingUp());
        cancel(connection.rotation);
        connection.rotation = null;
        if (connection.connectionId != null) {
            int id = connection.connectionId;
            connection.connectionId = null;
            // Also removes the connector's bookkeeping of a connection that already failed.
            streams.closeConnection(id);
        }
    }

    private void dropAllConnections() {
        for (Connection connection : connections) {
            dropConnection(connection);
            cancel(connection.pendingConnect);
        }
    }

    private void checkSilence() {
        if (closed) {
            return;
        }
        for (Connection connection : connections) {
            long silentNanos = System.nanoTime() - connection.lastMessageNanos;
            if (connection.connectionId != null && silentNanos > settings.silenceTimeout().toNanos()) {
                onDisconnect(connection, "silent for " + Duration.ofNanos(silentNanos).toMillis() + " ms");
            }
        }
    }

    private long backoffMillis(int attempt) {
        long min = settings.backoffMin().toMillis();
        long max = settings.backoffMax().toMillis();
        long base = min << Math.min(attempt - 1, 20);
        base = Math.min(max, Math.max(min, base));
        long half = base / 2;
        return half + ThreadLocalRandom.current().nextLong(base - half + 1);
    }

    // ---- messages ----

    private void onMessage(Connection connection, String text) {
        connection.lastMessageNanos = System.nanoTime();
        AggTradeParser.Message message;
        try {
            message = parser.parseStream(text, clock.instant());
        } catch (RuntimeException e) {
            countMalformed(e.getMessage(), text);
            return;
        }
        if (message instanceof AggTradeParser.ShutdownMessage) {
            log.warn("serverShutdown received on connection {}; moving to a new connection", connection.number);
            countReconnect(connection);
            replaceConnection(connection, "serverShutdown");
            return;
        }
        Trade trade = ((AggTradeParser.TradeMessage) message).trade();
        SymbolStream state = symbols.get(trade.getSymbol());
        if (state == null) {
            countMalformed("trade of unsubscribed symbol " + trade.getSymbol(), text);
            return;
        }
        long id = trade.getTradeId();
        if (id <= state.lastTradeId) {
            state.duplicatesDropped++;
            return;
        }
        if (state.resumeTooOld) {
            state.resumeTooOld = false;
            if (id > state.lastTradeId + 1) {
                gap(state, state.lastTradeId + 1, id - 1, "older than " + BinanceSourceSettings.RESUME_MAX_AGE_MS
                        + " when ingest started: not backfilled");
            }
        }
        if (state.lastTradeId >= 0 && id > state.lastTradeId + 1) {
            state.completeness.catchingUp();
            backfillingSinceMs = clock.millis();
            boolean filled = fill(state, id);
            backfillDone();
            if (!filled) {
                return; // closing: the hole stays open, nothing after it is delivered
            }
        }
        deliver(state, trade, false);
        state.completeness.live();
    }

    private void countMalformed(String problem, String text) {
        long count = malformed.incrementAndGet();
        long now = System.nanoTime();
        if (count == 1 || now - lastMalformedLogNanos >= MALFORMED_LOG_INTERVAL_NANOS) {
            log.warn("Skipped a malformed or unexpected message ({}; {} skipped since the last report, {} in all): {}",
                    problem, count - malformedAtLastLog, count, abbreviate(text));
            lastMalformedLogNanos = now;
            malformedAtLastLog = count;
        }
    }

    // ---- backfill ----

    /**
     * Delivers trades after the symbol's last id from REST: up to {@code targetId - 1}, or, with
     * {@code Long.MAX_VALUE}, as far as REST goes. A bounded target that REST cannot reach is reported as a gap.
     * Returns whether the symbol is complete up to the target (a hole reported as a gap counts as done).
     */
    private boolean fill(SymbolStream state, long targetId) {
        boolean bounded = targetId != Long.MAX_VALUE;
        long delivered = 0;
        while (state.lastTradeId < targetId - 1) {
            long from = state.lastTradeId + 1;
            List<Trade> page;
            try {
                page = fetch(state.symbol, from);
            } catch (RuntimeException e) {
                if (isClosing()) {
                    return false;
                }
                if (bounded) {
                    gap(state, from, targetId - 1, "REST backfill failed: " + e.getMessage());
                } else {
                    log.warn("Catching up {} from {} over REST failed ({}); the next stream trade retries", state.symbol,
                            from, e.getMessage());
                    return false;
                }
                break;
            }
            long before = state.lastTradeId;
            for (Trade trade : page) {
                long id = trade.getTradeId();
                if (id >= targetId) {
                    break;
                }
                if (id <= state.lastTradeId) {
                    state.duplicatesDropped++;
                    continue;
                }
                if (id > state.lastTradeId + 1) {
                    gap(state, state.lastTradeId + 1, id - 1, "REST no longer has these trades");
                }
                deliver(state, trade, true);
                delivered++;
            }
            if (page.size() < REST_PAGE_LIMIT || state.lastTradeId == before) {
                break;
            }
        }
        if (bounded && state.lastTradeId < targetId - 1) {
            gap(state, state.lastTradeId + 1, targetId - 1, "REST has no trades in this range");
        }
        if (delivered > 0) {
            state.gapsFilled++;
            log.info("Backfilled {} trades of {} from REST, now at {}", delivered, state.symbol, state.lastTradeId);
        }
        return true;
    }

    /**
     * One page of aggregate trades from {@code fromId}. A 429 or 418 is waited out (its Retry-After) and does not use
     * up an attempt; other failures get {@code ingest.binance.rest.attempts} tries.
     */
    private List<Trade> fetch(String symbol, long fromId) {
        RuntimeException last = null;
        int attempt = 0;
        while (attempt < settings.restAttempts()) {
            awaitRestBudget();
            try {
                AggTradesRest.Page page = rest.get(symbol, fromId, REST_PAGE_LIMIT);
                restBudget.answered(restClock.millis(), page.usedWeight1m());
                return parser.parseRest(symbol, page.body(), clock.instant());
            } catch (AggTradesRest.RefusedException e) {
                Duration wait = restBudget.refused(restClock.millis(), e.status(), e.retryAfter());
                if (e.status() == 418) {
                    log.error("Binance has BANNED this IP from its REST API (HTTP 418) for sending after a 429; the backfill of {}"
                            + " from {} waits {} (Retry-After: {}) and then continues. Check for other clients on this IP. {}",
                            symbol, fromId, wait, e.retryAfter().map(d -> d.toSeconds() + " s").orElse("absent, 2 min assumed"), e.getMessage());
                } else {
                    log.warn("Binance REST rate limit reached (HTTP 429); the backfill of {} from {} waits {} (Retry-After: {}) before"
                            + " its next request", symbol, fromId, wait, e.retryAfter().map(d -> d.toSeconds() + " s").orElse("absent"));
                }
            } catch (RuntimeException e) {
                attempt++;
                last = e;
                log.warn("GET aggTrades {} fromId {} failed (attempt {} of {}): {}", symbol, fromId, attempt,
                        settings.restAttempts(), e.toString());
                if (attempt < settings.restAttempts()) {
                    pause(settings.restRetryBackoff());
                }
            }
        }
        throw last;
    }

    /** Waits until the weight budget lets a request go (Retry-After, used weight); throws when the source closes meanwhile. */
    private void awaitRestBudget() {
        Duration wait = restBudget.waitBeforeRequest(restClock.millis());
        if (!wait.isZero()) {
            log.info("REST backfill paused for {} (Binance's Retry-After or {} reached)", wait,
                    BinanceSourceSettings.REST_MAX_WEIGHT_PER_MINUTE);
            pause(wait);
        }
        if (isClosing()) {
            throw new IllegalStateException("the source is closing");
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Sleeps, returning early when the source closes. */
    private void pause(Duration duration) {
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(SymbolStream state, Trade trade, boolean backfilled) {
        state.lastTradeId = trade.getTradeId();
        state.lastTradeTimeMillis = trade.getTradeTime().toEpochMilli();
        state.trades++;
        if (backfilled) {
            state.backfilledTrades++;
        }
        try {
            listener.onTrade(trade);
        } catch (RuntimeException e) {
            log.error("The listener failed on {} trade {}", state.symbol, trade.getTradeId(), e);
        }
        state.completeness.delivered(trade.getTradeTime().toEpochMilli());
    }

    private void gap(SymbolStream state, long fromId, long toId, String reason) {
        log.error("Gap in {}: trades {}..{} are lost ({})", state.symbol, fromId, toId, reason);
        state.gapsReported++;
        state.lastTradeId = toId;
        try {
            listener.onGap(state.symbol, fromId, toId, reason);
        } catch (RuntimeException e) {
            log.error("The listener failed on the gap {} {}..{}", state.symbol, fromId, toId, e);
        }
    }

    // ---- plumbing ----

    private void post(Connection connection, int gen, Runnable task) {
        run(() -> {
            if (gen == connection.generation && !closed) {
                task.run();
            }
        });
    }

    private void run(Runnable task) {
        try {
            loop.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("Source closed; dropping a task");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Binance source task failed", e);
            }
        };
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static String normalize(String symbol) {
        String s = symbol.trim().toUpperCase(Locale.ROOT);
        if (s.isEmpty() || !s.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("not a symbol: '" + symbol + "'");
        }
        return s;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** One combined-stream WebSocket and its symbols. Owned by the loop thread; {@code reconnects} is read by {@link #progress()}. */
    private static final class Connection {
        final int number;
        final Set<String> symbols = new TreeSet<>();
        volatile long reconnects;
        int generation;
        Integer connectionId;
        long lastMessageNanos;
        int failures;
        ScheduledFuture<?> pendingConnect;
        ScheduledFuture<?> rotation;

        Connection(int number) {
            this.number = number;
        }
    }

    /** Where the live stream of one symbol stands (last trade id, counters). Written by the loop thread only; read by {@link #progress()}. */
    private static final class SymbolStream {
        final String symbol;
        final Connection connection;
        final long reconnectsBefore;
        final SymbolCompleteness completeness;
        /** Resumed after a trade older than the resume max age: the hole up to the first stream trade is a gap. */
        boolean resumeTooOld;
        volatile long lastTradeId = -1;
        volatile long lastTradeTimeMillis = -1;
        volatile long trades;
        volatile long backfilledTrades;
        volatile long gapsFilled;
        volatile long gapsReported;
        volatile long duplicatesDropped;

        SymbolStream(String symbol, Connection connection, long completeBeforeMs) {
            this.symbol = symbol;
            this.connection = connection;
            this.reconnectsBefore = connection.reconnects;
            this.completeness = new SymbolCompleteness(completeBeforeMs);
        }

        SymbolProgress snapshot() {
            long time = lastTradeTimeMillis;
            return new SymbolProgress(symbol, trades, backfilledTrades, lastTradeId,
                    time < 0 ? null : Instant.ofEpochMilli(time), gapsFilled, gapsReported, duplicatesDropped,
                    connection.reconnects - reconnectsBefore);
        }
    }
}
