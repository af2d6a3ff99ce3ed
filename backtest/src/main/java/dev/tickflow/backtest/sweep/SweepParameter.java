package dev.tickflow.backtest.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One swept strategy setting and its values, from a {@code --sweep} spec: {@code NAME=FROM:TO:STEP} (an inclusive range,
 * exact decimals: {@code 0.05:0.15:0.05} gives 0.05, 0.10, 0.15), or {@code NAME=V1,V2,...} (a list, taken as written,
 * e.g. for a setting that is not a number).
 */
public record SweepParameter(String name, List<String> values) {
    /** More values than this for one parameter is almost certainly a typo in a range. */
    public static final int MAX_VALUES = 10_000;

    private static final String FORMS = "the accepted forms are NAME=FROM:TO:STEP (e.g. sma=5:30:5, stop-loss=0.05:0.15:0.05) "
            + "and NAME=V1,V2,... (e.g. stop-loss=0.05,0.10,0.15)";

    public SweepParameter {
        values = List.copyOf(values);
    }

    /** @throws IllegalArgumentException naming the spec, the parameter and the accepted forms */
    public static SweepParameter parse(String spec) {
        int equals = spec.indexOf('=');
        String name = equals < 0 ? "" : spec.substring(0, equals).trim();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("--sweep " + spec + ": no parameter name before '='; " + FORMS);
        }
        String body = spec.substring(equals + 1).trim();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("--sweep " + spec + ": no values for " + name + "; " + FORMS);
        }
        List<String> values = body.contains(":") ? range(spec, name, body) : list(spec, name, body);
        return new SweepParameter(name, values);
    }

    private static List<String> range(String spec, String name, String body) {
        String[] parts = body.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--sweep " + spec + ": a range of " + name + " needs FROM:TO:STEP; " + FORMS);
        }
        BigDecimal from = number(spec, name, "FROM", parts[0]);
        BigDecimal to = number(spec, name, "TO", parts[1]);
        BigDecimal step = number(spec, name, "STEP", parts[2]);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("--sweep " + spec + ": the STEP of " + name + " must be positive, not " + parts[2].trim());
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("--sweep " + spec + ": FROM " + parts[0].trim() + " is above TO " + parts[1].trim() + " for " + name);
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
            throw new IllegalArgumentException("--sweep " + spec + ": " + name + " would take more than " + MAX_VALUES + " values; use a larger STEP");
        }
        int scale = Math.max(from.scale(), step.scale());
        List<String> values = new ArrayList<>();
        for (BigDecimal value = from.setScale(Math.max(scale, 0)); value.compareTo(to) <= 0; value = value.add(step)) {
            values.add(value.toPlainString());
        }
        return values;
    }

    private static List<String> list(String spec, String name, String body) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : body.split(",", -1)) {
            String trimmed = value.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("--sweep " + spec + ": an empty value in the list of " + name + "; " + FORMS);
            }
            if (!values.add(trimmed)) {
                throw new IllegalArgumentException("--sweep " + spec + ": " + name + " lists " + trimmed + " twice");
            }
        }
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("--sweep " + spec + ": more than " + MAX_VALUES + " values for " + name);
        }
        return List.copyOf(values);
    }

    private static BigDecimal number(String spec, String name, String part, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep " + spec + ": " + part + " of " + name + " is not a number: '" + text.trim() + "'; " + FORMS);
        }
    }
}
