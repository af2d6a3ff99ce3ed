package dev.tickflow.api.view;

import dev.tickflow.schema.Position;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The latest position per key of the compacted oms.positions (strategy instance and symbol); a tombstone removes it.
 * Bounded by what the compacted topic holds: one entry per instance and symbol.
 */
public final class PositionView {
    private static final Comparator<Position> BY_INSTANCE_THEN_SYMBOL =
            Comparator.comparing(Position::getStrategyInstance).thenComparing(Position::getSymbol);

    private final Map<String, Position> byKey = new HashMap<>();

    /** The position under its record key; a key of {@code null} stands for the instance and symbol of the position. */
    public synchronized void put(String key, Position position) {
        byKey.put(key != null ? key : position.getStrategyInstance() + "|" + position.getSymbol(), position);
    }

    public synchronized void remove(String key) {
        byKey.remove(key);
    }

    /** Positions by strategy instance, then symbol. */
    public synchronized List<Position> all(Predicate<? super Position> filter) {
        return byKey.values().stream().filter(filter).sorted(BY_INSTANCE_THEN_SYMBOL).toList();
    }

    public synchronized Set<String> symbols() {
        Set<String> symbols = new TreeSet<>();
        byKey.values().forEach(position -> symbols.add(position.getSymbol()));
        return symbols;
    }
}
