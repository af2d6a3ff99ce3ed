package dev.tickflow.executor.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperVenueTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00Z");
    private final PaperVenue venue = new PaperVenue(new BigDecimal("0.001"), new BigDecimal("10"), Map.of());

    private static OrderRequest market(OrderSide side) {
        return new OrderRequest("tf-abc", "A:BTCUSDT:0", "A", "BTCUSDT", side, OrderType.MARKET, new BigDecimal("0.002"), null, null, null, T);
    }

    private static OrderRequest limit(OrderSide side, String price, TimeInForce tif) {
        return new OrderRequest("tf-abc", "A:BTCUSDT:0", "A", "BTCUSDT", side, OrderType.LIMIT, new BigDecimal("0.002"), new BigDecimal(price),
                tif, null, T);
    }

    private static MarketSnapshot market(String last, String signal) {
        return new MarketSnapshot(last == null ? null : new BigDecimal(last), new BigDecimal(signal), T);
    }

    @Test
    void marketBuyFillsAtTheLastTradePlusSlippageWithAFeeInTheQuoteAsset() {
        ExecutionReport report = venue.place(market(OrderSide.BUY), market("50000", "49000"));
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.executedQuantity()).isEqualByComparingTo("0.002");
        assertThat(report.exchangeOrderId()).isEqualTo("paper-tf-abc");
        ExchangeFill fill = report.fills().get(0);
        assertThat(fill.price()).as("50000 x 1.001").isEqualByComparingTo("50050");
        assertThat(fill.commission()).as("50050 x 0.002 x 0.001").isEqualByComparingTo("0.1001");
        assertThat(fill.commissionAsset()).isEqualTo("USDT");
        assertThat(fill.tradeId()).isEqualTo("tf-abc-1");
        assertThat(fill.time()).isEqualTo(T);
    }

    @Test
    void marketSellFallsBackToTheSignalPriceMinusSlippage() {
        ExchangeFill fill = venue.place(market(OrderSide.SELL), market(null, "49000")).fills().get(0);
        assertThat(fill.price()).as("49000 x 0.999").isEqualByComparingTo("48951");
    }

    @Test
    void theSameOrderAndMarketGiveTheSameReport() {
        assertThat(venue.place(market(OrderSide.BUY), market("50000", "1"))).isEqualTo(venue.place(market(OrderSide.BUY), market("50000", "1")));
    }

    @Test
    void aMarketableLimitFillsAtTheMarketWithoutSlippage() {
        ExecutionReport report = venue.place(limit(OrderSide.BUY, "50100", TimeInForce.GTC), market("50000", "50000"));
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.fills().get(0).price()).isEqualByComparingTo("50000");
    }

    @Test
    void aGtcLimitRestsUntilTheMarketTradesThroughIt() {
        OrderRequest order = limit(OrderSide.BUY, "49900", TimeInForce.GTC);
        assertThat(venue.place(order, market("50000", "50000")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(venue.refresh(order, market("49900", "50000")).status()).as("touching is not trading through").isEqualTo(OrderStatus.NEW);
        ExecutionReport filled = venue.refresh(order, market("49899.99", "50000"));
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills()).hasSize(1);
        assertThat(filled.fills().get(0).price()).as("at the limit").isEqualByComparingTo("49900");
        assertThat(filled.fills().get(0).commission()).as("49900 x 0.002 x 0.001").isEqualByComparingTo("0.0998");
    }

    @Test
    void aSellLimitFillsWhenTheMarketTradesAboveIt() {
        OrderRequest order = limit(OrderSide.SELL, "50100", TimeInForce.GTC);
        assertThat(venue.place(order, market("50000", "50000")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(venue.refresh(order, market("50100.01", "50000")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void iocAndFokThatCannotFillAtOnceExpire() {
        assertThat(venue.place(limit(OrderSide.BUY, "49900", TimeInForce.IOC), market("50000", "50000")).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(venue.place(limit(OrderSide.BUY, "49900", TimeInForce.FOK), market("50000", "50000")).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(venue.place(limit(OrderSide.BUY, "50000", TimeInForce.FOK), market("50000", "50000")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void cancelAndNothingToLookUp() {
        ExecutionReport canceled = venue.cancel(limit(OrderSide.BUY, "49900", TimeInForce.GTC));
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.fills()).isEmpty();
        assertThat(venue.find(market(OrderSide.BUY))).isEmpty();
        assertThat(venue.filters("BTCUSDT")).isEmpty();
        assertThat(venue.name()).isEqualTo("paper");
    }

    @Test
    void noPriceAtAllIsARejection() {
        ExecutionReport report = venue.place(market(OrderSide.BUY), new MarketSnapshot(null, null, T));
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).contains("no price");
    }
}
