package dev.tickflow.backtest.sweep;

import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The grid's sets, split into those the strategy type accepts (with their settings) and those it refuses. */
public record CheckedSets(List<Valid> valid, List<SkippedSet> skipped) {

    /** A set and the strategy settings it gives. */
    public record Valid(ParameterSet set, StrategySettings settings) {
    }

    public CheckedSets {
        valid = List.copyOf(valid);
        skipped = List.copyOf(skipped);
    }

    public static CheckedSets check(List<ParameterSet> sets, SweepStrategy strategy) {
        List<Valid> valid = new ArrayList<>();
        List<SkippedSet> skipped = new ArrayList<>();
        for (ParameterSet set : sets) {
            try {
                valid.add(new Valid(set, strategy.settings(set)));
            } catch (InvalidStrategyConfigException e) {
                skipped.add(new SkippedSet(set, e.getMessage()));
            }
        }
        return new CheckedSets(valid, skipped);
    }

    /** The skipped sets counted by reason, reasons sorted. */
    public Map<String, Integer> skippedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        skipped.forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        return counts;
    }
}
