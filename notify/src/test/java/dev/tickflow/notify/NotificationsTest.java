package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.SampleRecords;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    @Test
    void aFillIsIdentifiedByItsOrderAndTrade() {
        Notification fill = Notifications.of(SampleRecords.fill());

        assertThat(fill.id()).isEqualTo("fill:tf-A-BTCUSDT-1768471200000:1987654");
        assertThat(fill.kind()).isEqualTo(Notifications.FILL);
        assertThat(fill.topic()).isEqualTo("oms.fills");
        assertThat(fill.message()).isEqualTo("BUY 0.001 BTCUSDT at 97249.99 (order tf-A-BTCUSDT-1768471200000)");
        assertThat(fill.details()).containsEntry("commission", "0.000001").containsEntry("tradeId", "1987654");
        assertThat(Notifications.of(SampleRecords.fill()).id()).isEqualTo(fill.id());
    }

    @Test
    void onlyRejectedOrdersAreNotifications() {
        OrderEvent rejected = OrderEvent.newBuilder(SampleRecords.orderEvent()).setStatus(OrderStatus.REJECTED)
                .setRejectReason("max-order-notional").build();

        Notification notification = Notifications.of(rejected).orElseThrow();

        assertThat(notification.id()).isEqualTo("order:tf-A-BTCUSDT-1768471200000:REJECTED");
        assertThat(notification.kind()).isEqualTo(Notifications.ORDER_REJECTED);
        assertThat(notification.severity()).isEqualTo("WARNING");
        assertThat(notification.message()).contains("rejected: max-order-notional");
        assertThat(Notifications.of(SampleRecords.orderEvent())).isEmpty();
        assertThat(Notifications.of(SampleRecords.orderEventMarketNew())).isEmpty();
    }

    @Test
    void anOperationalEventKeepsItsId() {
        Notification halt = Notifications.of(SampleRecords.operationalEvent());

        assertThat(halt.id()).isEqualTo("halt:sma-cross:1718000000000");
        assertThat(halt.details()).containsEntry("rule", "max-daily-loss");
    }

    @Test
    void filtersSelectByKindSeverityAndTopic() {
        Notification halt = Notifications.of(SampleRecords.operationalEvent());
        Notification fill = Notifications.of(SampleRecords.fill());

        NotificationFilter critical = new NotificationFilter(Set.of(), Set.of("critical"), Set.of());
        NotificationFilter fills = new NotificationFilter(Set.of(), Set.of(), Set.of("oms.fills"));
        NotificationFilter halts = new NotificationFilter(Set.of("HALTED", "HALT_LIFTED"), Set.of(), Set.of());

        assertThat(critical.accepts(halt)).isTrue();
        assertThat(critical.accepts(fill)).isFalse();
        assertThat(fills.accepts(fill)).isTrue();
        assertThat(fills.accepts(halt)).isFalse();
        assertThat(halts.accepts(halt)).isTrue();
        assertThat(NotificationFilter.ALL.accepts(fill)).isTrue();
    }
}
