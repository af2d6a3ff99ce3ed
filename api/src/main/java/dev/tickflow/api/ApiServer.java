package dev.tickflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.api.view.MarketViews;
import dev.tickflow.api.view.OperatorControlView;
import dev.tickflow.api.view.TimeRange;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.websocket.WsContext;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;

/** The HTTP routes, WebSocket endpoint and static pages of the API, on Javalin (Jetty). */
final class ApiServer implements AutoCloseable {
    private static final String BEARER = "Bearer ";
    static final String CLIENT_HEADER = "X-Tickflow-Client";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int ISSUED_REMEMBERED = 10_000;

    private final ApiSettings settings;
    private final MarketViews views;
    private final LiveHub hub;
    private final ControlWriter control;
    private final StrategyInfo strategy;
    private final Supplier<Map<String, Object>> health;
    private final BooleanSupplier ready;
    private final WebAssets assets;
    private final RequestOrigins origins;
    private final OperatorControls operatorControls;
    private final BooleanSupplier operatorTopicsPresent;
    /** Commands written by this API, newest last, so that a retried request is answered without a second record. */
    private final Map<String, OperatorCommand> issued = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OperatorCommand> eldest) {
            return size() > ISSUED_REMEMBERED;
        }
    });
    private final Map<String, LiveHub.Client> sockets = new ConcurrentHashMap<>();
    private Javalin app;

    ApiServer(ApiSettings settings, MarketViews views, LiveHub hub, ControlWriter control, StrategyInfo strategy,
              ObjectMapper json, Supplier<Map<String, Object>> health, BooleanSupplier ready, BooleanSupplier operatorTopicsPresent) {
        this.settings = settings;
        this.views = views;
        this.hub = hub;
        this.control = control;
        this.strategy = strategy;
        this.health = health;
        this.ready = ready;
        this.operatorTopicsPresent = operatorTopicsPresent;
        this.operatorControls = new OperatorControls(json);
        this.origins = new RequestOrigins(settings.allowedHosts(), settings.allowedOrigins());
        this.assets = WebAssets.load(settings.topics().candleIntervals().stream().map(CandleInterval::name).toList(),
                settings.defaultInterval().name());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/dev/tickflow/api/web/assets";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    private void routes() {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.before(this::guard);
        app.wsBeforeUpgrade("/ws", this::guardHandshake);
        app.error(404, ctx -> {
            if (!isJson(ctx)) {
                error(ctx, 404, "No such endpoint: " + ctx.method() + " " + ctx.path() + ". See GET /openapi.json or the docs page /docs");
            }
        });
        app.error(405, ctx -> {
            if (!isJson(ctx)) {
                error(ctx, 405, "Method " + ctx.method() + " is not allowed on " + ctx.path() + ". See GET /openapi.json");
            }
        });
        app.get("/", ctx -> ctx.html(assets.dashboard()));
        app.get("/docs", ctx -> ctx.html(assets.docs()));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(assets.openApi()));
        app.get("/health", ctx -> {
            Map<String, Object> body = health.get();
            ctx.status(ready.getAsBoolean() ? 200 : 503).json(body);
        });
        app.get("/symbols", this::symbols);
        app.post("/symbols/{symbol}", this::addSymbol);
        app.delete("/symbols/{symbol}", this::removeSymbol);
        app.get("/candles", ctx -> {
            String interval = Requests.interval(ctx.queryParam("interval"), settings.topics().candleIntervals(), settings.defaultInterval());
            ctx.json(views.candles().latest(interval).stream().map(RecordJson::candle).toList());
        });
        app.get("/candles/{symbol}", ctx -> {
            String symbol = Requests.knownSymbol(ctx.pathParam("symbol"), views.knownSymbols());
            String interval = Requests.interval(ctx.queryParam("interval"), settings.topics().candleIntervals(), settings.defaultInterval());
            TimeRange range = Requests.range(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("limit"));
            ctx.json(views.candles().query(symbol, interval, range).stream().map(RecordJson::candle).toList());
        });
        app.get("/indicators/{symbol}", ctx -> {
            String symbol = Requests.knownSymbol(ctx.pathParam("symbol"), views.knownSymbols());
            String instance = Requests.optionalInstance(ctx.queryParam("instance"));
            TimeRange range = Requests.range(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("limit"));
            ctx.json(views.indicators().query(symbol, instance, range).stream().map(RecordJson::indicator).toList());
        });
        app.get("/positions", ctx -> {
            String instance = Requests.optionalInstance(ctx.queryParam("instance"));
            ctx.json(positions(position -> instance == null || instance.equals(position.getStrategyInstance())));
        });
        app.get("/positions/{symbol}", ctx -> {
            String symbol = Requests.knownSymbol(ctx.pathParam("symbol"), views.knownSymbols());
            ctx.json(positions(position -> symbol.equals(position.getSymbol())));
        });
        app.get("/trades", ctx -> {
            Filter filter = Filter.of(ctx);
            ctx.json(views.fills().newest(fill -> filter.matches(fill.getStrategyInstance(), fill.getSymbol()), filter.limit)
                    .stream().map(RecordJson::fill).toList());
        });
        app.get("/orders", ctx -> {
            Filter filter = Filter.of(ctx);
            ctx.json(views.orders().newest((OrderEvent order) -> filter.matches(order.getStrategyInstance(), order.getSymbol()), filter.limit)
                    .stream().map(RecordJson::order).toList());
        });
        app.get("/signals", ctx -> {
            Filter filter = Filter.of(ctx);
            ctx.json(views.signals().newest((Signal signal) -> filter.matches(signal.getStrategyInstance(), signal.getSymbol()), filter.limit)
                    .stream().map(RecordJson::signal).toList());
        });
        app.get("/ticks", ctx -> ctx.json(views.ticks().all().stream().map(RecordJson::trade).toList()));
        app.get("/strategy", ctx -> {
            Map<String, Object> body = strategy.body().orElseThrow(() -> new ApiException(503,
                    "The strategy configuration is invalid: " + strategy.error() + ". Fix it (see docs/strategies.md) and restart the API"));
            ctx.json(body);
        });
        for (OperatorAction action : OperatorAction.values()) {
            app.post("/instances/{instance}/" + OperatorControls.path(action), ctx -> operatorCommand(ctx, action));
        }
        app.get("/instances", ctx -> ctx.json(strategy.instances().stream().map(instance -> controlState(instance.name())).toList()));
        app.get("/instances/{instance}", ctx -> {
            String instance = ctx.pathParam("instance");
            if (!instance.equals(OperatorControls.ALL) && strategy.instances().stream().noneMatch(known -> known.name().equals(instance))) {
                throw ApiException.notFound("Unknown strategy instance '" + Requests.optionalInstance(instance) + "' (GET /instances lists them)");
            }
            ctx.json(controlState(instance));
        });
        app.get("/operator/commands", ctx -> {
            Filter filter = Filter.of(ctx);
            ctx.json(views.commands().newest((OperatorCommand command) -> filter.matches(command.getStrategyInstance(), command.getSymbol()),
                    filter.limit).stream().map(RecordJson::operatorCommand).toList());
        });
        app.get("/operator/events", ctx -> {
            Filter filter = Filter.of(ctx);
            String kind = ctx.queryParam("kind");
            ctx.json(views.opsEvents().newest((OperationalEvent event) -> filter.matches(event.getStrategyInstance(), event.getSymbol())
                    && (kind == null || kind.isBlank() || kind.trim().equalsIgnoreCase(event.getKind())), filter.limit)
                    .stream().map(RecordJson::operationalEvent).toList());
        });
        app.ws("/ws", ws -> {
            ws.onConnect(ctx -> {
                ctx.enableAutomaticPings();
                LiveHub.Client client = new SocketClient(ctx, settings.maxQueuedMessages());
                sockets.put(ctx.sessionId(), client);
                hub.join(client);
            });
            ws.onClose(ctx -> leave(ctx.sessionId()));
            ws.onError(ctx -> leave(ctx.sessionId()));
        });
    }

    /** Security headers on every response; DNS rebinding and cross-site changes refused ({@link RequestOrigins}). */
    private void guard(Context ctx) {
        String host = ctx.header("Host");
        Optional<String> refusedHost = origins.refuseHost(host);
        SecurityHeaders.apply(ctx::header, refusedHost.isEmpty() ? host : null);
        if (refusedHost.isPresent()) {
            throw new ApiException(403, refusedHost.get());
        }
        if (RequestOrigins.changes(ctx.method().name())) {
            refuseCrossSite(ctx);
        }
    }

    /** A WebSocket handshake: from the API's own pages (or an allowed origin), and while there is room. */
    private void guardHandshake(Context ctx) {
        origins.refuseHost(ctx.header("Host")).ifPresent(reason -> {
            throw new ApiException(403, reason);
        });
        refuseCrossSite(ctx);
        if (sockets.size() >= settings.maxSockets()) {
            throw new ApiException(503, "The API serves " + settings.maxSockets() + " WebSocket clients at most (" + ApiSettings.MAX_SOCKETS
                    + "): close another dashboard or raise the limit");
        }
    }

    private void refuseCrossSite(Context ctx) {
        origins.refuseCrossSite(ctx.header("Host"), ctx.header("Origin"), ctx.header("Sec-Fetch-Site")).ifPresent(reason -> {
            throw new ApiException(403, reason);
        });
    }

    private void leave(String sessionId) {
        LiveHub.Client client = sockets.remove(sessionId);
        if (client != null) {
            hub.leave(client);
        }
    }

    private void symbols(Context ctx) {
        Map<String, Map<String, Object>> bySymbol = new LinkedHashMap<>();
        for (String symbol : views.knownSymbols()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", symbol);
            SymbolCommand command = views.symbols().get(symbol);
            json.put("control", command == null ? null : command.getEnabled() ? "ENABLED" : "PAUSED");
            json.put("requestedAt", command == null ? null : RecordJson.time(command.getRequestedAt()));
            Trade last = views.ticks().latest(symbol).orElse(null);
            json.put("lastPrice", last == null ? null : RecordJson.decimal(last.getPrice()));
            json.put("lastTradeTime", last == null ? null : RecordJson.time(last.getTradeTime()));
            bySymbol.put(symbol, json);
        }
        ctx.json(new ArrayList<>(bySymbol.values()));
    }

    private void addSymbol(Context ctx) {
        authorize(ctx);
        String symbol = Requests.symbol(ctx.pathParam("symbol"));
        SymbolCommand command = control.enable(symbol);
        views.symbols().apply(symbol, command);
        ctx.status(202).json(RecordJson.symbolCommand(command));
    }

    private void removeSymbol(Context ctx) {
        authorize(ctx);
        String symbol = Requests.knownSymbol(ctx.pathParam("symbol"), views.knownSymbols());
        control.remove(symbol);
        views.symbols().apply(symbol, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("removed", true);
        ctx.status(202).json(body);
    }

    /** Writes the operator command to control.operator and answers 202 with it; a retried command id is answered, not written again. */
    private void operatorCommand(Context ctx, OperatorAction action) {
        authorize(ctx);
        if (strategy.error() != null) {
            throw new ApiException(503, "The strategy configuration is invalid: " + strategy.error() + ". Fix it and restart the API");
        }
        if (!operatorTopicsPresent.getAsBoolean()) {
            throw new ApiException(503, "The topics " + settings.topics().operatorCommands().name() + " and " + settings.topics().operationalEvents().name()
                    + " are missing: create them (tickflow topics create) and restart the API");
        }
        String body = ctx.body();
        String type = ctx.contentType();
        if (!body.isBlank() && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            throw new ApiException(415, "Send the body as Content-Type: application/json");
        }
        String client = "dashboard".equals(ctx.header(CLIENT_HEADER)) ? "dashboard" : "api";
        OperatorCommand command = operatorControls.command(action, ctx.pathParam("instance"), strategy.instances(), client, ctx.header(IDEMPOTENCY_KEY),
                body, control.now());
        OperatorCommand earlier = issued.get(command.getCommandId());
        if (earlier == null) {
            earlier = views.commands().newest(written -> written.getCommandId().equals(command.getCommandId()), 1).stream().findFirst().orElse(null);
        }
        if (earlier != null) {
            if (!OperatorControls.sameRequest(earlier, command)) {
                throw new ApiException(409, "Command id " + command.getCommandId() + " was already used for another command: use a new id");
            }
            ctx.status(202).json(RecordJson.operatorCommand(earlier));
            return;
        }
        control.operator(command);
        issued.put(command.getCommandId(), command);
        ctx.status(202).json(RecordJson.operatorCommand(command));
    }

    private Map<String, Object> controlState(String instance) {
        OperatorControlView.State state = views.controls().of(instance);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategyInstance", instance);
        json.put("paused", state.paused());
        json.put("halted", state.halted());
        json.put("parameters", new TreeMap<>(state.parameters()));
        json.put("lastEvent", state.lastEvent() == null ? null : RecordJson.operationalEvent(state.lastEvent()));
        return json;
    }

    /** POST and DELETE need {@code Authorization: Bearer <api.token>} when the API listens beyond the loopback interface. */
    private void authorize(Context ctx) {
        if (!settings.tokenRequired()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "This API listens on " + settings.host() + ": " + ctx.method()
                    + " needs the header 'Authorization: Bearer <api.token>'");
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, settings.token().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "The bearer token is not api.token: send the configured token");
        }
    }

    private List<Map<String, Object>> positions(Predicate<Position> filter) {
        return views.positions().all(filter).stream().map(RecordJson::position).toList();
    }

    /** Whether the response is one of ours already (not Javalin's plain-text default). */
    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.status(status).json(body);
    }

    /** Starts listening; the port is taken or the address unusable: an IllegalStateException that says what to change. */
    void start() {
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("api: cannot listen on " + settings.host() + ":" + settings.port() + " (" + cause.getMessage()
                    + "): set " + ApiSettings.PORT + " to a free port (0 for any) or " + ApiSettings.HOST + " to an address of this machine", e);
        }
    }

    /** The base URL clients use, such as {@code http://127.0.0.1:8080/}. */
    URI url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + app.port() + "/");
    }

    @Override
    public void close() {
        Javalin running = app;
        app = null;
        if (running != null) {
            running.stop();
        }
    }

    /** The instance and symbol filters and limit of a list endpoint. */
    private record Filter(String instance, String symbol, int limit) {
        static Filter of(Context ctx) {
            return new Filter(Requests.optionalInstance(ctx.queryParam("instance")), Requests.optionalSymbol(ctx.queryParam("symbol")),
                    Requests.limit(ctx.queryParam("limit")));
        }

        boolean matches(String recordInstance, String recordSymbol) {
            return (instance == null || instance.equals(recordInstance)) && (symbol == null || symbol.equals(recordSymbol));
        }
    }

    /**
     * A WebSocket session; sends asynchronously so that a slow client never holds up the others, and closes a client
     * that has more than {@code maxQueued} messages waiting (status 1013, try again later).
     */
    private static final class SocketClient implements LiveHub.Client {
        private final WsContext ctx;
        private final BoundedSender sender;

        SocketClient(WsContext ctx, int maxQueued) {
            this.ctx = Objects.requireNonNull(ctx);
            this.sender = new BoundedSender((message, done) -> ctx.session.getRemote().sendString(message, new WriteCallback() {
                @Override
                public void writeFailed(Throwable error) {
                    done.run();
                }

                @Override
                public void writeSuccess() {
                    done.run();
                }
            }), maxQueued, limit -> ctx.closeSession(StatusCode.TRY_AGAIN_LATER, "too slow: more than " + limit + " messages waiting"));
        }

        @Override
        public boolean send(String message) {
            return ctx.session.isOpen() && sender.send(message);
        }
    }
}
