package dev.tickflow.executor.venue;

import java.util.Optional;

/**
 * Where orders go: the paper venue or an exchange (the adapter; how the engine meets each kind is
 * {@code dev.tickflow.executor.engine.ExecutionVenue}). The executor calls it from one thread per task and keeps every
 * order's state itself (in its state store), so a venue holds no state the executor needs after a restart.
 *
 * <p>Exchange rejections are results, not exceptions: {@link #place} answers a {@code REJECTED} report with the
 * exchange's message. An exception means the call could not complete: {@link OrderFateUnknownException} when the order
 * may or may not exist on the exchange (5xx, timeout), the executor then asks {@link #find} before anything else;
 * {@link VenueRefusedException} when the venue answered that the call took no effect.
 */
public interface TradingVenue extends AutoCloseable {

    /** {@code paper} or {@code binance}: the {@code broker} field of every order event. */
    String name();

    /**
     * Starts a unit of work (one signal, one refresh round): the calls until the next start share the venue's time
     * budget, so the calling stream thread never waits past its Kafka transaction. Nothing for a venue without remote calls.
     */
    default void startWork() {
    }

    /** Places the order and answers its state right after: FILLED with its fills for a market order, NEW for a resting limit order. */
    ExecutionReport place(OrderRequest order, MarketSnapshot market);

    /** The order as the exchange knows it by its client order id, with every fill so far; empty when it has no such order. */
    Optional<ExecutionReport> find(OrderRequest order);

    /** The current state of a resting order, with every fill so far (the paper venue matches it against {@code market}). */
    ExecutionReport refresh(OrderRequest order, MarketSnapshot market);

    /**
     * {@link #refresh(OrderRequest, MarketSnapshot)} of an order whose trigger the venue does not hold itself ({@code
     * trigger}: what its last report said, null before any): the paper venue's STOP_LOSS_LIMIT and TAKE_PROFIT_LIMIT orders.
     */
    default ExecutionReport refresh(OrderRequest order, StopTrigger trigger, MarketSnapshot market) {
        return refresh(order, market);
    }

    /** Cancels a resting order; answers its final state (CANCELED, or FILLED when it filled first). */
    ExecutionReport cancel(OrderRequest order);

    /** The exchange's trading rules for a symbol (exchangeInfo), empty when the venue has none for it. */
    Optional<SymbolFilters> filters(String symbol);

    @Override
    default void close() {
    }
}
