package dev.tickflow.ingest.binance;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import com.binance.connector.client.impl.spot.Market;
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
import java.util.concurrent.ConcurrentSkipListMap;
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
 * Binance Spot aggregate trades of a changing set of symbols over one combined-stream WebSocket connection.
 *
 * <p>All state lives on one event-loop thread: connector callbacks, the silence watchdog, rotation, subscription
 * changes and REST backfill all run there, so trades reach the listener from that thread, per symbol in id order.
 * Every connection is tagged with a generation; callbacks of an older connection are ignored. After every
 * (re)connect each symbol with a known last id is caught up from REST, and any stream trade that skips ids has the
 * hole filled from REST before it is delivered; what REST cannot supply goes to {@link TradeListener#onGap}.
 */
public final class BinanceSource implements TradeSource {

    private static final Logger log = LoggerFactory.getLogger(BinanceSource.class);
    static final int REST_PAGE_LIMIT = 1000;
    private static final long MALFORMED_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BinanceSourceSettings settings;
    private final Clock clock;
    private final AggTradeParser parser = new AggTradeParser();
    private final WebSocketStreamClientImpl streams;
    private final Market market;
    private final ScheduledExecutorService loop;
    private volatile Thread loopThread;

    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connectionAttempts = new AtomicLong();
    private final Map<String, SymbolStream> symbols = new ConcurrentSkipListMap<>();

    // Owned by the loop thread.
    private TradeListener listener;
    private boolean started;
    private boolean closed;
    private int generation;
    private Integer connectionId;
    private long lastMessageNanos;
    private long lastAttemptNanos;
    private boolean attempted;
    private int failures;
    private ScheduledFuture<?> pendingConnect;
    private ScheduledFuture<?> rotation;
    private long lastMalformedLogNanos;
    private long malformedAtLastLog;

    public BinanceSource(BinanceSourceSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** {@code clock} stamps ingestTime; timeouts use the monotonic clock. */
    public BinanceSource(BinanceSourceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.streams = new WebSocketStreamClientImpl(settings.streamUrl());
        this.market = new SpotClientImpl(settings.restUrl()).createMarket();
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
            scheduleConnect(0);
        });
    }

    @Override
    public void subscribe(String symbol) {
        subscribe(symbol, -1);
    }

    /**
     * Subscribes {@code symbol} as if its trades up to {@code lastTradeId} had been delivered already: the next
     * connection first backfills from {@code lastTradeId + 1} over REST. Lets a restarted service resume where its
     * output stopped. A no-op when already subscribed.
     */
    public void subscribe(String symbol, long lastTradeId) {
        String s = normalize(symbol);
        run(() -> {
            if (symbols.containsKey(s)) {
                return;
            }
            if (symbols.size() >= settings.maxStreamsPerConnection()) {
                log.error("Not subscribing {}: {} streams per connection at most", s, settings.maxStreamsPerConnection());
                return;
            }
            SymbolStream state = new SymbolStream(s, reconnects.get());
            state.lastTradeId = Math.max(-1, lastTradeId);
            symbols.put(s, state);
            log.info("Subscribed {}{}", s, lastTradeId >= 0 ? " after trade " + lastTradeId : "");
            if (started) {
                replaceConnection("subscribe " + s);
            }
        });
    }

    @Override
    public void unsubscribe(String symbol) {
        String s = normalize(symbol);
        run(() -> {
            if (symbols.remove(s) != null) {
                log.info("Unsubscribed {}", s);
                if (started) {
                    replaceConnection("unsubscribe " + s);
                }
            }
        });
    }

    @Override
    public void close() {
        if (Thread.currentThread() == loopThread) {
            // Called by the listener: finish after the current task, without waiting for ourselves.
            closed = true;
            dropConnection();
            cancel(pendingConnect);
            loop.shutdown();
            return;
        }
        try {
            loop.execute(() -> {
                closed = true;
                dropConnection();
                cancel(pendingConnect);
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
                .collect(Collectors.toMap(s -> s.symbol, s -> s.snapshot(reconnects.get()), (a, b) -> a,
                        LinkedHashMap::new));
    }

    public Optional<SymbolProgress> progress(String symbol) {
        return Optional.ofNullable(symbols.get(normalize(symbol))).map(s -> s.snapshot(reconnects.get()));
    }

    // ---- connection ----

    private void scheduleConnect(long delayMillis) {
        cancel(pendingConnect);
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        if (attempted) {
            long earliest = lastAttemptNanos + settings.minConnectInterval().toNanos();
            delayNanos = Math.max(delayNanos, earliest - System.nanoTime());
        }
        pendingConnect = loop.schedule(guarded(this::connect), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void connect() {
        pendingConnect = null;
        if (closed || symbols.isEmpty() || connectionId != null) {
            return;
        }
        ArrayList<String> names = new ArrayList<>();
        for (String s : symbols.keySet()) {
            names.add(s.toLowerCase(Locale.ROOT) + "@aggTrade");
        }
        int gen = ++generation;
        attempted = true;
        lastAttemptNanos = System.nanoTime();
        lastMessageNanos = lastAttemptNanos;
        connectionAttempts.incrementAndGet();
        log.info("Connecting to {} for {} (connection generation {})", settings.streamUrl(), names, gen);
        try {
            connectionId = streams.combineStreams(names,
                    response -> post(gen, this::onOpen),
                    message -> post(gen, () -> onMessage(message)),
                    (code, reason) -> post(gen, () -> onDisconnect("server closing " + code + " " + reason)),
                    (code, reason) -> post(gen, () -> onDisconnect("closed " + code + " " + reason)),
                    (error, response) -> post(gen, () -> onDisconnect("failure " + error)));
        } catch (RuntimeException e) {
            generation++;
            onConnectionLost("connect failed: " + e);
            return;
        }
        rotation = loop.schedule(guarded(() -> {
            if (gen == generation && connectionId != null) {
                reconnects.incrementAndGet();
                replaceConnection("rotation after " + settings.rotationPeriod());
            }
        }), settings.rotationPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onOpen() {
        log.info("Connected (generation {})", generation);
        failures = 0;
        lastMessageNanos = System.nanoTime();
        for (SymbolStream state : symbols.values()) {
            if (state.lastTradeId >= 0) {
                fill(state, Long.MAX_VALUE);
            }
        }
        lastMessageNanos = System.nanoTime();
    }

    private void onDisconnect(String reason) {
        dropConnection();
        onConnectionLost(reason);
    }

    private void onConnectionLost(String reason) {
        reconnects.incrementAndGet();
        failures++;
        long delay = backoffMillis(failures);
        log.warn("Connection lost ({}); reconnecting in {} ms", reason, delay);
        scheduleConnect(delay);
    }

    private void replaceConnection(String reason) {
        log.info("Replacing the connection: {}", reason);
        dropConnection();
        scheduleConnect(0);
    }

    /** Closes the current connection, if any; its callbacks are ignored from now on. */
    private void dropConnection() {
        generation++;
        cancel(rotation);
        rotation = null;
        if (connectionId != null) {
            int id = connectionId;
            connectionId = null;
            // Also removes the connector's bookkeeping of a connection that already failed.
            streams.closeConnection(id);
        }
    }

    private void checkSilence() {
        if (connectionId == null || closed) {
            return;
        }
        long silentNanos = System.nanoTime() - lastMessageNanos;
        if (silentNanos > settings.silenceTimeout().toNanos()) {
            onDisconnect("silent for " + Duration.ofNanos(silentNanos).toMillis() + " ms");
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

    private void onMessage(String text) {
        lastMessageNanos = System.nanoTime();
        AggTradeParser.Message message;
        try {
            message = parser.parseStream(text, clock.instant());
        } catch (RuntimeException e) {
            countMalformed(e.getMessage(), text);
            return;
        }
        if (message instanceof AggTradeParser.ShutdownMessage) {
            log.warn("serverShutdown received; moving to a new connection");
            reconnects.incrementAndGet();
            replaceConnection("serverShutdown");
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
        if (state.lastTradeId >= 0 && id > state.lastTradeId + 1) {
            fill(state, id);
            lastMessageNanos = System.nanoTime();
        }
        deliver(state, trade, false);
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
     */
    private void fill(SymbolStream state, long targetId) {
        boolean bounded = targetId != Long.MAX_VALUE;
        long delivered = 0;
        while (state.lastTradeId < targetId - 1) {
            long from = state.lastTradeId + 1;
            List<Trade> page;
            try {
                page = fetch(state.symbol, from);
            } catch (RuntimeException e) {
                if (bounded) {
                    gap(state, from, targetId - 1, "REST backfill failed: " + e.getMessage());
                } else {
                    log.warn("Catching up {} from {} over REST failed ({}); the next stream trade retries", state.symbol,
                            from, e.getMessage());
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
    }

    private List<Trade> fetch(String symbol, long fromId) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.restAttempts(); attempt++) {
            // The connector mutates the map it is given: a new one per call.
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("symbol", symbol);
            params.put("fromId", fromId);
            params.put("limit", REST_PAGE_LIMIT);
            try {
                return parser.parseRest(symbol, market.aggTrades(params), clock.instant());
            } catch (RuntimeException e) {
                last = e;
                log.warn("GET aggTrades {} fromId {} failed (attempt {} of {}): {}", symbol, fromId, attempt,
                        settings.restAttempts(), e.toString());
                if (attempt < settings.restAttempts()) {
                    sleep(settings.restRetryBackoff());
                }
            }
        }
        throw last;
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

    private void post(int gen, Runnable task) {
        run(() -> {
            if (gen == generation && !closed) {
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** Where the live stream of one symbol stands (last trade id, counters). Written by the loop thread only; read by {@link #progress()}. */
    private static final class SymbolStream {
        final String symbol;
        final long reconnectsBefore;
        volatile long lastTradeId = -1;
        volatile long lastTradeTimeMillis = -1;
        volatile long trades;
        volatile long backfilledTrades;
        volatile long gapsFilled;
        volatile long gapsReported;
        volatile long duplicatesDropped;

        SymbolStream(String symbol, long reconnectsBefore) {
            this.symbol = symbol;
            this.reconnectsBefore = reconnectsBefore;
        }

        SymbolProgress snapshot(long reconnectsNow) {
            long time = lastTradeTimeMillis;
            return new SymbolProgress(symbol, trades, backfilledTrades, lastTradeId,
                    time < 0 ? null : Instant.ofEpochMilli(time), gapsFilled, gapsReported, duplicatesDropped,
                    reconnectsNow - reconnectsBefore);
        }
    }
}
