package dev.tickflow.strategy.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The indicators a strategy publishes for one candle, by name, in the order it adds them: e.g. {@code sma} and {@code ema}
 * of the crossover, {@code upper} and {@code lower} of the channel breakout. A value is null while its indicator warms up.
 * They go into the candle's {@code IndicatorSnapshot} (its {@code indicators} map, which leaves null values out; the values
 * named {@value #SMA} and {@value #EMA} also fill its and the signal's own {@code sma} and {@code ema} fields), and the
 * dashboard draws one line per name. Immutable.
 *
 * @param values the values by name, null while warming up
 */
public record IndicatorValues(Map<String, BigDecimal> values) {

    /** The name whose value also fills the {@code sma} field of snapshots and signals. */
    public static final String SMA = "sma";
    /** The name whose value also fills the {@code ema} field of snapshots and signals. */
    public static final String EMA = "ema";

    /** No indicators. */
    public static final IndicatorValues NONE = new IndicatorValues(Map.of());

    public IndicatorValues {
        Map<String, BigDecimal> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An indicator needs a name, not '" + name + "'");
            }
            copy.put(name, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** One value ({@code null} while warming up). */
    public static IndicatorValues of(String name, BigDecimal value) {
        return NONE.with(name, value);
    }

    /** These values and one more (or another value of a name already here, which keeps its place). */
    public IndicatorValues with(String name, BigDecimal value) {
        Map<String, BigDecimal> more = new LinkedHashMap<>(values);
        more.put(Objects.requireNonNull(name, "name"), value);
        return new IndicatorValues(more);
    }

    /** The value of {@code name}: null while warming up or when there is no indicator of that name. */
    public BigDecimal get(String name) {
        return values.get(name);
    }
}
