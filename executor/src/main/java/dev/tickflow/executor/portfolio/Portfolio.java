package dev.tickflow.executor.portfolio;

import dev.tickflow.executor.order.Symbols;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The positions of every strategy instance, one per symbol ({@link PositionState}: quantity, average entry, realized
 * and unrealized PnL, fees), built from fills and marked to market. Each change is stored with the watermarks of its
 * net PnL and published.
 */
public final class Portfolio {
    /** A position is marked to market at most once per this much trade time. */
    static final Duration MARK_INTERVAL = Duration.ofMinutes(1);

    private final PositionStore store;
    private final PositionOutput output;

    public Portfolio(PositionStore store, PositionOutput output) {
        this.store = store;
        this.output = output;
    }

    public PositionRecord record(String instance, String symbol) {
        return store.position(instance, symbol).orElseGet(PositionRecord::flat);
    }

    /** The instance's signed quantity in {@code symbol}. */
    public BigDecimal quantity(String instance, String symbol) {
        return record(instance, symbol).position().quantity();
    }

    /**
     * The position after {@code fills} of {@code order}, in the symbol's base and quote asset (from {@code filters}, else
     * from its name); stored, published and answered.
     */
    public PositionRecord apply(OrderRequest order, List<ExchangeFill> fills, Optional<SymbolFilters> filters, Instant now) {
        Optional<Symbols.Assets> assets = Symbols.assets(order.symbol(), filters);
        String base = assets.map(Symbols.Assets::base).orElse(order.symbol());
        String quote = assets.map(Symbols.Assets::quote).orElse("");
        PositionRecord record = record(order.strategyInstance(), order.symbol());
        PositionState position = record.position();
        for (ExchangeFill fill : fills) {
            position = position.apply(new PositionState.Execution(order.side(), fill.price(), fill.quantity(), fill.commission(),
                    fill.commissionAsset(), fill.time()), base, quote);
        }
        return update(order.strategyInstance(), order.symbol(), position, record, record.lastMarkMinute(), now);
    }

    /**
     * The position after an execution that was no order of the executor's (reconciliation's correction of a sale by
     * hand); stored, published and answered.
     */
    public PositionRecord correct(String instance, String symbol, PositionState.Execution execution, String base, String quote, Instant now) {
        PositionRecord record = record(instance, symbol);
        return update(instance, symbol, record.position().apply(execution, base, quote), record, record.lastMarkMinute(), now);
    }

    /**
     * Marks every open position in {@code symbol} at a trade, at most once per minute of trade time (at the first trade
     * of a later minute than its last mark); answers the marked ones by instance.
     */
    public Map<String, PositionRecord> mark(String symbol, BigDecimal price, Instant time) {
        long minute = Math.floorDiv(time.toEpochMilli(), MARK_INTERVAL.toMillis());
        Map<String, PositionRecord> marked = new LinkedHashMap<>();
        store.positionsOf(symbol).forEach((instance, record) -> {
            if (!record.position().isFlat() && minute > record.lastMarkMinute()) {
                marked.put(instance, update(instance, symbol, record.position().markedAt(price, time), record, minute, time));
            }
        });
        return marked;
    }

    private PositionRecord update(String instance, String symbol, PositionState position, PositionRecord previous, long markMinute, Instant now) {
        PositionRecord record = new PositionRecord(position, PnlWatermarks.observe(previous.watermarks(), position.netPnl(), now), markMinute);
        store.putPosition(instance, symbol, record);
        output.position(instance, symbol, position, now);
        return record;
    }
}
