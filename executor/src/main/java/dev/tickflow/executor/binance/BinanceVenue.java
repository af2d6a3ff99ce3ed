package dev.tickflow.executor.binance;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceConnectorException;
import com.binance.connector.client.exceptions.BinanceServerException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import com.binance.connector.client.enums.HttpMethod;
import com.binance.connector.client.impl.spot.Trade;
import com.binance.connector.client.utils.RequestHandler;
import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.reconcile.ExchangeAccount;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.OrderRules;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TradingVenue;
import dev.tickflow.executor.venue.VenueRefusedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders on Binance Spot (the Testnet by default) through Binance Connector Java 3.4.1.
 *
 * <ul>
 *   <li>Orders carry the executor's client order id ({@code newClientOrderId}), so {@link #find} can look one up after
 *       a crash, a 5xx or a timeout; {@code newOrderRespType=FULL} brings the fills of a market order in the answer.</li>
 *   <li>What each answer means is {@link BinanceAnswers}' decision; what it leads to is decided here, per call (the
 *       table is in docs/binance-broker.md). Refusals are {@link VenueRefusedException}s (or REJECTED reports of a
 *       placement), answers that leave an order's fate open are {@link OrderFateUnknownException}s.</li>
 *   <li>Rate limits (429/418): the same call is retried after Retry-After (or an exponential back-off) while the wait
 *       fits both {@link BinanceVenueSettings#maxBackoff()} and what is left of the unit of work; otherwise not at all.</li>
 *   <li>The calls of one unit of work ({@link #startWork()}: a signal, a refresh round) share
 *       {@link BinanceVenueSettings#maxWork()}: their timeouts are cut to what is left, and none starts past it, so the
 *       stream thread never waits on Binance past the Kafka transaction timeout.</li>
 * </ul>
 * The API key and secret live only in the connector; nothing here prints them.
 */
public final class BinanceVenue implements TradingVenue, ExchangeAccount {

    private static final Logger log = LoggerFactory.getLogger(BinanceVenue.class);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final String OCO_PATH = "/api/v3/orderList/oco";
    static final String ORDER_LIST_PATH = "/api/v3/orderList";

    private final BinanceVenueSettings settings;
    private final Trade trade;
    private final Market market;
    private final Clock clock;
    private final AtomicLong clockOffsetMillis = new AtomicLong();
    private final Map<String, SymbolFilters> filters = new ConcurrentHashMap<>();
    /** Signed requests the connector has no method for: OCO order lists. */
    private final RequestHandler orderLists;
    private volatile Instant workDeadline;

    /** A venue on {@code settings}' exchange; refuses settings without credentials. */
    public BinanceVenue(BinanceVenueSettings settings) {
        this(settings, Clock.systemUTC());
    }

    BinanceVenue(BinanceVenueSettings settings, Clock clock) {
        this.settings = settings.requireCredentials();
        this.clock = clock;
        SpotClientImpl client = new SpotClientImpl(settings.apiKey(), settings.apiSecret(), settings.restUrl());
        this.trade = client.createTrade();
        this.market = client.createMarket();
        this.orderLists = new RequestHandler(settings.apiKey(), new HmacSignatureGenerator(settings.apiSecret()), null);
        ConnectorHttp.install();
    }

    @Override
    public String name() {
        return "binance";
    }

    /** The calls from now on share a new {@link BinanceVenueSettings#maxWork()}. */
    @Override
    public void startWork() {
        workDeadline = clock.instant().plus(settings.maxWork());
    }

    /**
     * Places the order (an OCO pair through the order-list endpoint), unless it breaks one of Binance's rules for orders
     * that wait on the market ({@link OrderRules}) at the last price. A refusal comes back as a REJECTED report naming
     * Binance's code and message (or the rate limit); -2010 "Duplicate order sent." means Binance has the order already: it is looked up and answered as it is.
     */
    @Override
    public ExecutionReport place(OrderRequest order, MarketSnapshot snapshot) {
        Optional<String> broken = snapshot.referencePrice() == null ? Optional.empty()
                : OrderRules.check(order, snapshot.referencePrice(), Optional.ofNullable(filters.get(order.symbol())));
        if (broken.isPresent()) {
            log.warn("Order {} not sent, Binance would refuse it: {}", order.clientOrderId(), broken.get());
            return ExecutionReport.rejected(order.clientOrderId(), broken.get(), Instant.now(clock));
        }
        boolean oco = order.stop().isOco();
        String body;
        try {
            body = oco ? signed("place OCO " + order.clientOrderId(), p -> orderLists.sendSignedRequest(settings.restUrl(), OCO_PATH, p,
                    HttpMethod.POST, false), () -> ocoParams(order))
                    : signed("place order " + order.clientOrderId(), trade::newOrder, () -> newOrderParams(order));
        } catch (BinanceRequestException e) {
            if (e.meaning() == BinanceAnswers.Meaning.DUPLICATE_ORDER) {
                return adoptDuplicate(order, e);
            }
            log.warn("Binance rejected order {}: code {} ({})", order.clientOrderId(), e.errorCode(), e.exchangeMessage());
            return ExecutionReport.rejected(order.clientOrderId(), e.reason(), Instant.now(clock));
        } catch (VenueRefusedException e) {
            log.warn("Order {} not placed: {}", order.clientOrderId(), e.getMessage());
            return ExecutionReport.rejected(order.clientOrderId(), e.reason(), Instant.now(clock));
        }
        BinanceResponses.OrderState placed = readAnswer("place order " + order.clientOrderId(), () -> oco
                ? BinanceResponses.listLeg(body, order.clientOrderId()) : BinanceResponses.order(body, "clientOrderId"));
        log.info("Binance order {} ({}): {} executed {}", order.clientOrderId(), placed.orderId(), placed.status(),
                placed.executedQuantity().toPlainString());
        return placed.report(placed.fills());
    }

    /**
     * The order by its client order id. For the stop leg of an OCO pair that ended without a fill, its LIMIT_MAKER leg
     * is asked too: when that one filled, its report (with its fills) is the pair's.
     */
    @Override
    public Optional<ExecutionReport> find(OrderRequest order) {
        Optional<ExecutionReport> found = findLeg(order, order.clientOrderId());
        if (order.stop().isOco() && found.isPresent() && found.get().isFinal() && found.get().executedQuantity().signum() == 0) {
            Optional<ExecutionReport> maker = findLeg(order, StopTerms.takeProfitLegId(order.clientOrderId()));
            if (maker.isPresent() && maker.get().executedQuantity().signum() > 0) {
                return maker;
            }
        }
        return found;
    }

    private Optional<ExecutionReport> findLeg(OrderRequest order, String clientOrderId) {
        String body;
        try {
            body = signed("query order " + clientOrderId, trade::getOrder, () -> params("symbol", order.symbol(), "origClientOrderId",
                    clientOrderId));
        } catch (BinanceRequestException e) {
            if (e.meaning() == BinanceAnswers.Meaning.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
        BinanceResponses.OrderState state = readAnswer("query order " + clientOrderId, () -> BinanceResponses.order(body, "clientOrderId"));
        return Optional.of(withTrades(order, state));
    }

    @Override
    public ExecutionReport refresh(OrderRequest order, MarketSnapshot snapshot) {
        return find(order).orElseThrow(() -> new BinanceRequestException("refresh order " + order.clientOrderId(), 400,
                BinanceAnswers.ORDER_DOES_NOT_EXIST, "Order does not exist."));
    }

    /** Cancels the order; on -2011 (already final, or never there) answers what Binance holds, or the refusal when it holds nothing. */
    @Override
    public ExecutionReport cancel(OrderRequest order) {
        boolean oco = order.stop().isOco();
        String body;
        try {
            body = oco ? signed("cancel OCO " + order.stop().orderListId(), p -> orderLists.sendSignedRequest(settings.restUrl(),
                    ORDER_LIST_PATH, p, HttpMethod.DELETE, false), () -> params("symbol", order.symbol(), "listClientOrderId",
                    order.stop().orderListId()))
                    : signed("cancel order " + order.clientOrderId(), trade::cancelOrder, () -> byClientOrderId(order));
        } catch (BinanceRequestException e) {
            if (e.meaning() != BinanceAnswers.Meaning.CANCEL_REJECTED) {
                throw e;
            }
            return find(order).orElseThrow(() -> e);
        }
        BinanceResponses.OrderState canceled = readAnswer("cancel order " + order.clientOrderId(), () -> oco
                ? BinanceResponses.listLeg(body, order.clientOrderId()) : BinanceResponses.order(body, "origClientOrderId"));
        return withTrades(order, canceled);
    }

    /** The symbol's filters, cached for the venue's life; empty on -1121 (no such symbol). Any other failure is thrown. */
    @Override
    public Optional<SymbolFilters> filters(String symbol) {
        SymbolFilters cached = filters.get(symbol);
        if (cached != null) {
            return Optional.of(cached);
        }
        String body;
        try {
            body = call("exchangeInfo " + symbol, market::exchangeInfo, () -> params("symbol", symbol), false);
        } catch (BinanceRequestException e) {
            if (e.meaning() == BinanceAnswers.Meaning.NO_SUCH_SYMBOL) {
                return Optional.empty();
            }
            throw e;
        }
        Optional<SymbolFilters> found = readAnswer("exchangeInfo " + symbol, () -> BinanceResponses.filters(body, symbol));
        found.ifPresent(f -> filters.put(symbol, f));
        return found;
    }

    /** GET /api/v3/openOrders of every symbol (weight 80 at Binance: reconciliation asks at most once per round). */
    @Override
    public Map<String, BigDecimal> openOrders() {
        String body = signed("open orders", trade::getOpenOrders, LinkedHashMap::new);
        return readAnswer("open orders", () -> BinanceResponses.openOrders(body));
    }

    /** GET /api/v3/account: free plus locked per asset. */
    @Override
    public Map<String, BigDecimal> balances() {
        String body = signed("account", trade::account, () -> params("omitZeroBalances", "true"));
        return readAnswer("account", () -> BinanceResponses.balances(body));
    }

    /** The offset last measured between the exchange's clock and this machine's, in milliseconds. */
    long clockOffsetMillis() {
        return clockOffsetMillis.get();
    }

    /**
     * Nothing to release: the connector's HTTP client is JVM-wide and shared (closing its connections or dispatcher
     * would stop every other user of the connector).
     */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "BinanceVenue{" + settings.restUrl() + "}";
    }

    private ExecutionReport withTrades(OrderRequest order, BinanceResponses.OrderState state) {
        if (state.executedQuantity().signum() == 0) {
            return state.report(List.of());
        }
        String body = signed("trades of order " + order.clientOrderId(), trade::myTrades,
                () -> params("symbol", order.symbol(), "orderId", Long.toString(state.orderId())));
        List<ExchangeFill> fills = readAnswer("trades of order " + order.clientOrderId(), () -> BinanceResponses.trades(body));
        return state.report(fills);
    }

    private Map<String, Object> newOrderParams(OrderRequest order) {
        Map<String, Object> p = params("symbol", order.symbol(), "side", order.side().name(), "type", order.type().name());
        if (order.timeInForce() != null && order.type() != OrderType.MARKET) {
            p.put("timeInForce", order.timeInForce().name());
        }
        if (order.limitPrice() != null) {
            p.put("price", order.limitPrice().toPlainString());
        }
        if (order.stopPrice() != null) {
            p.put("stopPrice", order.stopPrice().toPlainString());
        }
        if (order.trailingDelta() != null) {
            p.put("trailingDelta", order.trailingDelta().toString());
        }
        p.put("quantity", order.quantity().toPlainString());
        p.put("newClientOrderId", order.clientOrderId());
        p.put("newOrderRespType", "FULL");
        return p;
    }

    /**
     * An OCO pair: for a SELL, the LIMIT_MAKER leg above the market and this order, the STOP_LOSS_LIMIT leg, below it
     * (a BUY the other way round); the legs' and the list's client ids derive from the order's.
     */
    private static Map<String, Object> ocoParams(OrderRequest order) {
        boolean sell = order.side() == OrderSide.SELL;
        String maker = sell ? "above" : "below";
        String stop = sell ? "below" : "above";
        Map<String, Object> p = params("symbol", order.symbol(), "side", order.side().name(), "quantity", order.quantity().toPlainString(),
                "listClientOrderId", order.stop().orderListId(),
                maker + "Type", OrderType.LIMIT_MAKER.name(), maker + "Price", order.stop().takeProfitPrice().toPlainString(),
                maker + "ClientOrderId", StopTerms.takeProfitLegId(order.clientOrderId()),
                stop + "Type", OrderType.STOP_LOSS_LIMIT.name(), stop + "Price", order.limitPrice().toPlainString(),
                stop + "TimeInForce", order.timeInForce().name(), stop + "ClientOrderId", order.clientOrderId());
        if (order.stopPrice() != null) {
            p.put(stop + "StopPrice", order.stopPrice().toPlainString());
        }
        if (order.trailingDelta() != null) {
            p.put(stop + "TrailingDelta", order.trailingDelta().toString());
        }
        return p;
    }

    private static Map<String, Object> byClientOrderId(OrderRequest order) {
        return params("symbol", order.symbol(), "origClientOrderId", order.clientOrderId());
    }

    /** A fresh map per call: the connector adds timestamp and signature to the map it is given. */
    private static Map<String, Object> params(String... keysAndValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private String signed(String what, Function<Map<String, Object>, String> request, ParamsSupplier params) {
        return call(what, request, params, true);
    }

    /** Binance has an order with this client order id already (-2010 duplicate): answers it as Binance holds it. */
    private ExecutionReport adoptDuplicate(OrderRequest order, BinanceRequestException duplicate) {
        log.warn("Binance already has order {} ({}): looking it up and adopting it", order.clientOrderId(), duplicate.exchangeMessage());
        Optional<ExecutionReport> existing;
        try {
            existing = find(order);
        } catch (RuntimeException e) {
            throw new OrderFateUnknownException("place order " + order.clientOrderId() + ": Binance holds it already (-2010) and "
                    + "looking it up failed (" + e.getMessage() + ")", e);
        }
        return existing.orElseThrow(() -> new OrderFateUnknownException("place order " + order.clientOrderId()
                + ": Binance answered -2010 (duplicate) but does not find the order yet", duplicate));
    }

    /** Reads an HTTP 200 answer; one that cannot be read leaves the call's effect unknown. */
    private static <T> T readAnswer(String what, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            throw new OrderFateUnknownException(what + ": unreadable answer from Binance (" + e.getMessage() + ")", e);
        }
    }

    /**
     * One REST call with Binance's error handling (the meanings of {@link BinanceAnswers}): back-off on rate limits
     * within the budgets, clock resynchronisation and one retry on -1021.
     *
     * @throws BinanceRequestException   for any other 4xx answer
     * @throws VenueRefusedException     for a rate limit beyond the back-off budgets, or when the unit of work has no time left
     * @throws OrderFateUnknownException on 5xx, codes of unknown execution, timeouts and I/O errors
     */
    private String call(String what, Function<Map<String, Object>, String> request, ParamsSupplier params, boolean signed) {
        boolean resynchronised = false;
        Duration waited = Duration.ZERO;
        int rateLimited = 0;
        while (true) {
            Duration left = workLeft(what);
            Map<String, Object> p = params.get();
            if (signed) {
                p.put("recvWindow", Long.toString(settings.recvWindow().toMillis()));
                // the connector keeps a timestamp it is given (putIfAbsent): ours carries the clock offset
                p.put("timestamp", Long.toString(clock.millis() + clockOffsetMillis.get()));
            }
            ConnectorHttp.Observed observed = new ConnectorHttp.Observed(shorter(settings.connectTimeout(), left),
                    shorter(settings.readTimeout(), left));
            try {
                return ConnectorHttp.call(observed, () -> request.apply(p));
            } catch (BinanceClientException e) {
                int status = e.getHttpStatusCode();
                switch (BinanceAnswers.classify(status, e.getErrorCode(), e.getErrMsg())) {
                    case RATE_LIMITED -> {
                        Duration wait = backoff(observed.retryAfter(), rateLimited++);
                        if (waited.plus(wait).compareTo(settings.maxBackoff()) > 0 || wait.compareTo(workLeft(what)) >= 0) {
                            throw new VenueRefusedException(what + ": Binance rate limit (HTTP " + status + ", code " + e.getErrorCode()
                                    + "); waiting " + wait.toMillis() + " ms more is beyond the back-off budget",
                                    "rate-limited: binance HTTP " + status + " code " + e.getErrorCode() + " (" + e.getErrMsg() + ")", null);
                        }
                        log.warn("{}: Binance answered HTTP {} ({}); retrying in {} ms", what, status, e.getErrMsg(), wait.toMillis());
                        sleep(what, wait);
                        waited = waited.plus(wait);
                    }
                    case CLOCK_SKEW -> {
                        if (!signed || resynchronised) {
                            throw new BinanceRequestException(what, status, e.getErrorCode(), e.getErrMsg());
                        }
                        resynchronised = true;
                        resynchroniseClock();
                    }
                    case EXECUTION_UNKNOWN -> throw new OrderFateUnknownException(what + ": Binance answered HTTP " + status + " code "
                            + e.getErrorCode() + " (" + e.getErrMsg() + "); whether it executed is unknown", e);
                    default -> throw new BinanceRequestException(what, status, e.getErrorCode(), e.getErrMsg());
                }
            } catch (BinanceServerException e) {
                throw new OrderFateUnknownException(what + ": Binance answered HTTP " + e.getHttpStatusCode()
                        + "; whether it executed is unknown", e);
            } catch (BinanceConnectorException e) {
                throw new OrderFateUnknownException(what + ": no answer from Binance (" + e.getMessage() + ")", e);
            }
        }
    }

    /** What is left of the unit of work's time; a call that would start past it is not sent. */
    private Duration workLeft(String what) {
        Instant deadline = workDeadline;
        if (deadline == null) {
            return settings.maxWork(); // no unit of work started: each call has the budget to itself
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new VenueRefusedException(what + ": not sent, the Binance calls of this signal or refresh already took "
                    + settings.maxWork().toMillis() + " ms", "venue-busy: binance calls of this unit of work took longer than "
                    + settings.maxWork().toMillis() + " ms", null);
        }
        return left;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Duration backoff(Duration retryAfter, int attempt) {
        if (retryAfter != null) {
            return retryAfter;
        }
        Duration exponential = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 16));
        return exponential.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : exponential;
    }

    private void sleep(String what, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueRefusedException(what + ": interrupted while backing off from a Binance rate limit",
                    "rate-limited: interrupted while backing off", e);
        }
    }

    /** Measures the exchange clock's offset from this machine's, halving the round trip. */
    private void resynchroniseClock() {
        long before = clock.millis();
        String body = call("server time", ignored -> market.time(), LinkedHashMap::new, false);
        long after = clock.millis();
        long offset = BinanceResponses.serverTime(body) - (before + after) / 2;
        long previous = clockOffsetMillis.getAndSet(offset);
        log.warn("Binance refused a timestamp (-1021): clock offset to the exchange is now {} ms (was {} ms)", offset, previous);
    }

    @FunctionalInterface
    private interface ParamsSupplier {
        Map<String, Object> get();
    }
}
