package dev.tickflow.backtest.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of the grid: a value per swept parameter, in the order the parameters were given.
 *
 * @param index the position in the grid (first parameter varying slowest), the last tie-breaker of the ranking
 */
public record ParameterSet(int index, Map<String, String> values) {
    public ParameterSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String value(String parameter) {
        return values.get(parameter);
    }

    /** e.g. {@code sma=10 ema=5 stop-loss=0.10} */
    public String label() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
