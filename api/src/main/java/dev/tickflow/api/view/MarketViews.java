package dev.tickflow.api.view;

import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every view the API serves, with their bounds.
 *
 * @param candles    per symbol and interval
 * @param indicators per strategy instance and symbol
 * @param signals    the newest signals, all symbols together
 * @param orders     the newest order events
 * @param fills      the newest fills
 * @param positions  the latest position per strategy instance and symbol
 * @param ticks      the latest trade per symbol
 * @param symbols    control.symbols
 * @param commands   the newest operator commands (control.operator)
 * @param opsEvents  the newest operational events (ops.events)
 * @param controls   each strategy instance's control state, from ops.events
 */
public record MarketViews(CandleView candles, IndicatorView indicators, RecentRecords<Signal> signals,
                          RecentRecords<OrderEvent> orders, RecentRecords<Fill> fills, PositionView positions,
                          TickView ticks, SymbolControlView symbols, RecentRecords<OperatorCommand> commands,
                          RecentRecords<OperationalEvent> opsEvents, OperatorControlView controls) {

    /**
     * @param candlesPerSeries    candles kept per symbol and interval
     * @param indicatorsPerSeries indicator snapshots kept per strategy instance and symbol
     * @param seriesRecords       candles and indicator snapshots kept in all, every series of both views together
     * @param events              signals, order events, fills, operator commands and operational events kept (each)
     */
    public static MarketViews bounded(int candlesPerSeries, int indicatorsPerSeries, int seriesRecords, int events) {
        SeriesBudget budget = new SeriesBudget(seriesRecords);
        return new MarketViews(new CandleView(candlesPerSeries, budget), new IndicatorView(indicatorsPerSeries, budget),
                new RecentRecords<>(events, Comparator.comparing(Signal::getCandleOpenTime)),
                new RecentRecords<>(events, Comparator.comparing(OrderEvent::getEventTime)),
                new RecentRecords<>(events, Comparator.comparing(Fill::getTradeTime)),
                new PositionView(), new TickView(), new SymbolControlView(),
                new RecentRecords<>(events, Comparator.comparing(OperatorCommand::getRequestedAt)),
                new RecentRecords<>(events, Comparator.comparing(OperationalEvent::getEventTime)), new OperatorControlView());
    }

    /** Symbols the API knows: followed through control.symbols, or with trades, candles or positions. */
    public Set<String> knownSymbols() {
        Set<String> known = new TreeSet<>();
        symbols.all().forEach(command -> known.add(command.getSymbol()));
        known.addAll(ticks.symbols());
        known.addAll(candles.symbols());
        known.addAll(positions.symbols());
        return known;
    }
}
