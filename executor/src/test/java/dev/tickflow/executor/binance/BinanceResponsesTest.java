package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceResponsesTest {

    @Test
    void fullAnswerWithSeveralFills() {
        String body = """
                {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"sig-1","transactTime":1767225600123,
                 "price":"0.00000000","origQty":"0.00300000","executedQty":"0.00300000","cummulativeQuoteQty":"180.01000000",
                 "status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"BUY","workingTime":1767225600123,
                 "fills":[{"price":"60000.00000000","qty":"0.00200000","commission":"0.00000200","commissionAsset":"BTC","tradeId":56},
                          {"price":"60010.00000000","qty":"0.00100000","commission":"0.00000100","commissionAsset":"BTC","tradeId":57}]}
                """;

        BinanceResponses.OrderState state = BinanceResponses.order(body, "clientOrderId");

        assertThat(state.clientOrderId()).isEqualTo("sig-1");
        assertThat(state.orderId()).isEqualTo(28);
        assertThat(state.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(state.executedQuantity()).isEqualTo(new BigDecimal("0.00300000"));
        assertThat(state.time()).isEqualTo(Instant.ofEpochMilli(1767225600123L));
        assertThat(state.fills()).containsExactly(
                new ExchangeFill("56", new BigDecimal("60000.00000000"), new BigDecimal("0.00200000"),
                        new BigDecimal("0.00000200"), "BTC", Instant.ofEpochMilli(1767225600123L)),
                new ExchangeFill("57", new BigDecimal("60010.00000000"), new BigDecimal("0.00100000"),
                        new BigDecimal("0.00000100"), "BTC", Instant.ofEpochMilli(1767225600123L)));
    }

    @Test
    void cancelAnswerNamesTheOrderByItsOriginalClientOrderId() {
        String body = """
                {"symbol":"BTCUSDT","origClientOrderId":"sig-2","orderId":4,"orderListId":-1,"clientOrderId":"cancel-xyz",
                 "transactTime":1767225700000,"price":"50000.00000000","origQty":"0.00200000","executedQty":"0.00050000",
                 "cummulativeQuoteQty":"25.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"BUY"}
                """;

        BinanceResponses.OrderState state = BinanceResponses.order(body, "origClientOrderId");

        assertThat(state.clientOrderId()).isEqualTo("sig-2");
        assertThat(state.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(state.executedQuantity()).isEqualByComparingTo("0.0005");
        assertThat(state.fills()).isEmpty();
    }

    @Test
    void tradesAreSortedByTradeId() {
        String body = """
                [{"symbol":"BTCUSDT","id":120,"orderId":4,"price":"50000.00","qty":"0.0003","quoteQty":"15.0",
                  "commission":"0.0000003","commissionAsset":"BTC","time":1767225650000,"isBuyer":true,"isMaker":true},
                 {"symbol":"BTCUSDT","id":99,"orderId":4,"price":"50000.00","qty":"0.0002","quoteQty":"10.0",
                  "commission":"0.0000002","commissionAsset":"BTC","time":1767225640000,"isBuyer":true,"isMaker":true}]
                """;

        List<ExchangeFill> fills = BinanceResponses.trades(body);

        assertThat(fills).extracting(ExchangeFill::tradeId).containsExactly("99", "120");
        assertThat(fills.get(0).time()).isEqualTo(Instant.ofEpochMilli(1767225640000L));
    }

    @Test
    void filtersMergeLotSizeAndMarketLotSizeIntoTheStricter() {
        String body = """
                {"timezone":"UTC","serverTime":1767225600000,"symbols":[
                 {"symbol":"ETHBTC","status":"TRADING","baseAsset":"ETH","quoteAsset":"BTC","filters":[]},
                 {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","filters":[
                  {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
                  {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
                  {"filterType":"ICEBERG_PARTS","limit":10},
                  {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"120.25000000","stepSize":"0.00000000"},
                  {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000",
                   "applyMaxToMarket":false,"avgPriceMins":5}]}]}
                """;

        SymbolFilters filters = BinanceResponses.filters(body, "BTCUSDT").orElseThrow();

        assertThat(filters).isEqualTo(new SymbolFilters("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01000000"),
                new BigDecimal("0.01000000"), new BigDecimal("1000000.00000000"), new BigDecimal("0.00001000"),
                new BigDecimal("0.00001000"), new BigDecimal("120.25000000"), new BigDecimal("5.00000000"),
                new BigDecimal("9000000.00000000")));
        assertThat(BinanceResponses.filters(body, "XRPUSDT")).isEmpty();
    }

    @Test
    void legacyMinNotionalFilterIsRead() {
        String body = """
                {"symbols":[{"symbol":"XRPETH","baseAsset":"XRP","quoteAsset":"ETH","filters":[
                  {"filterType":"MIN_NOTIONAL","minNotional":"0.01000000","applyToMarket":true,"avgPriceMins":5}]}]}
                """;

        SymbolFilters filters = BinanceResponses.filters(body, "XRPETH").orElseThrow();

        assertThat(filters.minNotional()).isEqualByComparingTo("0.01");
        assertThat(filters.maxNotional()).isZero();
        assertThat(filters.tickSize()).isZero();
    }

    @Test
    void everyBinanceStatusMaps() {
        assertThat(BinanceResponses.status("NEW")).isEqualTo(OrderStatus.NEW);
        assertThat(BinanceResponses.status("PENDING_NEW")).isEqualTo(OrderStatus.NEW);
        assertThat(BinanceResponses.status("PARTIALLY_FILLED")).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(BinanceResponses.status("FILLED")).isEqualTo(OrderStatus.FILLED);
        assertThat(BinanceResponses.status("CANCELED")).isEqualTo(OrderStatus.CANCELED);
        assertThat(BinanceResponses.status("PENDING_CANCEL")).isEqualTo(OrderStatus.NEW);
        assertThat(BinanceResponses.status("REJECTED")).isEqualTo(OrderStatus.REJECTED);
        assertThat(BinanceResponses.status("EXPIRED")).isEqualTo(OrderStatus.EXPIRED);
        assertThat(BinanceResponses.status("EXPIRED_IN_MATCH")).isEqualTo(OrderStatus.EXPIRED);
        assertThatThrownBy(() -> BinanceResponses.status("HALF_DONE")).hasMessageContaining("HALF_DONE");
    }

    @Test
    void anAnswerThatIsNotJsonIsReportedAsSuch() {
        assertThatThrownBy(() -> BinanceResponses.order("<html>Bad Gateway</html>", "clientOrderId"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not JSON");
    }
}
