package dev.tickflow.executor.oms;

import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order lifecycle (OMS): the open orders, at most one per strategy instance and symbol, and their transitions on
 * the venue's reports: NEW, PARTIALLY_FILLED, then FILLED, CANCELED, EXPIRED or REJECTED; or "fate unknown" while the
 * venue cannot say whether it has an order. Only what changed is published: an order event when the status changed or
 * new fills came (one event, FILLED, for an order that fills at once), and each fill once, whose fills then go to the
 * {@link FillListener} (the portfolio). A final order is dropped, any other kept.
 */
public final class OrderManager {
    /** Scale of an order event's average fill price. */
    static final int AVERAGE_PRICE_SCALE = 16;
    private static final Logger log = LoggerFactory.getLogger(OrderManager.class);

    /** What happens to the fills of an order once published. */
    @FunctionalInterface
    public interface FillListener {
        void filled(OrderRequest order, List<ExchangeFill> fills, Instant now);
    }

    private final OpenOrderStore store;
    private final OrderOutput output;
    private final String venue;
    private final FillListener fills;
    private final ThrottledLog rejections = new ThrottledLog(log);

    /** @param venue the venue's name every order event carries */
    public OrderManager(OpenOrderStore store, OrderOutput output, String venue, FillListener fills) {
        this.store = store;
        this.output = output;
        this.venue = venue;
        this.fills = fills;
    }

    public Optional<OpenOrder> openOrder(String instance, String symbol) {
        return store.openOrder(instance, symbol);
    }

    public List<OpenOrder> openOrdersOf(String symbol) {
        return store.openOrdersOf(symbol);
    }

    public List<OpenOrder> allOpenOrders() {
        return store.allOpenOrders();
    }

    /** The instance's protective order in {@code symbol}, when it is not final yet. */
    public Optional<OpenOrder> protectiveOrder(String instance, String symbol) {
        return store.protectiveOrder(instance, symbol);
    }

    /** The instance's open orders of signals (its protective orders are not counted). */
    public int openOrderCount(String instance) {
        return (int) store.allOpenOrders().stream()
                .filter(order -> instance.equals(order.request().strategyInstance()) && !order.request().isProtective()).count();
    }

    /**
     * Publishes an order refused before it reached the venue, or a signal that could not be acted on (a risk rule, no
     * size, the venue unavailable), as REJECTED with its named reason {@code "<name>: <detail>"}.
     */
    public void rejected(OrderRequest order, String reason, Instant now) {
        rejections.warn(reasonName(reason), "Order {} of {} in {} REJECTED: {}", order.clientOrderId(), order.strategyInstance(),
                order.symbol(), reason);
        output.order(update(order, OrderStatus.REJECTED, null, BigDecimal.ZERO, null, reason, now));
    }

    /** The name of a reject reason {@code "<name>: <detail>"}: the part before the first colon. */
    public static String reasonName(String reason) {
        if (reason == null) {
            return "unknown";
        }
        int colon = reason.indexOf(':');
        return (colon < 0 ? reason : reason.substring(0, colon)).trim();
    }

    /** Keeps an order of unknown fate, to be looked up again; nothing is published. */
    public void awaitLookup(OpenOrder order) {
        store.putOpenOrder(order);
    }

    /**
     * Drops an order of unknown fate that the venue does not know: REJECTED, or CANCELED with what it filled when fills
     * of it were published before.
     */
    public void abandon(OpenOrder order, String reason, Instant now) {
        store.removeOpenOrder(OpenOrderStore.slot(order.request()), order.request().symbol());
        rejections.warn(reasonName(reason), "Order {} of {} in {} given up: {}", order.request().clientOrderId(),
                order.request().strategyInstance(), order.request().symbol(), reason);
        OrderStatus status = order.fillsSeen() > 0 ? OrderStatus.CANCELED : OrderStatus.REJECTED;
        output.order(update(order.request(), status, order.exchangeOrderId(), order.filledQuantity(), null, reason, now));
    }

    /** Applies what the venue reports of {@code order}. */
    public void apply(OpenOrder order, ExecutionReport report, Instant now) {
        transition(order, report, report.status(), now);
    }

    /** Applies the venue's answer to a cancel the executor sent because {@code order} expired: CANCELED becomes EXPIRED. */
    public void expire(OpenOrder order, ExecutionReport cancelReport, Instant now) {
        transition(order, cancelReport, cancelReport.status() == OrderStatus.CANCELED ? OrderStatus.EXPIRED : cancelReport.status(), now);
    }

    /** Publishes what {@code report} adds to what was published of {@code order}, and keeps or drops the order. */
    private void transition(OpenOrder order, ExecutionReport report, OrderStatus status, Instant now) {
        OrderRequest request = order.request();
        List<ExchangeFill> all = report.fills();
        List<ExchangeFill> fresh = all.size() > order.fillsSeen() ? all.subList(order.fillsSeen(), all.size()) : List.of();
        boolean changed = !fresh.isEmpty() || status != order.status() || order.fillsSeen() == 0 && order.exchangeOrderId() == null;
        if (changed) {
            output.order(update(request, status, report.exchangeOrderId(), report.executedQuantity(), averagePrice(all), report.rejectReason(), now));
        }
        if (!fresh.isEmpty()) {
            for (ExchangeFill fill : fresh) {
                output.fill(request, report.exchangeOrderId(), fill);
            }
            fills.filled(request, fresh, now);
        }
        if (report.isFinal()) {
            store.removeOpenOrder(OpenOrderStore.slot(request), request.symbol());
        } else {
            store.putOpenOrder(new OpenOrder(request, report.exchangeOrderId(), status, report.executedQuantity(), all.size(), false,
                    order.signalPrice(), report.trigger()));
        }
    }

    private OrderUpdate update(OrderRequest order, OrderStatus status, String exchangeOrderId, BigDecimal filled, BigDecimal averagePrice,
                               String reason, Instant now) {
        return new OrderUpdate(order, venue, status, exchangeOrderId, filled, averagePrice, reason, now);
    }

    private static BigDecimal averagePrice(List<ExchangeFill> fills) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (ExchangeFill fill : fills) {
            quantity = quantity.add(fill.quantity());
            notional = notional.add(fill.price().multiply(fill.quantity()));
        }
        return quantity.signum() == 0 ? null : notional.divide(quantity, AVERAGE_PRICE_SCALE, RoundingMode.HALF_EVEN);
    }
}
