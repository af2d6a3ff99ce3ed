package dev.tickflow.executor.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.executor.venue.StopTrigger;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TrailingDeltaBounds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paper venue's STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT, trailing stop, OCO pair and LIMIT_MAKER, trade by trade. */
class PaperStopOrdersTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00Z");
    private static final SymbolFilters FILTERS = new SymbolFilters("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.01"),
            BigDecimal.ZERO, new BigDecimal("0.00001"), new BigDecimal("0.00001"), BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO,
            new TrailingDeltaBounds(10, 2000, 10, 2000));
    private final PaperVenue venue = new PaperVenue(new BigDecimal("0.001"), BigDecimal.ZERO, Map.of("BTCUSDT", FILTERS));

    private static OrderRequest order(OrderType type, String limit, StopTerms stop) {
        TimeInForce tif = type == OrderType.LIMIT_MAKER ? null : TimeInForce.GTC;
        return new OrderRequest("tf-stop", null, "A", "BTCUSDT", OrderSide.SELL, type, new BigDecimal("0.002"), new BigDecimal(limit), tif, null,
                T, stop);
    }

    private static StopTerms stopAt(String stopPrice) {
        return new StopTerms(new BigDecimal(stopPrice), null, null, null, null, null);
    }

    private static MarketSnapshot trade(String price, int second) {
        return new MarketSnapshot(new BigDecimal(price), null, T.plusSeconds(second));
    }

    /** Places {@code order} at last price 100, then feeds the trades, each with the state the previous report left. */
    private ExecutionReport run(OrderRequest order, String... trades) {
        ExecutionReport report = venue.place(order, trade("100", 0));
        for (int i = 0; i < trades.length && !report.isFinal(); i++) {
            report = venue.refresh(order, report.trigger(), trade(trades[i], i + 1));
        }
        return report;
    }

    @Test
    void aSellStopLossWaitsUntilATradeAtItsStopThenFillsAtThatTradeWhenItsLimitAllows() {
        OrderRequest stop = order(OrderType.STOP_LOSS_LIMIT, "94", stopAt("95"));
        assertThat(run(stop, "99", "95.01").status()).isEqualTo(OrderStatus.NEW);
        ExecutionReport filled = run(stop, "99", "95");
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills().get(0).price()).isEqualByComparingTo("95");
        assertThat(filled.fills().get(0).time()).isEqualTo(T.plusSeconds(2));
    }

    @Test
    void aStopTriggeredBelowItsLimitRestsAsALimitUntilTheMarketTradesThroughIt() {
        OrderRequest stop = order(OrderType.STOP_LOSS_LIMIT, "94", stopAt("95"));
        ExecutionReport gapped = run(stop, "93");
        assertThat(gapped.status()).isEqualTo(OrderStatus.NEW);
        assertThat(gapped.trigger().triggered()).isTrue();
        assertThat(run(stop, "93", "94").status()).as("at its limit: not through it").isEqualTo(OrderStatus.NEW);
        ExecutionReport filled = run(stop, "93", "94", "94.5");
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills().get(0).price()).isEqualByComparingTo("94");
    }

    @Test
    void aSellStopAtOrAboveTheLastPriceIsRefusedAsWouldTriggerImmediately() {
        ExecutionReport report = venue.place(order(OrderType.STOP_LOSS_LIMIT, "99", stopAt("100")), trade("100", 0));
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).startsWith("would-trigger-immediately:");
    }

    @Test
    void aSellTakeProfitTriggersWhenTheMarketRisesToItsStop() {
        OrderRequest takeProfit = order(OrderType.TAKE_PROFIT_LIMIT, "104", stopAt("105"));
        assertThat(venue.place(order(OrderType.TAKE_PROFIT_LIMIT, "94", stopAt("95")), trade("100", 0)).rejectReason())
                .startsWith("would-trigger-immediately:");
        assertThat(run(takeProfit, "104.99").status()).isEqualTo(OrderStatus.NEW);
        ExecutionReport filled = run(takeProfit, "104.99", "105.5");
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills().get(0).price()).isEqualByComparingTo("105.5");
    }

    @Test
    void aTrailingStopTracksTheBestPriceSincePlacementAndTriggersTrailingDeltaBelowIt() {
        // 500 bps: from 100 it triggers at 95; after a high of 120, at 114
        OrderRequest trailing = order(OrderType.STOP_LOSS_LIMIT, "90", new StopTerms(null, 500, null, null, null, null));
        assertThat(run(trailing, "96", "110", "120", "114.01").status()).isEqualTo(OrderStatus.NEW);
        assertThat(run(trailing, "96", "110", "120", "114.01").trigger()).isEqualTo(new StopTrigger(new BigDecimal("120"), false));
        ExecutionReport filled = run(trailing, "96", "110", "120", "114");
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills().get(0).price()).isEqualByComparingTo("114");
    }

    @Test
    void aTrailingDeltaOutsideTheSymbolsBoundsIsRefused() {
        ExecutionReport report = venue.place(order(OrderType.STOP_LOSS_LIMIT, "90", new StopTerms(null, 2500, null, null, null, null)),
                trade("100", 0));
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).startsWith("trailing-delta:").contains("[10, 2000]");
    }

    @Test
    void anOcoFillsByItsTakeProfitLegWhenTheMarketTradesThroughIt() {
        OrderRequest oco = order(OrderType.STOP_LOSS_LIMIT, "94", new StopTerms(new BigDecimal("95"), null, new BigDecimal("110"), "tf-list",
                null, null));
        assertThat(run(oco, "110").status()).as("at the maker price: not through it").isEqualTo(OrderStatus.NEW);
        ExecutionReport byTakeProfit = run(oco, "110", "110.5");
        assertThat(byTakeProfit.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(byTakeProfit.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo("110");
            assertThat(fill.tradeId()).isEqualTo("tf-stop-tp-1");
        });
        ExecutionReport byStop = run(oco, "96", "94.5");
        assertThat(byStop.fills()).singleElement().satisfies(fill -> assertThat(fill.tradeId()).isEqualTo("tf-stop-1"));
    }

    @Test
    void aSellOcoNeedsItsTakeProfitAboveAndItsStopBelowTheLastPrice() {
        StopTerms takeProfitBelow = new StopTerms(new BigDecimal("95"), null, new BigDecimal("100"), "tf-list", null, null);
        assertThat(venue.place(order(OrderType.STOP_LOSS_LIMIT, "94", takeProfitBelow), trade("100", 0)).rejectReason())
                .startsWith("oco-price-order:");
        StopTerms stopAbove = new StopTerms(new BigDecimal("101"), null, new BigDecimal("110"), "tf-list", null, null);
        assertThat(venue.place(order(OrderType.STOP_LOSS_LIMIT, "94", stopAbove), trade("100", 0)).rejectReason())
                .startsWith("would-trigger-immediately:");
    }

    @Test
    void aLimitMakerThatWouldTakeIsRefusedAndOneThatRestsNeverTakes() {
        assertThat(venue.place(order(OrderType.LIMIT_MAKER, "99", StopTerms.NONE), trade("100", 0)).rejectReason()).startsWith("would-take:");
        OrderRequest maker = order(OrderType.LIMIT_MAKER, "101", StopTerms.NONE);
        assertThat(run(maker, "101").status()).isEqualTo(OrderStatus.NEW);
        assertThat(run(maker, "101", "101.5").fills().get(0).price()).isEqualByComparingTo("101");
    }

    @Test
    void theSameOrderAndTradesGiveTheSameReports() {
        OrderRequest trailing = order(OrderType.STOP_LOSS_LIMIT, "90", new StopTerms(null, 500, null, null, null, null));
        assertThat(run(trailing, "96", "120", "110")).isEqualTo(run(trailing, "96", "120", "110"));
    }
}
