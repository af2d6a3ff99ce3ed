package dev.tickflow.executor.oms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.engine.InMemoryState;
import dev.tickflow.executor.engine.RecordingOutput;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order lifecycle publishes only what changed. */
class OrderManagerTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00Z");
    private static final OrderRequest LIMIT = new OrderRequest("tf-a", "A:BTCUSDT:0", "A", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT,
            new BigDecimal("0.002"), new BigDecimal("49900"), TimeInForce.GTC, T.plusSeconds(300), T);

    private final InMemoryState state = new InMemoryState();
    private final RecordingOutput output = new RecordingOutput();
    private final List<OrderUpdate> events = output.orders;
    private final List<ExchangeFill> published = output.fills;
    private final List<ExchangeFill> toPortfolio = new ArrayList<>();
    private final OrderManager orders = new OrderManager(state, output, "venue", (order, fills, now) -> toPortfolio.addAll(fills));

    private static ExchangeFill fill(int n) {
        return new ExchangeFill("t" + n, new BigDecimal("49900"), new BigDecimal("0.001"), BigDecimal.ZERO, "USDT", T.plusSeconds(n));
    }

    private static ExecutionReport report(OrderStatus status, List<ExchangeFill> fills) {
        BigDecimal executed = fills.stream().map(ExchangeFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ExecutionReport("tf-a", "X-1", status, executed, fills, null, T);
    }

    private OpenOrder open() {
        return orders.openOrder("A", "BTCUSDT").orElseThrow();
    }

    @Test
    void aRestingOrderIsPublishedOnEachChangeAndEachFillOnce() {
        orders.apply(OpenOrder.placed(LIMIT, new BigDecimal("50000")), report(OrderStatus.NEW, List.of()), T);
        orders.apply(open(), report(OrderStatus.NEW, List.of()), T.plusSeconds(5));
        assertThat(events).extracting(OrderUpdate::status).as("an unchanged report publishes nothing").containsExactly(OrderStatus.NEW);
        assertThat(events.get(0).venue()).isEqualTo("venue");

        orders.apply(open(), report(OrderStatus.PARTIALLY_FILLED, List.of(fill(1))), T.plusSeconds(10));
        orders.apply(open(), report(OrderStatus.FILLED, List.of(fill(1), fill(2))), T.plusSeconds(20));
        assertThat(events).extracting(OrderUpdate::status).containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(events.get(2).filledQuantity()).isEqualByComparingTo("0.002");
        assertThat(published).extracting(ExchangeFill::tradeId).containsExactly("t1", "t2");
        assertThat(toPortfolio).isEqualTo(published);
        assertThat(orders.allOpenOrders()).as("a final order is dropped").isEmpty();
    }

    @Test
    void anOrderThatFillsAtOnceIsOneFilledEvent() {
        orders.apply(OpenOrder.placed(LIMIT, new BigDecimal("50000")), report(OrderStatus.FILLED, List.of(fill(1))), T);
        assertThat(events).extracting(OrderUpdate::status).containsExactly(OrderStatus.FILLED);
        assertThat(events.get(0).averageFillPrice()).isEqualByComparingTo("49900");
        assertThat(published).hasSize(1);
    }

    @Test
    void anExpiredOrderCanceledByTheExecutorEndsExpired() {
        orders.apply(OpenOrder.placed(LIMIT, new BigDecimal("50000")), report(OrderStatus.NEW, List.of()), T);
        orders.expire(open(), report(OrderStatus.CANCELED, List.of()), T.plusSeconds(300));
        assertThat(events).extracting(OrderUpdate::status).containsExactly(OrderStatus.NEW, OrderStatus.EXPIRED);
        assertThat(orders.openOrderCount("A")).isZero();
    }

    @Test
    void anOrderOfUnknownFateIsKeptSilentlyUntilAbandoned() {
        OpenOrder unknown = OpenOrder.fateUnknown(LIMIT, new BigDecimal("50000"));
        orders.awaitLookup(unknown);
        assertThat(events).isEmpty();
        assertThat(orders.openOrderCount("A")).isOne();
        orders.abandon(unknown, "order-fate-unknown: test", T.plusSeconds(400));
        assertThat(events).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(update.rejectReason()).isEqualTo("order-fate-unknown: test");
        });
        assertThat(orders.openOrderCount("A")).isZero();
    }
}
