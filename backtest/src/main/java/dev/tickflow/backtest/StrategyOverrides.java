package dev.tickflow.backtest;

import dev.tickflow.strategy.builtin.SmaEmaCrossover;
import dev.tickflow.strategy.engine.StrategyInstances;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The backtest's {@code --sma}, {@code --ema} and {@code --stop-loss}: they replace the setting of every
 * {@value SmaEmaCrossover#TYPE} instance of the instances properties (other types are left alone). The result is
 * checked like any instances file, so a bad value is reported with the key it landed in.
 */
public record StrategyOverrides(Optional<Integer> sma, Optional<Integer> ema, Optional<BigDecimal> stopLoss) {
    public static final StrategyOverrides NONE = new StrategyOverrides(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return sma.isEmpty() && ema.isEmpty() && stopLoss.isEmpty();
    }

    /**
     * @throws IllegalArgumentException when there are overrides but no instance to apply them to
     */
    public Map<String, String> applyTo(Map<String, String> instances) {
        if (isEmpty()) {
            return instances;
        }
        Map<String, String> result = new TreeMap<>(instances);
        boolean applied = false;
        for (String name : names(instances)) {
            String prefix = StrategyInstances.PREFIX + name + ".";
            if (!SmaEmaCrossover.TYPE.equals(trimmed(instances.get(prefix + StrategyInstances.TYPE)))) {
                continue;
            }
            sma.ifPresent(value -> result.put(prefix + "sma", value.toString()));
            ema.ifPresent(value -> result.put(prefix + "ema", value.toString()));
            stopLoss.ifPresent(value -> result.put(prefix + "stop-loss", value.toPlainString()));
            applied = true;
        }
        if (!applied) {
            throw new IllegalArgumentException("--sma, --ema and --stop-loss apply to " + SmaEmaCrossover.TYPE
                    + " instances, and the configured instances have none");
        }
        return result;
    }

    private static List<String> names(Map<String, String> instances) {
        String list = instances.get(StrategyInstances.INSTANCES);
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
