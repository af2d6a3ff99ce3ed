package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import dev.tickflow.testkit.binance.FakeSpotExchange.Fault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real connector, through BinanceVenue, against the fake Binance Spot API on 127.0.0.1. */
class BinanceVenueTest {

    private static final BigDecimal MARKET = new BigDecimal("60000.00");
    private static final MarketSnapshot SNAPSHOT = new MarketSnapshot(MARKET, MARKET, Instant.parse("2026-01-01T00:00:00Z"));

    private FakeBinance fake;
    private FakeSpotExchange exchange;
    private BinanceVenue venue;

    @BeforeEach
    void start() {
        fake = new FakeBinance();
        exchange = fake.spot();
        venue = new BinanceVenue(settings(Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        venue.close();
        fake.close();
    }

    private BinanceVenueSettings settings(Duration readTimeout, Duration maxBackoff) {
        return BinanceVenueSettings.testnet().withRestUrl(fake.restUrl())
                .withCredentials(FakeSpotExchange.DEFAULT_API_KEY, FakeSpotExchange.DEFAULT_SECRET)
                .withTimeouts(Duration.ofSeconds(1), readTimeout, maxBackoff);
    }

    static OrderRequest market(String clientOrderId, OrderSide side, String quantity) {
        return new OrderRequest(clientOrderId, "signal-" + clientOrderId, "sma-1", "BTCUSDT", side, OrderType.MARKET,
                new BigDecimal(quantity), null, null, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static OrderRequest limit(String clientOrderId, OrderSide side, String quantity, String price) {
        return new OrderRequest(clientOrderId, "signal-" + clientOrderId, "sma-1", "BTCUSDT", side, OrderType.LIMIT,
                new BigDecimal(quantity), new BigDecimal(price), TimeInForce.GTC, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void isTheBinanceVenue() {
        assertThat(venue.name()).isEqualTo("binance");
    }

    @Test
    void marketOrderFillsFromTheFullAnswerWithCommission() {
        ExecutionReport report = venue.place(market("sig-1-buy", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.clientOrderId()).isEqualTo("sig-1-buy");
        assertThat(report.exchangeOrderId()).isEqualTo(Long.toString(exchange.order("sig-1-buy").orElseThrow().orderId()));
        assertThat(report.executedQuantity()).isEqualByComparingTo("0.001");
        assertThat(report.fills()).hasSize(1);
        ExchangeFill fill = report.fills().get(0);
        assertThat(fill.price()).isEqualByComparingTo("60000.00");
        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.commission()).isEqualByComparingTo("0.000001"); // 0.1 % of the base quantity on a BUY
        assertThat(fill.commissionAsset()).isEqualTo("BTC");
        assertThat(fill.tradeId()).isEqualTo(Long.toString(exchange.order("sig-1-buy").orElseThrow().trades().get(0).id()));

        FakeSpotExchange.Request sent = exchange.requests("POST", "/api/v3/order").get(0);
        assertThat(sent.params()).containsEntry("newClientOrderId", "sig-1-buy").containsEntry("newOrderRespType", "FULL")
                .containsEntry("quantity", "0.001").containsEntry("type", "MARKET").doesNotContainKey("price");
    }

    @Test
    void sellCommissionIsInTheQuoteAsset() {
        ExecutionReport report = venue.place(market("sig-2-sell", OrderSide.SELL, "0.002"), SNAPSHOT);

        assertThat(report.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.commission()).isEqualByComparingTo("0.12"); // 0.002 * 60000 * 0.001
            assertThat(fill.commissionAsset()).isEqualTo("USDT");
        });
    }

    @Test
    void limitOrderRestsThenFillsAndRefreshReadsTheTrades() {
        OrderRequest order = limit("sig-3-buy", OrderSide.BUY, "0.001", "59000.00");

        ExecutionReport placed = venue.place(order, SNAPSHOT);
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(placed.fills()).isEmpty();
        assertThat(exchange.requests("POST", "/api/v3/order").get(0).params())
                .containsEntry("price", "59000.00").containsEntry("timeInForce", "GTC");

        assertThat(venue.refresh(order, SNAPSHOT).status()).isEqualTo(OrderStatus.NEW);

        exchange.price("BTCUSDT", new BigDecimal("58900.00"));
        ExecutionReport filled = venue.refresh(order, SNAPSHOT);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.executedQuantity()).isEqualByComparingTo("0.001");
        assertThat(filled.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo("59000.00");
            assertThat(fill.commission()).isEqualByComparingTo("0.000001");
        });
        assertThat(exchange.requests("GET", "/api/v3/myTrades")).hasSize(1);
    }

    @Test
    void partialFillsAreReportedThenKeptByTheCancel() {
        OrderRequest order = limit("sig-20-buy", OrderSide.BUY, "0.003", "59000.00");
        venue.place(order, SNAPSHOT);

        exchange.fillPartially("sig-20-buy", new BigDecimal("0.001"));
        ExecutionReport partial = venue.refresh(order, SNAPSHOT);
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partial.executedQuantity()).isEqualByComparingTo("0.001");
        assertThat(partial.fills()).hasSize(1);

        exchange.fillPartially("sig-20-buy", new BigDecimal("0.0005"));
        ExecutionReport canceled = venue.cancel(order);
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.executedQuantity()).isEqualByComparingTo("0.0015");
        assertThat(canceled.fills()).extracting(ExchangeFill::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.001"), new BigDecimal("0.0005"));
        assertThat(canceled.fills().get(0).tradeId()).isEqualTo(partial.fills().get(0).tradeId());
    }

    @Test
    void cancelsARestingOrder() {
        OrderRequest order = limit("sig-4-buy", OrderSide.BUY, "0.001", "50000.00");
        venue.place(order, SNAPSHOT);

        ExecutionReport canceled = venue.cancel(order);

        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.clientOrderId()).isEqualTo("sig-4-buy");
        assertThat(canceled.fills()).isEmpty();
        assertThat(exchange.order("sig-4-buy").orElseThrow().status()).isEqualTo("CANCELED");
    }

    @Test
    void cancelOfAnOrderThatFilledFirstAnswersItsFill() {
        OrderRequest order = limit("sig-5-sell", OrderSide.SELL, "0.001", "61000.00");
        venue.place(order, SNAPSHOT);
        exchange.price("BTCUSDT", new BigDecimal("61000.00"));

        ExecutionReport report = venue.cancel(order);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.fills()).singleElement().satisfies(fill -> assertThat(fill.price()).isEqualByComparingTo("61000.00"));
    }

    @Test
    void findsAnOrderByClientOrderIdOrNothing() {
        OrderRequest placed = market("sig-6-buy", OrderSide.BUY, "0.001");
        venue.place(placed, SNAPSHOT);

        assertThat(venue.find(placed)).hasValueSatisfying(report -> {
            assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(report.fills()).hasSize(1);
        });
        assertThat(venue.find(market("never-sent", OrderSide.BUY, "0.001"))).isEmpty();
        assertThat(exchange.requests("GET", "/api/v3/order")).last()
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo(-2013));
    }

    @Test
    void readsAndCachesTheSymbolsFilters() {
        SymbolFilters filters = venue.filters("BTCUSDT").orElseThrow();

        assertThat(filters.baseAsset()).isEqualTo("BTC");
        assertThat(filters.quoteAsset()).isEqualTo("USDT");
        assertThat(filters.tickSize()).isEqualByComparingTo("0.01");
        assertThat(filters.stepSize()).isEqualByComparingTo("0.00001");
        assertThat(filters.minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(filters.maxQuantity()).isEqualByComparingTo("9000");
        assertThat(filters.minNotional()).isEqualByComparingTo("5");
        assertThat(filters.maxNotional()).isEqualByComparingTo("9000000");
        assertThat(venue.filters("BTCUSDT")).contains(filters);
        assertThat(exchange.requests("GET", "/api/v3/exchangeInfo")).hasSize(1);
        assertThat(venue.filters("NOPEUSDT")).isEmpty();
    }

    @Test
    void filterFailureIsRejectedWithTheExchangesMessage() {
        ExecutionReport tooSmall = venue.place(market("sig-7-buy", OrderSide.BUY, "0.00005"), SNAPSHOT);
        assertThat(tooSmall.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(tooSmall.rejectReason()).isEqualTo("binance -1013: Filter failure: NOTIONAL");

        exchange.inject(Fault.FILTER_FAILURE, 1);
        ExecutionReport injected = venue.place(market("sig-8-buy", OrderSide.BUY, "0.001"), SNAPSHOT);
        assertThat(injected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(injected.rejectReason()).isEqualTo("binance -1013: Filter failure: LOT_SIZE");
        assertThat(exchange.orders()).isEmpty();
    }

    @Test
    void orderRejectedByTheExchangeIsRejected() {
        exchange.inject(Fault.ORDER_REJECTED, 1);
        ExecutionReport report = venue.place(market("sig-9-buy", OrderSide.BUY, "0.001"), SNAPSHOT);
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).isEqualTo("binance -2010: Account has insufficient balance for requested action.");

        OrderRequest resting = limit("sig-10-buy", OrderSide.BUY, "0.001", "50000.00");
        assertThat(venue.place(resting, SNAPSHOT).status()).isEqualTo(OrderStatus.NEW);
        ExecutionReport duplicate = venue.place(resting, SNAPSHOT);
        assertThat(duplicate.status()).as("-2010 duplicate: the order Binance holds is adopted").isEqualTo(OrderStatus.NEW);
        assertThat(duplicate.exchangeOrderId()).isEqualTo(Long.toString(exchange.order("sig-10-buy").orElseThrow().orderId()));
        assertThat(exchange.orders()).containsOnlyKeys("sig-10-buy");
        assertThat(exchange.placements("sig-10-buy")).isEqualTo(1);
    }

    @Test
    void aRetryAfterBeyondTheBudgetIsNotWaitedFor() {
        exchange.retryAfterSeconds(30).inject(Fault.RATE_LIMITED, 1);
        venue.startWork();

        ExecutionReport report = venue.place(market("sig-16-buy", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).startsWith("rate-limited:");
        assertThat(exchange.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(exchange.orders()).isEmpty();
    }

    @Test
    void failuresOutsidePlacementAreThrownAsRefusalsOrUnknownOutcomes() {
        OrderRequest order = market("sig-17-buy", OrderSide.BUY, "0.001");
        exchange.fail(FakeSpotExchange.Endpoint.EXCHANGE_INFO, FakeSpotExchange.Failure.serverError(), 1)
                .fail(FakeSpotExchange.Endpoint.QUERY_ORDER, FakeSpotExchange.Failure.error(400, -1100, "Illegal characters found."), 1)
                .fail(FakeSpotExchange.Endpoint.CANCEL_ORDER, FakeSpotExchange.Failure.unknownOrder(), 1);

        assertThatThrownBy(() -> venue.filters("ETHUSDT")).isInstanceOf(OrderFateUnknownException.class).hasMessageContaining("HTTP 503");
        assertThatThrownBy(() -> venue.find(order)).isInstanceOf(dev.tickflow.executor.venue.VenueRefusedException.class)
                .hasMessageContaining("-1100");
        assertThatThrownBy(() -> venue.cancel(order)).isInstanceOf(dev.tickflow.executor.venue.VenueRefusedException.class)
                .hasMessageContaining("-2011");
    }

    @Test
    void clockSkewIsResynchronisedAndTheCallRetriedOnce() {
        exchange.clockOffset(Duration.ofSeconds(30));

        ExecutionReport report = venue.place(market("sig-11-buy", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(venue.clockOffsetMillis()).isBetween(29_000L, 31_000L);
        List<String> calls = exchange.requests().stream().map(r -> r.method() + " " + r.path() + " " + r.status()).toList();
        assertThat(calls).containsExactly("POST /api/v3/order 400", "GET /api/v3/time 200", "POST /api/v3/order 200");
        assertThat(exchange.requests().get(0).errorCode()).isEqualTo(-1021);
        // later calls carry the corrected timestamp at once
        assertThat(venue.find(market("sig-11-buy", OrderSide.BUY, "0.001"))).isPresent();
        assertThat(exchange.requests("GET", "/api/v3/time")).hasSize(1);
    }

    @Test
    void timestampRefusedTwiceIsRejectedAfterOneRetry() {
        exchange.inject(Fault.TIMESTAMP_OUTSIDE_RECV_WINDOW, 2);

        ExecutionReport report = venue.place(market("sig-12-buy", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).startsWith("binance -1021:");
        assertThat(exchange.requests("POST", "/api/v3/order")).hasSize(2);
        assertThat(exchange.requests("GET", "/api/v3/time")).hasSize(1);
        assertThat(exchange.orders()).isEmpty();
    }

    @Test
    void rateLimitWaitsForRetryAfterThenPlacesTheSameOrder() {
        exchange.retryAfterSeconds(1).inject(Fault.RATE_LIMITED, 1);

        ExecutionReport report = venue.place(market("sig-13-buy", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        List<FakeSpotExchange.Request> posts = exchange.requests("POST", "/api/v3/order");
        assertThat(posts).extracting(FakeSpotExchange.Request::status).containsExactly(429, 200);
        assertThat(Duration.between(posts.get(0).receivedAt(), posts.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(posts.get(1).params()).containsEntry("newClientOrderId", "sig-13-buy");
        assertThat(exchange.orders()).containsOnlyKeys("sig-13-buy");
    }

    @Test
    void ipBanWithoutRetryAfterBacksOffExponentially() {
        exchange.retryAfterSeconds(null).inject(Fault.IP_BANNED, 2);

        ExecutionReport report = venue.place(market("sig-14-buy", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        List<FakeSpotExchange.Request> posts = exchange.requests("POST", "/api/v3/order");
        assertThat(posts).extracting(FakeSpotExchange.Request::status).containsExactly(418, 418, 200);
        assertThat(Duration.between(posts.get(0).receivedAt(), posts.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(Duration.between(posts.get(1).receivedAt(), posts.get(2).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void rateLimitBeyondTheBackoffBudgetIsANamedRejection() {
        venue = new BinanceVenue(settings(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        exchange.retryAfterSeconds(1).inject(Fault.RATE_LIMITED, 5);
        OrderRequest order = market("sig-15-buy", OrderSide.BUY, "0.001");

        ExecutionReport report = venue.place(order, SNAPSHOT);
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).startsWith("rate-limited: binance HTTP 429 code -1003");
        assertThat(exchange.requests("POST", "/api/v3/order")).hasSize(3);
        assertThat(venue.find(order)).isEmpty();
    }

    @Test
    void serverErrorBeforePlacingIsUnknownAndFindFindsNothing() {
        exchange.inject(Fault.SERVER_ERROR, 1);
        OrderRequest order = market("sig-16-buy", OrderSide.BUY, "0.001");

        assertThatThrownBy(() -> venue.place(order, SNAPSHOT))
                .isInstanceOf(OrderFateUnknownException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(venue.find(order)).isEmpty();
    }

    @Test
    void serverErrorAfterPlacingIsUnknownAndFindFindsTheOrder() {
        exchange.inject(Fault.SERVER_ERROR_AFTER_PLACING, 1);
        OrderRequest order = market("sig-17-buy", OrderSide.BUY, "0.001");

        assertThatThrownBy(() -> venue.place(order, SNAPSHOT)).isInstanceOf(OrderFateUnknownException.class);

        ExecutionReport found = venue.find(order).orElseThrow();
        assertThat(found.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(found.fills()).singleElement().satisfies(fill -> assertThat(fill.quantity()).isEqualByComparingTo("0.001"));
        assertThat(exchange.orders()).hasSize(1);
    }

    @Test
    void timeoutIsUnknownAndFindFindsTheOrder() {
        exchange.responseDelay(Duration.ofSeconds(3)).inject(Fault.TIMEOUT_AFTER_PLACING, 1);
        OrderRequest order = market("sig-18-buy", OrderSide.BUY, "0.001");

        long start = System.nanoTime();
        assertThatThrownBy(() -> venue.place(order, SNAPSHOT))
                .isInstanceOf(OrderFateUnknownException.class)
                .hasMessageContaining("no answer from Binance");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));

        assertThat(venue.find(order)).hasValueSatisfying(report -> assertThat(report.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(exchange.orders()).hasSize(1);
    }

    @Test
    void refreshOfAnOrderTheExchangeDoesNotHaveFails() {
        assertThatThrownBy(() -> venue.refresh(limit("ghost", OrderSide.BUY, "0.001", "50000.00"), SNAPSHOT))
                .isInstanceOf(BinanceRequestException.class)
                .satisfies(e -> assertThat(((BinanceRequestException) e).errorCode()).isEqualTo(-2013));
    }

    @Test
    void decimalsAreSentPlain() {
        venue.place(market("sig-19-buy", OrderSide.BUY, "0.00010000"), SNAPSHOT);
        Map<String, String> sent = exchange.requests("POST", "/api/v3/order").get(0).params();
        assertThat(sent.get("quantity")).isEqualTo("0.00010000");
    }
}
