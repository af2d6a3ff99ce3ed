package dev.tickflow.testkit.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The trading part of the fake Binance Spot REST API ({@code /api/v3/order}, {@code myTrades}, {@code exchangeInfo},
 * {@code time}), checking requests the way Binance does: the API key header (-2015), the HMAC-SHA256 signature of the
 * total parameters (-1022), the timestamp against the fake's clock and recvWindow (-1021), required parameters and
 * their formats (-1102, -1100), the symbol's filters (-1013) and duplicate client order ids among open orders (-2010).
 *
 * <p>MARKET orders fill at once at the symbol's market price; LIMIT orders rest until {@link #price} moves the market
 * through them. STOP_LOSS_LIMIT and TAKE_PROFIT_LIMIT orders (a stop price or a trailing delta), LIMIT_MAKER orders and
 * OCO pairs ({@code /api/v3/orderList/oco}, canceled by {@code DELETE /api/v3/orderList}) follow {@link FakeStopOrders}:
 * refused with -2010 when they would act at once, triggered by {@link #price}. Faults are injected for the next N order placements ({@link #inject}), and scripted for the next N calls
 * of the other endpoints ({@link #fail}); {@link #placements} counts the orders accepted per client order id.
 */
public final class FakeSpotExchange {

    public static final String DEFAULT_API_KEY = "fake-api-key-0123456789";
    public static final String DEFAULT_SECRET = "fake-secret-9876543210";

    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final Pattern LONG = Pattern.compile("^[0-9]{1,19}$");
    private static final long MAX_RECV_WINDOW = 60_000;

    /** Failures the exchange answers instead of (or after) handling an order placement. */
    public enum Fault {
        /** -1013 filter failure, order not placed. */
        FILTER_FAILURE,
        /** -2010 new order rejected, order not placed. */
        ORDER_REJECTED,
        /** -1021 timestamp outside recvWindow, order not placed. */
        TIMESTAMP_OUTSIDE_RECV_WINDOW,
        /** HTTP 429 -1003 with the Retry-After set by {@link #retryAfterSeconds}, order not placed. */
        RATE_LIMITED,
        /** HTTP 418 -1003 (IP banned) with Retry-After, order not placed. */
        IP_BANNED,
        /** HTTP 503, order not placed. */
        SERVER_ERROR,
        /** HTTP 503 after the order was placed: the answer is lost. */
        SERVER_ERROR_AFTER_PLACING,
        /** The order is placed, the answer comes after {@link #responseDelay} (past the client's timeout). */
        TIMEOUT_AFTER_PLACING,
        /** The order is placed, and the answer is -2010 "Duplicate order sent." (as to a retry of a request that went through). */
        DUPLICATE_AFTER_PLACING
    }

    /** The calls besides placements whose answers {@link #fail} scripts. */
    public enum Endpoint {
        /** GET /api/v3/order. */
        QUERY_ORDER("GET", "/api/v3/order"),
        /** DELETE /api/v3/order. */
        CANCEL_ORDER("DELETE", "/api/v3/order"),
        /** GET /api/v3/myTrades. */
        MY_TRADES("GET", "/api/v3/myTrades"),
        /** GET /api/v3/exchangeInfo. */
        EXCHANGE_INFO("GET", "/api/v3/exchangeInfo");

        private final String method;
        private final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.equals(requestPath);
        }
    }

    /**
     * An answer scripted for a call of an {@link Endpoint}: an error instead of the call's effect, or (a timeout) the
     * call's effect with its answer held back for {@code delay}.
     *
     * @param code              Binance's error code; null for an error without a JSON body (a 5xx from the gateway)
     * @param retryAfterSeconds the Retry-After header, or null
     * @param delay             non-null for a timeout: the call takes effect, its answer comes this much later
     */
    public record Failure(int status, Integer code, String message, Integer retryAfterSeconds, Duration delay) {

        /** HTTP 503 without a body; the call takes no effect. */
        public static Failure serverError() {
            return new Failure(503, null, null, null, null);
        }

        /** A Binance error answer; the call takes no effect. */
        public static Failure error(int status, int code, String message) {
            return new Failure(status, code, message, null, null);
        }

        /** -2011 "Unknown order sent.", as Binance answers a cancel of an order that is final or unknown. */
        public static Failure unknownOrder() {
            return error(400, -2011, "Unknown order sent.");
        }

        /** HTTP 429 -1003 with {@code retryAfterSeconds} (null: none); the call takes no effect. */
        public static Failure rateLimited(Integer retryAfterSeconds) {
            return new Failure(429, -1003, "Too many requests; current limit of IP is 6000 requests per minute.", retryAfterSeconds, null);
        }

        /** The call takes effect (or fails as it would) and its answer comes {@code delay} later (past the client's read timeout). */
        public static Failure timeout(Duration delay) {
            return new Failure(200, null, null, null, delay);
        }

        boolean isTimeout() {
            return delay != null;
        }
    }

    private record ScriptedFailure(Endpoint endpoint, Failure failure) {
    }

    /** The rules of one symbol, as exchangeInfo publishes them (zero turns a bound off). */
    public record SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal minPrice,
                              BigDecimal maxPrice, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
                              BigDecimal minNotional, BigDecimal maxNotional) {

        /** BTCUSDT as the Spot Testnet has it. */
        public static SymbolRules btcUsdt() {
            return new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.01"),
                    new BigDecimal("1000000.00"), new BigDecimal("0.00001"), new BigDecimal("0.00001"),
                    new BigDecimal("9000.00000"), new BigDecimal("5.00"), new BigDecimal("9000000.00"));
        }
    }

    /** One execution of an order. */
    public record Trade(long id, long orderId, BigDecimal price, BigDecimal quantity, BigDecimal commission,
                        String commissionAsset, long time) {
    }

    /** An order as the fake holds it; a snapshot, safe to keep. */
    public record Order(long orderId, String clientOrderId, String symbol, String side, String type, String timeInForce,
                        BigDecimal price, BigDecimal quantity, BigDecimal executedQuantity, BigDecimal cumulativeQuote,
                        String status, long time, long updateTime, List<Trade> trades) {
    }

    /** One request as the fake received it. */
    public record Request(String method, String path, Map<String, String> params, boolean apiKeyHeader, int status,
                          Integer errorCode, Instant receivedAt) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final Map<String, SymbolRules> symbols = new LinkedHashMap<>();
    private final Map<String, BigDecimal> marketPrices = new LinkedHashMap<>();
    private final Map<Long, MutableOrder> orders = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<ScriptedFailure> scripted = new ArrayList<>();
    private final Map<String, Integer> placements = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private String apiKey = DEFAULT_API_KEY;
    private String secret = DEFAULT_SECRET;
    private BigDecimal commissionRate = new BigDecimal("0.001");
    private Duration clockOffset = Duration.ZERO;
    private Integer retryAfterSeconds = 1;
    private Duration responseDelay = Duration.ofSeconds(3);
    private long nextOrderId = 1;
    private long nextOrderListId = 1;
    private final Map<String, Long> orderLists = new LinkedHashMap<>();
    private long nextTradeId = 1;
    private final FakeAccount account = new FakeAccount();
    private final FakeUserDataStream userData = new FakeUserDataStream(this::validSignedParams);
    private long nextManualId = 1;

    FakeSpotExchange() {
        symbol(SymbolRules.btcUsdt());
        price("BTCUSDT", new BigDecimal("60000.00"));
    }

    /** The API key and secret the exchange accepts. */
    public FakeSpotExchange credentials(String newApiKey, String newSecret) {
        synchronized (lock) {
            apiKey = newApiKey;
            secret = newSecret;
        }
        return this;
    }

    /** Adds or replaces a tradable symbol. */
    public FakeSpotExchange symbol(SymbolRules rules) {
        synchronized (lock) {
            symbols.put(rules.symbol(), rules);
        }
        return this;
    }

    /** Commission per fill, as a fraction: of the base quantity for BUY, of the quote amount for SELL. */
    public FakeSpotExchange commissionRate(BigDecimal rate) {
        synchronized (lock) {
            commissionRate = rate;
        }
        return this;
    }

    /** Moves the exchange's clock away from this machine's (positive: the exchange is ahead). */
    public FakeSpotExchange clockOffset(Duration offset) {
        synchronized (lock) {
            clockOffset = offset;
        }
        return this;
    }

    /** Retry-After of the injected 429 and 418 answers, in seconds; null sends none. */
    public FakeSpotExchange retryAfterSeconds(Integer seconds) {
        synchronized (lock) {
            retryAfterSeconds = seconds;
        }
        return this;
    }

    /** How long {@link Fault#TIMEOUT_AFTER_PLACING} holds the answer back. */
    public FakeSpotExchange responseDelay(Duration delay) {
        synchronized (lock) {
            responseDelay = delay;
        }
        return this;
    }

    /**
     * Sets the market price of {@code symbol}: MARKET orders fill at it, and resting LIMIT orders it reaches or
     * crosses fill at their limit price.
     */
    public FakeSpotExchange price(String symbol, BigDecimal price) {
        synchronized (lock) {
            marketPrices.put(symbol, price);
            for (MutableOrder order : List.copyOf(orders.values())) {
                if (order.symbol.equals(symbol) && order.isOpen()) {
                    order.meet(price, now());
                }
            }
        }
        return this;
    }

    /** A counterparty takes {@code quantity} of a resting LIMIT order at its limit price: a partial fill, or the rest. */
    public FakeSpotExchange fillPartially(String clientOrderId, BigDecimal quantity) {
        synchronized (lock) {
            MutableOrder order = orders.values().stream()
                    .filter(o -> o.clientOrderId.equals(clientOrderId) && o.isOpen() && o.price != null)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No open LIMIT order " + clientOrderId));
            BigDecimal open = order.quantity.subtract(order.executed);
            if (quantity.signum() <= 0 || quantity.compareTo(open) > 0) {
                throw new IllegalArgumentException("Order " + clientOrderId + " has " + open.toPlainString() + " open");
            }
            order.fill(order.price, quantity, now());
        }
        return this;
    }

    /** The next {@code times} order placements answer {@code fault}, after the faults injected before. */
    public FakeSpotExchange inject(Fault fault, int times) {
        synchronized (lock) {
            for (int i = 0; i < times; i++) {
                faults.addLast(fault);
            }
        }
        return this;
    }

    /**
     * The next {@code times} calls of {@code endpoint} answer {@code failure}, after the failures scripted for it before;
     * other endpoints and placements ({@link #inject}) are not affected.
     */
    public FakeSpotExchange fail(Endpoint endpoint, Failure failure, int times) {
        synchronized (lock) {
            for (int i = 0; i < times; i++) {
                scripted.add(new ScriptedFailure(endpoint, failure));
            }
        }
        return this;
    }

    /** How many of the scripted failures of {@code endpoint} have not been answered yet. */
    public int pendingFailures(Endpoint endpoint) {
        synchronized (lock) {
            return (int) scripted.stream().filter(f -> f.endpoint() == endpoint).count();
        }
    }

    /** How many orders the exchange accepted with {@code clientOrderId} (more than one would be a duplicate placement). */
    public int placements(String clientOrderId) {
        synchronized (lock) {
            return placements.getOrDefault(clientOrderId, 0);
        }
    }

    /** The exchange's clock. */
    public long now() {
        synchronized (lock) {
            return System.currentTimeMillis() + clockOffset.toMillis();
        }
    }

    /** Every order the exchange holds, by client order id. */
    public Map<String, Order> orders() {
        synchronized (lock) {
            Map<String, Order> out = new LinkedHashMap<>();
            orders.values().forEach(o -> out.put(o.clientOrderId, o.snapshot()));
            return out;
        }
    }

    public Optional<Order> order(String clientOrderId) {
        return Optional.ofNullable(orders().get(clientOrderId));
    }

    // --- the account and its user-data stream: balances, manual actions, executionReport/outboundAccountPosition events

    /** The user-data stream of the WebSocket API ({@code /ws-api/v3}) that every order change and balance move goes to. */
    public FakeUserDataStream userDataStream() {
        return userData;
    }

    /** Adds {@code amount} of {@code asset} to the account (a deposit; negative for a withdrawal), without an order. */
    public FakeSpotExchange deposit(String asset, BigDecimal amount) {
        synchronized (lock) {
            account.credit(asset, amount);
            publishBalances(List.of(asset));
        }
        return this;
    }

    /** The account's balance of {@code asset} (free; nothing is ever locked). */
    public BigDecimal balance(String asset) {
        synchronized (lock) {
            return account.balance(asset);
        }
    }

    /** Cancels an open order as a person would on the exchange's web page: the executor was not asked. */
    public FakeSpotExchange cancelByHand(String clientOrderId) {
        synchronized (lock) {
            MutableOrder order = orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId) && o.isOpen()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No open order " + clientOrderId));
            order.status = "CANCELED";
            order.updateTime = now();
            reportOrder(order, "CANCELED", null);
        }
        return this;
    }

    /** A MARKET order placed by hand (a client order id of the web page's kind, not the executor's); answers its client order id. */
    public String marketOrderByHand(String symbol, String side, BigDecimal quantity) {
        synchronized (lock) {
            SymbolRules rules = rules(symbol);
            String clientOrderId = "web_manual" + nextManualId++;
            long time = now();
            MutableOrder order = new MutableOrder(nextOrderId++, clientOrderId, rules, side, "MARKET", null, null, quantity, time);
            orders.put(order.orderId, order);
            reportOrder(order, "NEW", null);
            order.fill(marketPrices.get(rules.symbol()), quantity, time);
            return clientOrderId;
        }
    }

    private boolean validSignedParams(Map<String, String> params) {
        Map<String, String> signed = new TreeMap<>(params);
        String signature = signed.remove("signature");
        String payload = String.join("&", signed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        synchronized (lock) {
            return apiKey.equals(signed.get("apiKey")) && signature != null
                    && MessageDigest.isEqual(hmacSha256(secret, payload).getBytes(StandardCharsets.US_ASCII),
                    signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private Answer openOrders(Map<String, String> params) {
        String symbol = params.containsKey("symbol") ? rules(params.get("symbol")).symbol() : null;
        ArrayNode open = json.createArrayNode();
        synchronized (lock) {
            orders.values().stream().filter(o -> o.isOpen() && (symbol == null || o.symbol.equals(symbol))).forEach(o -> open.add(orderJson(o)));
        }
        return Answer.ok(open);
    }

    /** An executionReport of {@code order}'s change ({@code NEW}, {@code TRADE} with its trade, {@code CANCELED}, {@code EXPIRED}). */
    private void reportOrder(MutableOrder order, String executionType, Trade trade) {
        ObjectNode e = json.createObjectNode();
        e.put("e", "executionReport").put("E", now()).put("s", order.symbol).put("c", order.clientOrderId)
                .put("S", order.side).put("o", order.type).put("f", order.timeInForce == null ? "GTC" : order.timeInForce)
                .put("q", plain8(order.quantity)).put("p", plain8(order.price == null ? BigDecimal.ZERO : order.price))
                .put("P", plain8(BigDecimal.ZERO)).put("C", executionType.equals("CANCELED") ? order.clientOrderId : "")
                .put("x", executionType).put("X", order.status).put("r", "NONE").put("i", order.orderId)
                .put("l", plain8(trade == null ? BigDecimal.ZERO : trade.quantity()))
                .put("z", plain8(order.executed)).put("L", plain8(trade == null ? BigDecimal.ZERO : trade.price()))
                .put("n", trade == null ? "0" : plain(trade.commission())).putNull("N")
                .put("T", order.updateTime).put("t", trade == null ? -1 : trade.id()).put("g", -1)
                .put("Z", plain8(order.cumulativeQuote));
        if (trade != null) {
            e.put("N", trade.commissionAsset());
        }
        userData.publish(e);
        if (trade != null) {
            publishBalances(List.of(order.rules.baseAsset(), order.rules.quoteAsset()));
        }
    }

    private void publishBalances(List<String> assets) {
        ObjectNode e = json.createObjectNode().put("e", "outboundAccountPosition").put("E", now()).put("u", now());
        e.set("B", account.balancesJson("f", "l", assets));
        userData.publish(e);
    }

    /** Every request received, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one method and path, oldest first. */
    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    MockResponse dispatch(RecordedRequest request, HttpUrl url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        String body = request.getBody().readUtf8();
        if (!body.isEmpty()) {
            HttpUrl form = HttpUrl.get("http://form/?" + body);
            form.queryParameterNames().forEach(name -> params.put(name, form.queryParameter(name)));
        }
        String method = request.getMethod();
        String path = url.encodedPath();
        String key = request.getHeader("X-MBX-APIKEY");
        Answer answer;
        try {
            answer = route(method, path, params, url.encodedQuery(), body, key);
        } catch (ApiError e) {
            answer = Answer.error(e.status, e.code, e.getMessage());
        }
        requests.add(new Request(method, path, Map.copyOf(params), key != null, answer.status, answer.errorCode, Instant.now()));
        return answer.response;
    }

    private Answer route(String method, String path, Map<String, String> params, String query, String body, String key) {
        Failure failure = nextScriptedFailure(method, path);
        if (failure != null && !failure.isTimeout()) {
            Answer answer = Answer.error(failure.status(), failure.code(), failure.message());
            if (failure.retryAfterSeconds() != null) {
                answer.response.setHeader("Retry-After", failure.retryAfterSeconds());
            }
            return answer;
        }
        Answer answer;
        try {
            answer = handle(method, path, params, query, body, key);
        } catch (ApiError e) {
            if (failure == null) {
                throw e;
            }
            answer = Answer.error(e.status, e.code, e.getMessage());
        }
        if (failure != null) {
            answer.response.setHeadersDelay(failure.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private Failure nextScriptedFailure(String method, String path) {
        synchronized (lock) {
            for (int i = 0; i < scripted.size(); i++) {
                if (scripted.get(i).endpoint().matches(method, path)) {
                    return scripted.remove(i).failure();
                }
            }
            return null;
        }
    }

    private Answer handle(String method, String path, Map<String, String> params, String query, String body, String key) {
        return switch (method + " " + path) {
            case "GET /api/v3/time" -> Answer.ok(json.createObjectNode().put("serverTime", now()));
            case "GET /api/v3/exchangeInfo" -> exchangeInfo(params);
            case "POST /api/v3/order" -> {
                authenticate(params, query, body, key);
                yield newOrder(params);
            }
            case "GET /api/v3/order" -> {
                authenticate(params, query, body, key);
                yield Answer.ok(orderJson(findOrder(params, -2013, "Order does not exist.")));
            }
            case "DELETE /api/v3/order" -> {
                authenticate(params, query, body, key);
                yield cancel(params);
            }
            case "GET /api/v3/openOrders" -> {
                authenticate(params, query, body, key);
                yield openOrders(params);
            }
            case "GET /api/v3/account" -> {
                authenticate(params, query, body, key);
                yield Answer.ok(account.accountJson(now()));
            }
            case "POST /api/v3/orderList/oco" -> {
                authenticate(params, query, body, key);
                yield newOco(params);
            }
            case "DELETE /api/v3/orderList" -> {
                authenticate(params, query, body, key);
                yield cancelOrderList(params);
            }
            case "GET /api/v3/myTrades" -> {
                authenticate(params, query, body, key);
                yield myTrades(params);
            }
            default -> throw new ApiError(404, -1, "Unknown endpoint " + method + " " + path);
        };
    }

    private void authenticate(Map<String, String> params, String query, String body, String key) {
        String expectedKey;
        String expectedSecret;
        synchronized (lock) {
            expectedKey = apiKey;
            expectedSecret = secret;
        }
        if (key == null || !key.equals(expectedKey)) {
            throw new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String signature = params.get("signature");
        if (signature == null) {
            throw new ApiError(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        String totalParams = withoutSignature(query == null ? "" : query) + withoutSignature(body);
        if (!MessageDigest.isEqual(hmacSha256(expectedSecret, totalParams).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiError(400, -1022, "Signature for this request is not valid.");
        }
        long timestamp = requiredLong(params, "timestamp");
        long recvWindow = params.containsKey("recvWindow") ? requiredLong(params, "recvWindow") : 5_000;
        if (recvWindow > MAX_RECV_WINDOW) {
            throw new ApiError(400, -1131, "recvWindow must be less than 60000");
        }
        long serverTime = now();
        if (timestamp >= serverTime + 1_000 || serverTime - timestamp > recvWindow) {
            throw new ApiError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    /** The total params without the signature: Binance signs everything before it. */
    private static String withoutSignature(String encoded) {
        if (encoded.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : encoded.split("&")) {
            if (!part.startsWith("signature=")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }

    /** Lower-case hex HMAC-SHA256, as Binance expects the signature. */
    public static String hmacSha256(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer newOrder(Map<String, String> params) {
        SymbolRules rules = rules(required(params, "symbol"));
        String side = oneOf(params, "side", "BUY", "SELL");
        String type = oneOf(params, "type", "MARKET", "LIMIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER");
        BigDecimal quantity = requiredDecimal(params, "quantity");
        String clientOrderId = params.get("newClientOrderId");
        if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw illegalCharacters("newClientOrderId", CLIENT_ORDER_ID);
        }
        String responseType = params.containsKey("newOrderRespType")
                ? oneOf(params, "newOrderRespType", "ACK", "RESULT", "FULL") : "FULL";
        BigDecimal price = null;
        String timeInForce = null;
        if (type.equals("LIMIT") || FakeStopOrders.isConditional(type)) {
            timeInForce = oneOf(params, "timeInForce", "GTC", "IOC", "FOK");
            price = requiredDecimal(params, "price");
        } else if (type.equals("LIMIT_MAKER")) {
            price = requiredDecimal(params, "price");
            notRequired(params, "timeInForce");
        } else {
            notRequired(params, "price");
            notRequired(params, "timeInForce");
        }
        BigDecimal stopPrice = params.containsKey("stopPrice") ? requiredDecimal(params, "stopPrice") : null;
        Integer trailingDelta = params.containsKey("trailingDelta") ? (int) requiredLong(params, "trailingDelta") : null;
        if (FakeStopOrders.isConditional(type) && stopPrice == null && trailingDelta == null) {
            required(params, "stopPrice");
        } else if (!FakeStopOrders.isConditional(type)) {
            notRequired(params, "stopPrice");
            notRequired(params, "trailingDelta");
        }
        synchronized (lock) {
            Fault fault = faults.pollFirst();
            if (fault != null) {
                Answer injected = injectedBeforePlacing(fault);
                if (injected != null) {
                    return injected;
                }
            }
            BigDecimal market = marketPrices.get(rules.symbol());
            checkFilters(rules, price != null ? price : market, quantity);
            if (stopPrice != null) {
                checkFilters(rules, stopPrice, quantity);
            }
            refuseWhenActingAtOnce(side, type, price, stopPrice, trailingDelta, market);
            if (clientOrderId == null) {
                clientOrderId = "fake" + nextOrderId;
            }
            String duplicate = clientOrderId;
            if (orders.values().stream().anyMatch(o -> o.isOpen() && o.clientOrderId.equals(duplicate))) {
                throw new ApiError(400, -2010, "Duplicate order sent.");
            }
            long time = now();
            MutableOrder order = new MutableOrder(nextOrderId++, clientOrderId, rules, side, type, timeInForce, price,
                    quantity, time);
            order.conditional(stopPrice, trailingDelta, market);
            orders.put(order.orderId, order);
            placements.merge(clientOrderId, 1, Integer::sum);
            reportOrder(order, "NEW", null);
            if (type.equals("MARKET")) {
                order.fill(market, quantity, time);
            } else if (order.tracking != null) {
                order.status = "NEW";
            } else if (order.crossedBy(market)) {
                order.fill(market, quantity, time);
            } else if (timeInForce != null && !timeInForce.equals("GTC")) {
                order.status = "EXPIRED";
                reportOrder(order, "EXPIRED", null);
            }
            ObjectNode answer = orderResponse(order, responseType);
            if (fault == Fault.SERVER_ERROR_AFTER_PLACING) {
                return Answer.error(503, null, null);
            }
            if (fault == Fault.DUPLICATE_AFTER_PLACING) {
                return Answer.error(400, -2010, "Duplicate order sent.");
            }
            if (fault == Fault.TIMEOUT_AFTER_PLACING) {
                Answer delayed = Answer.ok(answer);
                delayed.response.setHeadersDelay(responseDelay.toMillis(), TimeUnit.MILLISECONDS);
                return delayed;
            }
            return Answer.ok(answer);
        }
    }

    private static void notRequired(Map<String, String> params, String name) {
        if (params.containsKey(name)) {
            throw new ApiError(400, -1106, "Parameter '" + name + "' sent when not required.");
        }
    }

    private static void refuseWhenActingAtOnce(String side, String type, BigDecimal price, BigDecimal stopPrice, Integer trailingDelta,
                                               BigDecimal market) {
        FakeStopOrders.refusal(side, type, price, stopPrice, trailingDelta, market).ifPresent(refusal -> {
            throw new ApiError(400, refusal.code(), refusal.message());
        });
    }

    /**
     * POST /api/v3/orderList/oco with a LIMIT_MAKER leg above the market and a STOP_LOSS_LIMIT leg below it (a SELL;
     * the reverse for a BUY): both legs rest under one order list; a leg that triggers or fills expires the other.
     */
    private Answer newOco(Map<String, String> params) {
        SymbolRules rules = rules(required(params, "symbol"));
        String side = oneOf(params, "side", "BUY", "SELL");
        BigDecimal quantity = requiredDecimal(params, "quantity");
        oneOf(params, "aboveType", side.equals("SELL") ? "LIMIT_MAKER" : "STOP_LOSS_LIMIT");
        oneOf(params, "belowType", side.equals("SELL") ? "STOP_LOSS_LIMIT" : "LIMIT_MAKER");
        String makerLeg = side.equals("SELL") ? "above" : "below";
        String stopLeg = side.equals("SELL") ? "below" : "above";
        BigDecimal makerPrice = requiredDecimal(params, makerLeg + "Price");
        BigDecimal stopLimit = requiredDecimal(params, stopLeg + "Price");
        String stopTimeInForce = oneOf(params, stopLeg + "TimeInForce", "GTC");
        BigDecimal stopPrice = params.containsKey(stopLeg + "StopPrice") ? requiredDecimal(params, stopLeg + "StopPrice") : null;
        Integer trailingDelta = params.containsKey(stopLeg + "TrailingDelta") ? (int) requiredLong(params, stopLeg + "TrailingDelta") : null;
        if (stopPrice == null && trailingDelta == null) {
            required(params, stopLeg + "StopPrice");
        }
        String listClientOrderId = params.getOrDefault("listClientOrderId", "list" + nextOrderId);
        synchronized (lock) {
            BigDecimal market = marketPrices.get(rules.symbol());
            checkFilters(rules, makerPrice, quantity);
            checkFilters(rules, stopLimit, quantity);
            if (stopPrice != null) {
                checkFilters(rules, stopPrice, quantity);
            }
            boolean sell = side.equals("SELL");
            if (sell ? makerPrice.compareTo(market) <= 0 || stopPrice != null && stopPrice.compareTo(market) >= 0
                    : makerPrice.compareTo(market) >= 0 || stopPrice != null && stopPrice.compareTo(market) <= 0) {
                throw new ApiError(400, -2010, "The relationship of the prices for the orders is not correct.");
            }
            refuseWhenActingAtOnce(side, "STOP_LOSS_LIMIT", stopLimit, stopPrice, trailingDelta, market);
            String makerId = params.getOrDefault(makerLeg + "ClientOrderId", "fake" + nextOrderId);
            String stopId = params.getOrDefault(stopLeg + "ClientOrderId", "fake" + (nextOrderId + 1));
            if (orders.values().stream().anyMatch(o -> o.isOpen() && (o.clientOrderId.equals(makerId) || o.clientOrderId.equals(stopId)))) {
                throw new ApiError(400, -2010, "Duplicate order sent.");
            }
            long time = now();
            long listId = nextOrderListId++;
            MutableOrder maker = new MutableOrder(nextOrderId++, makerId, rules, side, "LIMIT_MAKER", null, makerPrice, quantity, time);
            MutableOrder stop = new MutableOrder(nextOrderId++, stopId, rules, side, "STOP_LOSS_LIMIT", stopTimeInForce, stopLimit, quantity, time);
            stop.conditional(stopPrice, trailingDelta, market);
            maker.partner = stop;
            stop.partner = maker;
            for (MutableOrder leg : sell ? List.of(stop, maker) : List.of(maker, stop)) {
                leg.orderListId = listId;
                orders.put(leg.orderId, leg);
                placements.merge(leg.clientOrderId, 1, Integer::sum);
            }
            orderLists.put(listClientOrderId, listId);
            return Answer.ok(orderList(listId, listClientOrderId, rules.symbol(), "EXEC_STARTED", "EXECUTING", time));
        }
    }

    /** DELETE /api/v3/orderList by listClientOrderId or orderListId: cancels the open legs; -2011 when none is open. */
    private Answer cancelOrderList(Map<String, String> params) {
        SymbolRules rules = rules(required(params, "symbol"));
        synchronized (lock) {
            String listClientOrderId = params.get("listClientOrderId");
            Long listId = params.containsKey("orderListId") ? Long.valueOf(requiredLong(params, "orderListId"))
                    : listClientOrderId == null ? null : orderLists.get(listClientOrderId);
            if (listId == null && listClientOrderId == null) {
                required(params, "listClientOrderId");
            }
            List<MutableOrder> open = orders.values().stream().filter(o -> listId != null && o.orderListId == listId && o.isOpen()).toList();
            if (open.isEmpty()) {
                throw new ApiError(400, -2011, "Unknown order list sent.");
            }
            long time = now();
            open.forEach(leg -> {
                leg.status = "CANCELED";
                leg.updateTime = time;
            });
            String name = orderLists.entrySet().stream().filter(e -> e.getValue().equals(listId)).map(Map.Entry::getKey).findFirst()
                    .orElse(String.valueOf(listId));
            return Answer.ok(orderList(listId, name, rules.symbol(), "ALL_DONE", "ALL_DONE", time));
        }
    }

    private ObjectNode orderList(long listId, String listClientOrderId, String symbol, String statusType, String orderStatus, long time) {
        ObjectNode answer = json.createObjectNode();
        answer.put("orderListId", listId);
        answer.put("contingencyType", "OCO");
        answer.put("listStatusType", statusType);
        answer.put("listOrderStatus", orderStatus);
        answer.put("listClientOrderId", listClientOrderId);
        answer.put("transactionTime", time);
        answer.put("symbol", symbol);
        ArrayNode legs = answer.putArray("orders");
        ArrayNode reports = answer.putArray("orderReports");
        orders.values().stream().filter(o -> o.orderListId == listId).forEach(leg -> {
            legs.addObject().put("symbol", symbol).put("orderId", leg.orderId).put("clientOrderId", leg.clientOrderId);
            reports.add(orderJson(leg));
        });
        return answer;
    }

    private Answer injectedBeforePlacing(Fault fault) {
        return switch (fault) {
            case FILTER_FAILURE -> Answer.error(400, -1013, "Filter failure: LOT_SIZE");
            case ORDER_REJECTED -> Answer.error(400, -2010, "Account has insufficient balance for requested action.");
            case TIMESTAMP_OUTSIDE_RECV_WINDOW -> Answer.error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
            case RATE_LIMITED -> withRetryAfter(Answer.error(429, -1003,
                    "Too many requests; current limit of IP is 6000 requests per minute."));
            case IP_BANNED -> withRetryAfter(Answer.error(418, -1003,
                    "Way too many requests; IP banned until " + (now() + 1_000) + "."));
            case SERVER_ERROR -> Answer.error(503, null, null);
            case SERVER_ERROR_AFTER_PLACING, TIMEOUT_AFTER_PLACING, DUPLICATE_AFTER_PLACING -> null;
        };
    }

    private Answer withRetryAfter(Answer answer) {
        if (retryAfterSeconds != null) {
            answer.response.setHeader("Retry-After", retryAfterSeconds);
        }
        return answer;
    }

    private void checkFilters(SymbolRules rules, BigDecimal price, BigDecimal quantity) {
        if (price == null) {
            throw new ApiError(400, -2010, "Market is closed: no price for " + rules.symbol() + ".");
        }
        if (positive(rules.minPrice()) && price.compareTo(rules.minPrice()) < 0
                || positive(rules.maxPrice()) && price.compareTo(rules.maxPrice()) > 0
                || positive(rules.tickSize()) && !isMultiple(price.subtract(rules.minPrice()), rules.tickSize())) {
            throw new ApiError(400, -1013, "Filter failure: PRICE_FILTER");
        }
        if (quantity.compareTo(rules.minQuantity()) < 0
                || positive(rules.maxQuantity()) && quantity.compareTo(rules.maxQuantity()) > 0
                || positive(rules.stepSize()) && !isMultiple(quantity.subtract(rules.minQuantity()), rules.stepSize())) {
            throw new ApiError(400, -1013, "Filter failure: LOT_SIZE");
        }
        BigDecimal notional = price.multiply(quantity);
        if (notional.compareTo(rules.minNotional()) < 0
                || positive(rules.maxNotional()) && notional.compareTo(rules.maxNotional()) > 0) {
            throw new ApiError(400, -1013, "Filter failure: NOTIONAL");
        }
    }

    private static boolean positive(BigDecimal value) {
        return value.signum() > 0;
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }

    private Answer cancel(Map<String, String> params) {
        synchronized (lock) {
            MutableOrder order = findOrder(params, -2011, "Unknown order sent.");
            if (!order.isOpen()) {
                throw new ApiError(400, -2011, "Unknown order sent.");
            }
            order.status = "CANCELED";
            order.updateTime = now();
            reportOrder(order, "CANCELED", null);
            ObjectNode answer = orderJson(order);
            answer.put("origClientOrderId", order.clientOrderId);
            answer.remove(List.of("time", "updateTime", "isWorking", "workingTime"));
            answer.put("transactTime", order.updateTime);
            return Answer.ok(answer);
        }
    }

    private Answer myTrades(Map<String, String> params) {
        SymbolRules rules = rules(required(params, "symbol"));
        Long orderId = params.containsKey("orderId") ? requiredLong(params, "orderId") : null;
        ArrayNode trades = json.createArrayNode();
        synchronized (lock) {
            for (MutableOrder order : orders.values()) {
                if (order.symbol.equals(rules.symbol()) && (orderId == null || order.orderId == orderId)) {
                    for (Trade trade : order.trades) {
                        ObjectNode t = trades.addObject();
                        t.put("symbol", order.symbol);
                        t.put("id", trade.id());
                        t.put("orderId", order.orderId);
                        t.put("orderListId", -1);
                        t.put("price", plain(trade.price()));
                        t.put("qty", plain(trade.quantity()));
                        t.put("quoteQty", plain(trade.price().multiply(trade.quantity())));
                        t.put("commission", plain(trade.commission()));
                        t.put("commissionAsset", trade.commissionAsset());
                        t.put("time", trade.time());
                        t.put("isBuyer", order.side.equals("BUY"));
                        t.put("isMaker", order.type.equals("LIMIT") && trade.time() > order.time);
                        t.put("isBestMatch", true);
                    }
                }
            }
        }
        return Answer.ok(trades);
    }

    private Answer exchangeInfo(Map<String, String> params) {
        ObjectNode info = json.createObjectNode();
        info.put("timezone", "UTC");
        info.put("serverTime", now());
        ArrayNode list = info.putArray("symbols");
        synchronized (lock) {
            List<SymbolRules> wanted = params.containsKey("symbol") ? List.of(rules(params.get("symbol")))
                    : List.copyOf(symbols.values());
            for (SymbolRules rules : wanted) {
                ObjectNode s = list.addObject();
                s.put("symbol", rules.symbol());
                s.put("status", "TRADING");
                s.put("baseAsset", rules.baseAsset());
                s.put("baseAssetPrecision", 8);
                s.put("quoteAsset", rules.quoteAsset());
                s.put("quotePrecision", 8);
                s.putArray("orderTypes").add("LIMIT").add("LIMIT_MAKER").add("MARKET").add("STOP_LOSS_LIMIT").add("TAKE_PROFIT_LIMIT");
                s.put("ocoAllowed", true);
                ArrayNode filters = s.putArray("filters");
                filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", plain8(rules.minPrice()))
                        .put("maxPrice", plain8(rules.maxPrice())).put("tickSize", plain8(rules.tickSize()));
                filters.addObject().put("filterType", "LOT_SIZE").put("minQty", plain8(rules.minQuantity()))
                        .put("maxQty", plain8(rules.maxQuantity())).put("stepSize", plain8(rules.stepSize()));
                filters.addObject().put("filterType", "MARKET_LOT_SIZE").put("minQty", plain8(BigDecimal.ZERO))
                        .put("maxQty", plain8(rules.maxQuantity())).put("stepSize", plain8(BigDecimal.ZERO));
                filters.addObject().put("filterType", "NOTIONAL").put("minNotional", plain8(rules.minNotional()))
                        .put("applyMinToMarket", true).put("maxNotional", plain8(rules.maxNotional()))
                        .put("applyMaxToMarket", false).put("avgPriceMins", 5);
                filters.addObject().put("filterType", "TRAILING_DELTA")
                        .put("minTrailingAboveDelta", FakeStopOrders.MIN_TRAILING_DELTA).put("maxTrailingAboveDelta", FakeStopOrders.MAX_TRAILING_DELTA)
                        .put("minTrailingBelowDelta", FakeStopOrders.MIN_TRAILING_DELTA).put("maxTrailingBelowDelta", FakeStopOrders.MAX_TRAILING_DELTA);
            }
        }
        return Answer.ok(info);
    }

    private MutableOrder findOrder(Map<String, String> params, int absentCode, String absentMessage) {
        SymbolRules rules = rules(required(params, "symbol"));
        Long orderId = params.containsKey("orderId") ? requiredLong(params, "orderId") : null;
        String clientOrderId = params.get("origClientOrderId");
        if (orderId == null && clientOrderId == null) {
            throw new ApiError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        synchronized (lock) {
            return orders.values().stream()
                    .filter(o -> o.symbol.equals(rules.symbol()))
                    .filter(o -> orderId == null || o.orderId == orderId)
                    .filter(o -> clientOrderId == null || o.clientOrderId.equals(clientOrderId))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new ApiError(400, absentCode, absentMessage));
        }
    }

    private ObjectNode orderResponse(MutableOrder order, String responseType) {
        ObjectNode answer = json.createObjectNode();
        answer.put("symbol", order.symbol);
        answer.put("orderId", order.orderId);
        answer.put("orderListId", order.orderListId);
        answer.put("clientOrderId", order.clientOrderId);
        answer.put("transactTime", order.time);
        if (responseType.equals("ACK")) {
            return answer;
        }
        answer.put("price", plain8(order.price == null ? BigDecimal.ZERO : order.price));
        answer.put("origQty", plain8(order.quantity));
        answer.put("executedQty", plain8(order.executed));
        answer.put("cummulativeQuoteQty", plain8(order.cumulativeQuote));
        answer.put("status", order.status);
        answer.put("timeInForce", order.timeInForce == null ? "GTC" : order.timeInForce);
        answer.put("type", order.type);
        answer.put("side", order.side);
        answer.put("workingTime", order.time);
        answer.put("selfTradePreventionMode", "EXPIRE_MAKER");
        if (responseType.equals("FULL")) {
            ArrayNode fills = answer.putArray("fills");
            for (Trade trade : order.trades) {
                fills.addObject().put("price", plain8(trade.price())).put("qty", plain8(trade.quantity()))
                        .put("commission", plain8(trade.commission())).put("commissionAsset", trade.commissionAsset())
                        .put("tradeId", trade.id());
            }
        }
        return answer;
    }

    private ObjectNode orderJson(MutableOrder order) {
        ObjectNode o = json.createObjectNode();
        o.put("symbol", order.symbol);
        o.put("orderId", order.orderId);
        o.put("orderListId", order.orderListId);
        o.put("clientOrderId", order.clientOrderId);
        o.put("price", plain8(order.price == null ? BigDecimal.ZERO : order.price));
        o.put("origQty", plain8(order.quantity));
        o.put("executedQty", plain8(order.executed));
        o.put("cummulativeQuoteQty", plain8(order.cumulativeQuote));
        o.put("status", order.status);
        o.put("timeInForce", order.timeInForce == null ? "GTC" : order.timeInForce);
        o.put("type", order.type);
        o.put("side", order.side);
        o.put("stopPrice", plain8(order.stopPrice == null ? BigDecimal.ZERO : order.stopPrice));
        if (order.trailingDelta != null) {
            o.put("trailingDelta", order.trailingDelta);
        }
        o.put("icebergQty", plain8(BigDecimal.ZERO));
        o.put("time", order.time);
        o.put("updateTime", order.updateTime);
        o.put("isWorking", order.isOpen());
        o.put("workingTime", order.time);
        o.put("origQuoteOrderQty", plain8(BigDecimal.ZERO));
        o.put("selfTradePreventionMode", "EXPIRE_MAKER");
        return o;
    }

    private SymbolRules rules(String symbol) {
        synchronized (lock) {
            SymbolRules rules = symbols.get(symbol);
            if (rules == null) {
                throw new ApiError(400, -1121, "Invalid symbol.");
            }
            return rules;
        }
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new ApiError(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
        return value;
    }

    private static String oneOf(Map<String, String> params, String name, String... allowed) {
        String value = required(params, name);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new ApiError(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '"
                + String.join(", ", allowed) + "'.");
    }

    private static BigDecimal requiredDecimal(Map<String, String> params, String name) {
        String value = required(params, name);
        if (!DECIMAL.matcher(value).matches()) {
            throw illegalCharacters(name, DECIMAL);
        }
        return new BigDecimal(value);
    }

    private static long requiredLong(Map<String, String> params, String name) {
        String value = required(params, name);
        if (!LONG.matcher(value).matches()) {
            throw illegalCharacters(name, LONG);
        }
        return Long.parseLong(value);
    }

    private static ApiError illegalCharacters(String name, Pattern legal) {
        return new ApiError(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '"
                + legal.pattern() + "'.");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String plain8(BigDecimal value) {
        return value.setScale(Math.max(8, value.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    private final class MutableOrder {
        final long orderId;
        final String clientOrderId;
        final SymbolRules rules;
        final String symbol;
        final String side;
        final String type;
        final String timeInForce;
        final BigDecimal price;
        final BigDecimal quantity;
        final long time;
        final List<Trade> trades = new ArrayList<>();
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal cumulativeQuote = BigDecimal.ZERO;
        String status = "NEW";
        long updateTime;
        BigDecimal stopPrice;
        Integer trailingDelta;
        /** A conditional order's way to its trigger; null once it works (or for any other order). */
        FakeStopOrders.Tracking tracking;
        long orderListId = -1;
        /** The other leg of an OCO pair; null for a single order. */
        MutableOrder partner;

        MutableOrder(long orderId, String clientOrderId, SymbolRules rules, String side, String type, String timeInForce,
                     BigDecimal price, BigDecimal quantity, long time) {
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.rules = rules;
            this.symbol = rules.symbol();
            this.side = side;
            this.type = type;
            this.timeInForce = timeInForce;
            this.price = price;
            this.quantity = quantity;
            this.time = time;
            this.updateTime = time;
        }

        boolean isOpen() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        void conditional(BigDecimal stop, Integer trailing, BigDecimal market) {
            stopPrice = stop;
            trailingDelta = trailing;
            tracking = FakeStopOrders.isConditional(type) ? FakeStopOrders.atPlacement(stop, trailing, market) : null;
        }

        /**
         * A trade at {@code market}: an untriggered stop moves towards its trigger, and once triggered works as a LIMIT
         * that fills at the trade's price when marketable; a working order the trade reaches fills at its price. An OCO
         * leg that triggers or fills expires its partner.
         */
        void meet(BigDecimal market, long at) {
            if (tracking != null) {
                tracking = FakeStopOrders.next(side, type, stopPrice, trailingDelta, tracking, market);
                if (!tracking.triggered()) {
                    return;
                }
                tracking = null;
                expirePartner(at);
                if (crossedBy(market)) {
                    fill(market, quantity.subtract(executed), at);
                }
            } else if (crossedBy(market)) {
                fill(price, quantity.subtract(executed), at);
                expirePartner(at);
            }
        }

        private void expirePartner(long at) {
            if (partner != null && partner.isOpen()) {
                partner.status = "EXPIRED";
                partner.updateTime = at;
            }
        }

        boolean crossedBy(BigDecimal market) {
            if (tracking != null || price == null || market == null) {
                return false;
            }
            return side.equals("BUY") ? market.compareTo(price) <= 0 : market.compareTo(price) >= 0;
        }

        void fill(BigDecimal fillPrice, BigDecimal fillQuantity, long at) {
            boolean buy = side.equals("BUY");
            BigDecimal commission = (buy ? fillQuantity : fillQuantity.multiply(fillPrice)).multiply(commissionRate)
                    .stripTrailingZeros();
            if (commission.scale() < 0) {
                commission = commission.setScale(0);
            }
            Trade trade = new Trade(nextTradeId++, orderId, fillPrice, fillQuantity, commission,
                    buy ? rules.baseAsset() : rules.quoteAsset(), at);
            trades.add(trade);
            executed = executed.add(fillQuantity);
            cumulativeQuote = cumulativeQuote.add(fillPrice.multiply(fillQuantity));
            status = executed.compareTo(quantity) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
            updateTime = at;
            BigDecimal quote = fillPrice.multiply(fillQuantity);
            account.credit(rules.baseAsset(), buy ? fillQuantity : fillQuantity.negate());
            account.credit(rules.quoteAsset(), buy ? quote.negate() : quote);
            account.credit(trade.commissionAsset(), commission.negate());
            reportOrder(this, "TRADE", trade);
        }

        Order snapshot() {
            return new Order(orderId, clientOrderId, symbol, side, type, timeInForce, price, quantity, executed,
                    cumulativeQuote, status, time, updateTime, List.copyOf(trades));
        }
    }

    private static final class ApiError extends RuntimeException {
        final int status;
        final int code;

        ApiError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private static final class Answer {
        final MockResponse response;
        final int status;
        final Integer errorCode;

        private Answer(MockResponse response, int status, Integer errorCode) {
            this.response = response;
            this.status = status;
            this.errorCode = errorCode;
        }

        static Answer ok(Object body) {
            return new Answer(new MockResponse().setHeader("Content-Type", "application/json;charset=UTF-8")
                    .setBody(body.toString()), 200, null);
        }

        static Answer error(int status, Integer code, String message) {
            MockResponse response = new MockResponse().setResponseCode(status);
            if (code == null) {
                response.setHeader("Content-Type", "text/html").setBody("<html><body>Service Unavailable</body></html>");
            } else {
                response.setHeader("Content-Type", "application/json;charset=UTF-8")
                        .setBody("{\"code\":" + code + ",\"msg\":" + quote(message) + "}");
            }
            return new Answer(response, status, code);
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
