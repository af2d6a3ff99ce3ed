package dev.tickflow.testkit.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.net.ServerSocketFactory;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Binance Spot on one 127.0.0.1 port: combined aggTrade streams at {@code /stream?streams=...} (WebSocket) and
 * {@code GET /api/v3/aggTrades} (REST), both over one per-symbol trade history that the test appends to. Faults:
 * dropped TCP connections, silent connections, serverShutdown events, malformed messages, trades left off the
 * stream, a replay of recent trades on every new connection, trades pruned from REST, a failing REST API, and
 * scripted 429 (rate limit) and 418 (IP ban) answers with Retry-After. Every aggTrades request is recorded with the
 * time it arrived and the time its answer was ready, and every answer carries the X-MBX-USED-WEIGHT-1M header
 * (4 per aggTrades request in the current minute, as Binance counts it).
 * The signed trading API (orders, trades, exchangeInfo, time) is {@link #spot()}.
 */
public final class FakeBinance implements AutoCloseable {

    private static final long BASE_TIME = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final int AGG_TRADES_WEIGHT = 4;

    /** One GET /api/v3/aggTrades: when it arrived and when its answer was ready (System.nanoTime), and that answer. */
    public record RestRequest(long receivedNanos, long answeredNanos, String symbol, String fromId, int status,
                              Duration retryAfter) {
    }

    /** A scripted answer to the next aggTrades request: {@link #ok()}, {@link #tooManyRequests} or {@link #banned}. */
    public record ScriptedAnswer(int status, Duration retryAfter) {
        /** The normal answer, a page of trades. */
        public static ScriptedAnswer ok() {
            return new ScriptedAnswer(200, Duration.ZERO);
        }

        /** HTTP 429 with {@code Retry-After} in whole seconds. */
        public static ScriptedAnswer tooManyRequests(Duration retryAfter) {
            return new ScriptedAnswer(429, retryAfter);
        }

        /** HTTP 418 (IP banned) with {@code Retry-After} in whole seconds. */
        public static ScriptedAnswer banned(Duration retryAfter) {
            return new ScriptedAnswer(418, retryAfter);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Map<String, List<ObjectNode>> history = new HashMap<>();
    private final Map<String, Long> restFirstId = new HashMap<>();
    private final List<List<String>> connectedStreams = new CopyOnWriteArrayList<>();
    private final AtomicInteger restRequests = new AtomicInteger();
    private final List<RestRequest> restLog = new CopyOnWriteArrayList<>();
    private final Deque<ScriptedAnswer> restScript = new ConcurrentLinkedDeque<>();
    private final Map<Long, Integer> weightByMinute = new ConcurrentHashMap<>();
    private final FakeSpotExchange spot = new FakeSpotExchange();
    private volatile boolean restFailing;
    private volatile int replayOnConnect;
    private volatile boolean wallClockTradeTimes;

    public FakeBinance() {
        server.setServerSocketFactory(new RecordingServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeBinance.this.dispatch(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL for WebSocket streams, such as ws://127.0.0.1:PORT. */
    public String streamUrl() {
        return "ws://127.0.0.1:" + server.getPort();
    }

    /** Base URL for REST, such as http://127.0.0.1:PORT. */
    public String restUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The trading API on the same port: orders, trades, exchangeInfo, time; its faults and what it holds. */
    public FakeSpotExchange spot() {
        return spot;
    }

    /** Appends {@code count} trades to {@code symbol} and pushes them to every open, non-silent connection on it. */
    public List<Long> trade(String symbol, int count) {
        return append(symbol, count, true);
    }

    /** Appends trades that only REST knows: the stream skips them. */
    public List<Long> tradeOffStream(String symbol, int count) {
        return append(symbol, count, false);
    }

    /**
     * Trades appended from now on have the wall clock as trade time (never less than the previous trade's), as live
     * trades do; by default trade times are fixed, 10 ms apart per id from 2026-01-01.
     */
    public void stampTradesWithWallClock() {
        wallClockTradeTimes = true;
    }

    /** Every new connection first receives the last {@code count} trades of its symbols again (an overlap). */
    public void replayOnConnect(int count) {
        replayOnConnect = count;
    }

    /** REST forgets every trade of {@code symbol} below {@code firstId}. */
    public void pruneRest(String symbol, long firstId) {
        synchronized (lock) {
            restFirstId.put(symbol.toUpperCase(Locale.ROOT), firstId);
        }
    }

    /** While on, GET /api/v3/aggTrades answers HTTP 500. */
    public void failRest(boolean failing) {
        restFailing = failing;
    }

    /** The next aggTrades requests get these answers, in order; afterwards they are answered normally again. */
    public void scriptRest(ScriptedAnswer... answers) {
        restScript.addAll(List.of(answers));
    }

    /** Every aggTrades request so far, in the order they arrived. */
    public List<RestRequest> restLog() {
        return List.copyOf(restLog);
    }

    /** Closes the TCP connections of every client (WebSocket and REST) without a close frame. */
    public void dropConnections() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        sockets.clear();
    }

    /**
     * Closes, from the server side (close frame 1001), every open connection subscribed to {@code symbol}; the other
     * connections stay up. Returns how many were closed.
     */
    public int closeConnectionsOf(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
        List<Session> closing = new ArrayList<>();
        synchronized (lock) {
            for (Session session : sessions) {
                if (session.symbols.contains(s)) {
                    closing.add(session);
                }
            }
            sessions.removeAll(closing);
        }
        closing.forEach(session -> session.socket.close(1001, "going away (fake)"));
        return closing.size();
    }

    /** The symbols of each open connection. */
    public List<Set<String>> openConnectionSymbols() {
        return sessions.stream().map(session -> session.symbols).toList();
    }

    /** The open connections stop sending anything, while staying open. */
    public void silenceConnections() {
        sessions.forEach(s -> s.silent = true);
    }

    /** Sends a serverShutdown event on every open connection and leaves them open. */
    public void sendServerShutdown() {
        ObjectNode event = json.createObjectNode();
        event.put("e", "serverShutdown");
        event.put("E", BASE_TIME);
        sendRaw(event.toString());
    }

    /** Sends {@code text} as is on every open, non-silent connection. */
    public void sendRaw(String text) {
        synchronized (lock) {
            for (Session session : sessions) {
                if (!session.silent) {
                    session.socket.send(text);
                }
            }
        }
    }

    /** WebSocket connections opened so far. */
    public int connectionCount() {
        return connectedStreams.size();
    }

    /** The stream names of the most recent connection. */
    public List<String> lastStreams() {
        return connectedStreams.isEmpty() ? List.of() : connectedStreams.get(connectedStreams.size() - 1);
    }

    public int openSessions() {
        return sessions.size();
    }

    public int restRequests() {
        return restRequests.get();
    }

    /** Ids of {@code symbol}'s whole history. */
    public List<Long> ids(String symbol) {
        synchronized (lock) {
            return history.getOrDefault(symbol.toUpperCase(Locale.ROOT), List.of()).stream()
                    .map(t -> t.get("a").asLong()).toList();
        }
    }

    /** Waits until a connection subscribed to exactly {@code symbols} is open (and at least {@code connections} were opened). */
    public void awaitConnection(int connections, String... symbols) throws TimeoutException {
        Set<String> wanted = Set.of(symbols);
        await(Duration.ofSeconds(10), () -> connectionCount() >= connections
                && sessions.stream().anyMatch(s -> !s.silent && s.symbols.equals(wanted)));
    }

    public static void await(Duration timeout, BooleanSupplier condition) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("condition not met within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        dropConnections();
        try {
            server.shutdown();
        } catch (IOException e) {
            // an answer held back on purpose (FakeSpotExchange#responseDelay) may still sleep in its connection thread
            // when a test ends early: it ends on its own against the closed socket, nothing to fail the test for
            if (!String.valueOf(e.getMessage()).startsWith("Gave up waiting for queue to shut down")) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Long> append(String symbol, int count, boolean push) {
        String s = symbol.toUpperCase(Locale.ROOT);
        List<Long> ids = new ArrayList<>();
        synchronized (lock) {
            List<ObjectNode> trades = history.computeIfAbsent(s, k -> new ArrayList<>());
            for (int i = 0; i < count; i++) {
                long id = trades.isEmpty() ? 1000 : trades.get(trades.size() - 1).get("a").asLong() + 1;
                ObjectNode trade = restTrade(id);
                if (wallClockTradeTimes) {
                    long previous = trades.isEmpty() ? Long.MIN_VALUE : trades.get(trades.size() - 1).get("T").asLong();
                    trade.put("T", Math.max(previous, System.currentTimeMillis()));
                }
                trades.add(trade);
                ids.add(id);
                if (push) {
                    for (Session session : sessions) {
                        if (!session.silent && session.symbols.contains(s)) {
                            session.socket.send(streamMessage(s, trade));
                        }
                    }
                }
            }
        }
        return ids;
    }

    private ObjectNode restTrade(long id) {
        ObjectNode t = json.createObjectNode();
        t.put("a", id);
        t.put("p", new BigDecimal(20_000 + id % 1000).add(new BigDecimal("0.01")).setScale(8).toPlainString());
        t.put("q", new BigDecimal(1 + id % 7).movePointLeft(3).setScale(8).toPlainString());
        t.put("f", id * 3);
        t.put("l", id * 3 + 2);
        t.put("T", BASE_TIME + id * 10);
        t.put("m", id % 2 == 0);
        t.put("M", true);
        return t;
    }

    private String streamMessage(String symbol, ObjectNode trade) {
        ObjectNode data = json.createObjectNode();
        data.put("e", "aggTrade");
        data.put("E", trade.get("T").asLong() + 1);
        data.put("s", symbol);
        data.setAll(trade);
        ObjectNode message = json.createObjectNode();
        message.put("stream", symbol.toLowerCase(Locale.ROOT) + "@aggTrade");
        message.set("data", data);
        return message.toString();
    }

    private MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        if (url == null) {
            return new MockResponse().setResponseCode(400);
        }
        if (url.encodedPath().equals("/stream")) {
            String streams = url.queryParameter("streams");
            if (streams == null || streams.isEmpty()) {
                return new MockResponse().setResponseCode(400);
            }
            List<String> names = List.of(streams.split("/"));
            Set<String> symbols = new TreeSet<>();
            for (String name : names) {
                if (!name.matches("[a-z0-9]+@aggTrade")) {
                    return new MockResponse().setResponseCode(400).setBody("{\"code\":-1100,\"msg\":\"bad stream " + name + "\"}");
                }
                symbols.add(name.substring(0, name.indexOf('@')).toUpperCase(Locale.ROOT));
            }
            connectedStreams.add(names);
            return new MockResponse().withWebSocketUpgrade(new ServerListener(Set.copyOf(symbols)));
        }
        if (url.encodedPath().equals("/api/v3/aggTrades") && request.getMethod().equals("GET")) {
            long received = System.nanoTime();
            restRequests.incrementAndGet();
            int usedWeight = weightByMinute.merge(System.currentTimeMillis() / 60_000, AGG_TRADES_WEIGHT, Integer::sum);
            ScriptedAnswer scripted = restScript.poll();
            MockResponse response;
            if (scripted != null && scripted.status() != 200) {
                response = new MockResponse().setResponseCode(scripted.status())
                        .setHeader("Retry-After", Long.toString(scripted.retryAfter().toSeconds()))
                        .setBody(scripted.status() == 418
                                ? "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned (fake).\"}"
                                : "{\"code\":-1003,\"msg\":\"Too much request weight used (fake).\"}");
            } else {
                response = aggTrades(url);
            }
            response.setHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
            int status = Integer.parseInt(response.getStatus().split(" ")[1]);
            restLog.add(new RestRequest(received, System.nanoTime(), url.queryParameter("symbol"), url.queryParameter("fromId"),
                    status, scripted == null ? Duration.ZERO : scripted.retryAfter()));
            return response;
        }
        if (url.encodedPath().equals("/ws-api/v3")) {
            return spot.userDataStream().upgrade();
        }
        if (url.encodedPath().startsWith("/api/v3/")) {
            return spot.dispatch(request, url);
        }
        return new MockResponse().setResponseCode(404).setBody("{\"code\":-1,\"msg\":\"not found\"}");
    }

    private MockResponse aggTrades(HttpUrl url) {
        if (restFailing) {
            return new MockResponse().setResponseCode(500).setBody("{\"code\":-1000,\"msg\":\"fake failure\"}");
        }
        String symbol = url.queryParameter("symbol");
        if (symbol == null) {
            return new MockResponse().setResponseCode(400).setBody("{\"code\":-1102,\"msg\":\"symbol missing\"}");
        }
        String limitText = url.queryParameter("limit");
        int limit = Math.min(1000, limitText == null ? 500 : Integer.parseInt(limitText));
        String fromText = url.queryParameter("fromId");
        ArrayNode page = json.createArrayNode();
        synchronized (lock) {
            long firstKept = restFirstId.getOrDefault(symbol, Long.MIN_VALUE);
            List<ObjectNode> kept = history.getOrDefault(symbol, List.of()).stream()
                    .filter(t -> t.get("a").asLong() >= firstKept).toList();
            if (fromText == null) {
                kept.subList(Math.max(0, kept.size() - limit), kept.size()).forEach(page::add);
            } else {
                long fromId = Long.parseLong(fromText);
                kept.stream().filter(t -> t.get("a").asLong() >= fromId).limit(limit).forEach(page::add);
            }
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(page.toString());
    }

    private static final class Session {
        final WebSocket socket;
        final Set<String> symbols;
        volatile boolean silent;

        Session(WebSocket socket, Set<String> symbols) {
            this.socket = socket;
            this.symbols = symbols;
        }
    }

    private final class ServerListener extends WebSocketListener {
        private final Set<String> symbols;
        private Session session;

        ServerListener(Set<String> symbols) {
            this.symbols = symbols;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (lock) {
                session = new Session(webSocket, symbols);
                int replay = replayOnConnect;
                for (String symbol : symbols) {
                    List<ObjectNode> trades = history.getOrDefault(symbol, List.of());
                    for (ObjectNode trade : trades.subList(Math.max(0, trades.size() - replay), trades.size())) {
                        webSocket.send(streamMessage(symbol, trade));
                    }
                }
                sessions.add(session);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            sessions.remove(session);
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            sessions.remove(session);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            sessions.remove(session);
        }
    }

    /** Remembers accepted sockets, so that {@link #dropConnections()} can cut them. */
    private final class RecordingServerSocketFactory extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    sockets.add(socket);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException();
        }
    }
}
