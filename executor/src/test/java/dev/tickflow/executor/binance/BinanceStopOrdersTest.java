package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT, trailing stops, LIMIT_MAKER and OCO pairs through BinanceVenue against the fake on 127.0.0.1. */
class BinanceStopOrdersTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final MarketSnapshot AT_60000 = new MarketSnapshot(new BigDecimal("60000"), null, T);

    private FakeBinance fake;
    private FakeSpotExchange exchange;
    private BinanceVenue venue;

    @BeforeEach
    void start() {
        fake = new FakeBinance();
        exchange = fake.spot();
        venue = new BinanceVenue(BinanceVenueSettings.testnet().withRestUrl(fake.restUrl())
                .withCredentials(FakeSpotExchange.DEFAULT_API_KEY, FakeSpotExchange.DEFAULT_SECRET)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        venue.filters("BTCUSDT");
    }

    @AfterEach
    void stop() {
        venue.close();
        fake.close();
    }

    private static OrderRequest sell(String id, OrderType type, String limit, StopTerms stop) {
        return new OrderRequest(id, null, "A", "BTCUSDT", OrderSide.SELL, type, new BigDecimal("0.001"), new BigDecimal(limit),
                type == OrderType.LIMIT_MAKER ? null : TimeInForce.GTC, null, T, stop);
    }

    private static StopTerms stopAt(String price) {
        return new StopTerms(new BigDecimal(price), null, null, null, null, null);
    }

    private void market(String price) {
        exchange.price("BTCUSDT", new BigDecimal(price));
    }

    @Test
    void aStopLossRestsUntilTheMarketReachesItsStopThenFills() {
        OrderRequest stop = sell("stop-1", OrderType.STOP_LOSS_LIMIT, "58800", stopAt("59000"));
        assertThat(venue.place(stop, AT_60000).status()).isEqualTo(OrderStatus.NEW);
        assertThat(exchange.order("stop-1").orElseThrow().type()).isEqualTo("STOP_LOSS_LIMIT");
        market("59100.00");
        assertThat(venue.find(stop).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        market("59000.00");
        ExecutionReport filled = venue.find(stop).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills()).singleElement().satisfies(fill -> assertThat(fill.price()).isEqualByComparingTo("59000"));
    }

    @Test
    void aTakeProfitTriggersWhenTheMarketRisesToIt() {
        OrderRequest takeProfit = sell("tp-1", OrderType.TAKE_PROFIT_LIMIT, "61900", stopAt("62000"));
        assertThat(venue.place(takeProfit, AT_60000).status()).isEqualTo(OrderStatus.NEW);
        market("62000.00");
        assertThat(venue.find(takeProfit).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aTrailingStopSellsTrailingDeltaBelowTheHighSincePlacement() {
        OrderRequest trailing = sell("trail-1", OrderType.STOP_LOSS_LIMIT, "55000", new StopTerms(null, 100, null, null, null, null));
        assertThat(venue.place(trailing, AT_60000).status()).isEqualTo(OrderStatus.NEW);
        market("61000.00");
        market("60400.00");
        assertThat(venue.find(trailing).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        market("60390.00");
        ExecutionReport filled = venue.find(trailing).orElseThrow();
        assertThat(filled.status()).as("1 % below 61000").isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills().get(0).price()).isEqualByComparingTo("60390");
    }

    @Test
    void aStopThatWouldTriggerAtOnceIsRefusedBeforeSendingAndByTheExchange() {
        ExecutionReport local = venue.place(sell("stop-2", OrderType.STOP_LOSS_LIMIT, "60100", stopAt("60500")), AT_60000);
        assertThat(local.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(local.rejectReason()).startsWith("would-trigger-immediately:");
        assertThat(exchange.placements("stop-2")).as("never sent").isZero();
        // the market moved up since the executor's last trade: the exchange refuses it with -2010
        market("59000.00");
        ExecutionReport remote = venue.place(sell("stop-3", OrderType.STOP_LOSS_LIMIT, "59400", stopAt("59500")), AT_60000);
        assertThat(remote.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(remote.rejectReason()).contains("-2010").contains("Stop price would trigger immediately.");
    }

    @Test
    void aTrailingDeltaOutOfTheSymbolsBoundsIsRefusedBeforeSending() {
        ExecutionReport report = venue.place(sell("trail-2", OrderType.STOP_LOSS_LIMIT, "55000",
                new StopTerms(null, 5000, null, null, null, null)), AT_60000);
        assertThat(report.rejectReason()).startsWith("trailing-delta:");
        assertThat(exchange.placements("trail-2")).isZero();
    }

    @Test
    void aLimitMakerRestsAndOneThatWouldTakeIsRefused() {
        assertThat(venue.place(sell("maker-1", OrderType.LIMIT_MAKER, "60500", StopTerms.NONE), AT_60000).status()).isEqualTo(OrderStatus.NEW);
        assertThat(venue.place(sell("maker-2", OrderType.LIMIT_MAKER, "59900", StopTerms.NONE), AT_60000).rejectReason()).startsWith("would-take:");
    }

    @Test
    void anOcoFilledByItsTakeProfitLegEndsWithItsStopLegExpiredAndReportsTheFill() {
        OrderRequest oco = sell("oco-1", OrderType.STOP_LOSS_LIMIT, "58800",
                new StopTerms(new BigDecimal("59000"), null, new BigDecimal("62000"), "oco-1-list", null, null));
        ExecutionReport placed = venue.place(oco, AT_60000);
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(exchange.order("oco-1-tp").orElseThrow().type()).isEqualTo("LIMIT_MAKER");
        market("62000.00");
        assertThat(exchange.order("oco-1").orElseThrow().status()).isEqualTo("EXPIRED");
        ExecutionReport filled = venue.find(oco).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills()).singleElement().satisfies(fill -> assertThat(fill.price()).isEqualByComparingTo("62000"));
    }

    @Test
    void anOcoWhoseStopTriggersExpiresItsTakeProfitLeg() {
        OrderRequest oco = sell("oco-2", OrderType.STOP_LOSS_LIMIT, "58800",
                new StopTerms(new BigDecimal("59000"), null, new BigDecimal("62000"), "oco-2-list", null, null));
        venue.place(oco, AT_60000);
        market("58900.00");
        assertThat(exchange.order("oco-2-tp").orElseThrow().status()).isEqualTo("EXPIRED");
        assertThat(venue.find(oco).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void anOcoIsCanceledAsAListAndItsPricesAreCheckedBeforeSending() {
        OrderRequest oco = sell("oco-3", OrderType.STOP_LOSS_LIMIT, "58800",
                new StopTerms(new BigDecimal("59000"), null, new BigDecimal("62000"), "oco-3-list", null, null));
        venue.place(oco, AT_60000);
        assertThat(venue.cancel(oco).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(exchange.order("oco-3-tp").orElseThrow().status()).isEqualTo("CANCELED");
        OrderRequest inverted = sell("oco-4", OrderType.STOP_LOSS_LIMIT, "58800",
                new StopTerms(new BigDecimal("59000"), null, new BigDecimal("59500"), "oco-4-list", null, null));
        assertThat(venue.place(inverted, AT_60000).rejectReason()).startsWith("oco-price-order:");
        assertThat(exchange.placements("oco-4")).isZero();
    }
}
