package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.OrderType;
import dev.tickflow.schema.SampleRecords;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    @Test
    void decimalsAreExactPlainStringsAndInstantsIsoUtc() {
        Map<String, Object> candle = RecordJson.candle(SampleRecords.candle());
        assertThat(candle).containsEntry("open", "97201.50000000")
                .containsEntry("quoteVolume", "1200456.7890123456789000")
                .containsEntry("openTime", "2026-01-15T10:00:00Z")
                .containsEntry("closeTime", "2026-01-15T10:00:59.999Z")
                .containsEntry("tradeCount", 1_234L);
    }

    @Test
    void indicatorSnapshotsCarryEveryPublishedIndicatorAndKeepSmaAndEma() {
        Map<String, Object> snapshot = RecordJson.indicator(SampleRecords.indicatorSnapshot());
        assertThat(snapshot).containsEntry("sma", "97110.4230000000000001").containsEntry("ema", "97190.0866666666666667");
        assertThat(snapshot.get("indicators")).isEqualTo(Map.of("ema", "97190.0866666666666667", "momentum", "-0.5000000000000000",
                "sma", "97110.4230000000000001"));
        assertThat((Map<?, ?>) snapshot.get("indicators")).extracting(Map::keySet).asString().isEqualTo("[ema, momentum, sma]");
        assertThat(RecordJson.indicator(SampleRecords.indicatorSnapshotWarmingUp())).containsEntry("sma", null)
                .containsEntry("indicators", Map.of());
    }

    @Test
    void totalPnlIsRealizedPlusUnrealizedMinusFeesExactly() {
        Map<String, Object> position = RecordJson.position(SampleRecords.position());
        // -12.3456789012345678 + 0.06056 - 0.19449998
        assertThat(position).containsEntry("totalPnl", "-12.4796188812345678").containsEntry("lastPrice", "97310.55000000");
        assertThat(RecordJson.position(SampleRecords.positionFlat())).containsEntry("lastPrice", null);
    }

    @Test
    void signalsSayBuyOrSellAndAbsentIndicatorsAreNull() {
        assertThat(RecordJson.signal(SampleRecords.signal())).containsEntry("action", "BUY").containsEntry("target", "LONG");
        assertThat(RecordJson.signal(SampleRecords.signalWithoutIndicators())).containsEntry("action", "SELL")
                .containsEntry("sma", null).containsEntry("stopPrice", null);
        assertThat(RecordJson.order(SampleRecords.orderEventMarketNew())).containsEntry("price", null).containsEntry("status", "NEW");
    }

    @Test
    void protectiveOrdersCarryTheirTriggerAndWhatTheyProtect() {
        OrderEvent stop = OrderEvent.newBuilder(SampleRecords.orderEvent()).setClientOrderId("A-BTCUSDT-sl-1").setSide(OrderSide.SELL)
                .setType(OrderType.STOP_LOSS_LIMIT).setStatus(OrderStatus.NEW).setRejectReason(null).setSignalId(null)
                .setPrice(new BigDecimal("97000.00000000")).setStopPrice(new BigDecimal("97100.00000000")).setTrailingDelta(50)
                .setOrderListId("A-BTCUSDT-oco-1").setProtection("STOP_LOSS").setProtectsClientOrderId("A-BTCUSDT-1").build();

        assertThat(RecordJson.order(stop)).containsEntry("type", "STOP_LOSS_LIMIT").containsEntry("stopPrice", "97100.00000000")
                .containsEntry("trailingDelta", 50).containsEntry("orderListId", "A-BTCUSDT-oco-1").containsEntry("protection", "STOP_LOSS")
                .containsEntry("protectsClientOrderId", "A-BTCUSDT-1");
        assertThat(RecordJson.order(SampleRecords.orderEventMarketNew())).containsEntry("stopPrice", null).containsEntry("trailingDelta", null)
                .containsEntry("orderListId", null).containsEntry("protection", null).containsEntry("protectsClientOrderId", null);
    }

    @Test
    void theOpenApiOrderSchemaListsEveryFieldOfTheJson() throws IOException {
        JsonNode order;
        try (InputStream in = RecordJson.class.getResourceAsStream("openapi.json")) {
            order = new ObjectMapper().readTree(in).get("components").get("schemas").get("Order");
        }
        Set<String> properties = new TreeSet<>();
        order.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        order.get("required").forEach(name -> required.add(name.asText()));

        assertThat(properties).isEqualTo(new TreeSet<>(RecordJson.order(SampleRecords.orderEvent()).keySet())).isEqualTo(required);
        List<String> types = new ArrayList<>();
        order.get("properties").get("type").get("enum").forEach(type -> types.add(type.asText()));
        assertThat(types).containsExactlyElementsOf(Arrays.stream(OrderType.values()).map(Enum::name).toList());
    }
}
