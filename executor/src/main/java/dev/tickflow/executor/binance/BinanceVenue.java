package dev.tickflow.executor.binance;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceConnectorException;
import com.binance.connector.client.exceptions.BinanceServerException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import com.binance.connector.client.impl.spot.Trade;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TradingVenue;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders on Binance Spot (the Testnet by default) through Binance Connector Java 3.4.1.
 *
 * <ul>
 *   <li>Orders carry the executor's client order id ({@code newClientOrderId}), so {@link #find} can look one up after
 *       a crash, a 5xx or a timeout; {@code newOrderRespType=FULL} brings the fills of a market order in the answer.</li>
 *   <li>HTTP 429/418: the same call is retried after Retry-After (or an exponential back-off when none is given),
 *       for at most {@link BinanceVenueSettings#maxBackoff()} in total.</li>
 *   <li>-1021 (timestamp outside recvWindow): the offset to the exchange's clock is measured with GET /api/v3/time,
 *       then the call is retried once with a corrected timestamp.</li>
 *   <li>Any other 4xx on a placement (-1013 filter failure, -2010 rejected, ...): a REJECTED report with the
 *       exchange's code and message. 5xx, timeouts and I/O errors: {@link OrderFateUnknownException}.</li>
 * </ul>
 * The API key and secret live only in the connector; nothing here prints them.
 */
public final class BinanceVenue implements TradingVenue {

    private static final Logger log = LoggerFactory.getLogger(BinanceVenue.class);

    static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    static final int ORDER_DOES_NOT_EXIST = -2013;
    static final int UNKNOWN_ORDER = -2011;
    static final int INVALID_SYMBOL = -1121;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final BinanceVenueSettings settings;
    private final Trade trade;
    private final Market market;
    private final Clock clock;
    private final AtomicLong clockOffsetMillis = new AtomicLong();
    private final Map<String, SymbolFilters> filters = new ConcurrentHashMap<>();

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
        ConnectorHttp.install();
    }

    @Override
    public String name() {
        return "binance";
    }


    @Override
    public ExecutionReport place(OrderRequest order, MarketSnapshot snapshot) {
        String body;
        try {
            body = signed("place order " + order.clientOrderId(), trade::newOrder, () -> newOrderParams(order));
        } catch (BinanceRequestException e) {
            log.warn("Binance rejected order {}: code {} ({})", order.clientOrderId(), e.errorCode(), e.exchangeMessage());
            return ExecutionReport.rejected(order.clientOrderId(),
                    "binance " + e.errorCode() + ": " + e.exchangeMessage(), Instant.now(clock));
        }
        BinanceResponses.OrderState placed;
        try {
            placed = BinanceResponses.order(body, "clientOrderId");
        } catch (RuntimeException e) {
            // Binance accepted the request (HTTP 200) but the answer is unreadable: the order may well exist
            throw new OrderFateUnknownException("place order " + order.clientOrderId() + ": unreadable answer from Binance", e);
        }
        log.info("Binance order {} ({}): {} executed {}", order.clientOrderId(), placed.orderId(), placed.status(),
                placed.executedQuantity().toPlainString());
        return placed.report(placed.fills());
    }

    @Override
    public Optional<ExecutionReport> find(OrderRequest order) {
        String body;
        try {
            body = signed("query order " + order.clientOrderId(), trade::getOrder, () -> byClientOrderId(order));
        } catch (BinanceRequestException e) {
            if (e.errorCode() == ORDER_DOES_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(withTrades(order, BinanceResponses.order(body, "clientOrderId")));
    }

    @Override
    public ExecutionReport refresh(OrderRequest order, MarketSnapshot snapshot) {
        return find(order).orElseThrow(() -> new BinanceRequestException("refresh order " + order.clientOrderId(), 400,
                ORDER_DOES_NOT_EXIST, "Order does not exist."));
    }

    @Override
    public ExecutionReport cancel(OrderRequest order) {
        String body;
        try {
            body = signed("cancel order " + order.clientOrderId(), trade::cancelOrder, () -> byClientOrderId(order));
        } catch (BinanceRequestException e) {
            if (e.errorCode() != UNKNOWN_ORDER) {
                throw e;
            }
            // already final (filled, canceled, expired) or never placed: answer what the exchange holds
            return find(order).orElseThrow(() -> e);
        }
        return withTrades(order, BinanceResponses.order(body, "origClientOrderId"));
    }

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
            if (e.errorCode() == INVALID_SYMBOL) {
                return Optional.empty();
            }
            throw e;
        } catch (OrderFateUnknownException e) {
            throw new BinanceRequestException("exchangeInfo " + symbol + " failed: " + e.getMessage(), e.getCause());
        }
        Optional<SymbolFilters> found = BinanceResponses.filters(body, symbol);
        found.ifPresent(f -> filters.put(symbol, f));
        return found;
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
        List<ExchangeFill> fills = BinanceResponses.trades(body);
        return state.report(fills);
    }

    private Map<String, Object> newOrderParams(OrderRequest order) {
        Map<String, Object> p = params("symbol", order.symbol(), "side", order.side().name(), "type", order.type().name());
        if (order.type() == OrderType.LIMIT) {
            p.put("timeInForce", order.timeInForce().name());
            p.put("price", order.limitPrice().toPlainString());
        }
        p.put("quantity", order.quantity().toPlainString());
        p.put("newClientOrderId", order.clientOrderId());
        p.put("newOrderRespType", "FULL");
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

    /**
     * One REST call with Binance's error handling: back-off on 429/418, clock resynchronisation and one retry on -1021.
     *
     * @throws BinanceRequestException    for any other 4xx answer
     * @throws OrderFateUnknownException  on 5xx, timeouts, I/O errors, or a rate limit that outlasts the back-off budget
     */
    private String call(String what, Function<Map<String, Object>, String> request, ParamsSupplier params, boolean signed) {
        boolean resynchronised = false;
        Duration waited = Duration.ZERO;
        int rateLimited = 0;
        while (true) {
            Map<String, Object> p = params.get();
            if (signed) {
                p.put("recvWindow", Long.toString(settings.recvWindow().toMillis()));
                // the connector keeps a timestamp it is given (putIfAbsent): ours carries the clock offset
                p.put("timestamp", Long.toString(clock.millis() + clockOffsetMillis.get()));
            }
            ConnectorHttp.Observed observed = new ConnectorHttp.Observed(settings.connectTimeout(), settings.readTimeout());
            try {
                return ConnectorHttp.call(observed, () -> request.apply(p));
            } catch (BinanceClientException e) {
                int status = e.getHttpStatusCode();
                if (status == 429 || status == 418) {
                    Duration wait = backoff(observed.retryAfter(), rateLimited++);
                    if (waited.plus(wait).compareTo(settings.maxBackoff()) > 0) {
                        throw new OrderFateUnknownException(what + ": Binance rate limit (HTTP " + status + ", code "
                                + e.getErrorCode() + ") lasted beyond the back-off budget of " + settings.maxBackoff(), null);
                    }
                    log.warn("{}: Binance answered HTTP {} ({}); retrying in {} ms", what, status, e.getErrMsg(), wait.toMillis());
                    sleep(what, wait);
                    waited = waited.plus(wait);
                    continue;
                }
                if (e.getErrorCode() == TIMESTAMP_OUTSIDE_RECV_WINDOW && signed && !resynchronised) {
                    resynchronised = true;
                    resynchroniseClock();
                    continue;
                }
                throw new BinanceRequestException(what, status, e.getErrorCode(), e.getErrMsg());
            } catch (BinanceServerException e) {
                throw new OrderFateUnknownException(what + ": Binance answered HTTP " + e.getHttpStatusCode()
                        + "; whether it executed is unknown", e);
            } catch (BinanceConnectorException e) {
                throw new OrderFateUnknownException(what + ": no answer from Binance (" + e.getMessage() + ")", e);
            }
        }
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
            throw new OrderFateUnknownException(what + ": interrupted while backing off from a Binance rate limit", e);
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
