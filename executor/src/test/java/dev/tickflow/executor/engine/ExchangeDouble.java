package dev.tickflow.executor.engine;

import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TradingVenue;
import dev.tickflow.executor.venue.VenueRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exchange for engine tests: keeps its orders by client order id, fills market orders at the
 * reference price, and can accept an order but fail the answer (as a 5xx or a timeout after the order went through).
 */
final class ExchangeDouble implements TradingVenue {
    final Map<String, ExecutionReport> orders = new LinkedHashMap<>();
    final List<String> placeCalls = new ArrayList<>();
    /** The next place keeps the order but throws, as a timeout after the exchange accepted it. */
    boolean acceptThenFail;
    /** The next place throws without keeping the order. */
    boolean failBeforeAccepting;
    /** While set, find fails once an order was placed. */
    boolean findFailsAfterPlacing;
    /** While set, find fails. */
    boolean findFails;
    int findCalls;
    /** LIMIT orders rest (NEW) instead of filling. */
    boolean restingLimitOrders;
    /** While set, cancel fails with an unknown outcome. */
    boolean cancelFails;
    /** While set, filters fail as a 5xx on exchangeInfo. */
    boolean filtersFail;
    /** The next place is refused (a rate limit beyond the back-off budget). */
    boolean refusePlacement;

    @Override
    public String name() {
        return "exchange";
    }

    @Override
    public ExecutionReport place(OrderRequest order, MarketSnapshot market) {
        placeCalls.add(order.clientOrderId());
        if (refusePlacement) {
            refusePlacement = false;
            throw new VenueRefusedException("429", "rate-limited: test", null);
        }
        if (restingLimitOrders && order.limitPrice() != null) {
            ExecutionReport resting = new ExecutionReport(order.clientOrderId(), "X-" + (orders.size() + 1), OrderStatus.NEW, BigDecimal.ZERO,
                    List.of(), null, market.time());
            orders.put(order.clientOrderId(), resting);
            return resting;
        }
        if (failBeforeAccepting) {
            failBeforeAccepting = false;
            throw new OrderFateUnknownException("503 from the exchange", null);
        }
        ExchangeFill fill = new ExchangeFill("T-" + (orders.size() + 1), market.referencePrice(), order.quantity(), BigDecimal.ZERO, "USDT",
                market.time());
        ExecutionReport report = new ExecutionReport(order.clientOrderId(), "X-" + (orders.size() + 1), OrderStatus.FILLED, order.quantity(),
                List.of(fill), null, market.time());
        orders.put(order.clientOrderId(), report);
        if (acceptThenFail) {
            acceptThenFail = false;
            throw new OrderFateUnknownException("timeout", null);
        }
        return report;
    }

    @Override
    public Optional<ExecutionReport> find(OrderRequest order) {
        findCalls++;
        if (findFails || findFailsAfterPlacing && !placeCalls.isEmpty()) {
            throw new OrderFateUnknownException("503 on query", null);
        }
        return Optional.ofNullable(orders.get(order.clientOrderId()));
    }

    @Override
    public ExecutionReport refresh(OrderRequest order, MarketSnapshot market) {
        return orders.get(order.clientOrderId());
    }

    @Override
    public ExecutionReport cancel(OrderRequest order) {
        if (cancelFails) {
            throw new OrderFateUnknownException("503 on cancel", null);
        }
        return orders.get(order.clientOrderId());
    }

    @Override
    public Optional<SymbolFilters> filters(String symbol) {
        if (filtersFail) {
            throw new OrderFateUnknownException("503 on exchangeInfo", null);
        }
        return Optional.empty();
    }
}
