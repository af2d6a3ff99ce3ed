package dev.tickflow.backtest.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every combination of the swept parameters' values; the first parameter varies slowest, the last fastest. */
public record ParameterGrid(List<SweepParameter> parameters) {
    public static final int MAX_SETS = 1_000_000;

    public ParameterGrid {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("A sweep needs at least one --sweep NAME=...");
        }
        Set<String> names = new HashSet<>();
        long size = 1;
        for (SweepParameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("--sweep " + parameter.name() + " is given twice; give all its values in one --sweep");
            }
            size *= parameter.values().size();
            if (size > MAX_SETS) {
                throw new IllegalArgumentException("The sweep has more than " + MAX_SETS + " parameter sets; use fewer values or larger steps");
            }
        }
    }

    public List<String> names() {
        return parameters.stream().map(SweepParameter::name).toList();
    }

    public SweepParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not swept; the swept parameters are " + names()));
    }

    public int size() {
        int size = 1;
        for (SweepParameter parameter : parameters) {
            size *= parameter.values().size();
        }
        return size;
    }

    public List<ParameterSet> sets() {
        int size = size();
        List<ParameterSet> sets = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            Map<String, String> values = new LinkedHashMap<>();
            int rest = index;
            int[] digits = new int[parameters.size()];
            for (int i = parameters.size() - 1; i >= 0; i--) {
                int count = parameters.get(i).values().size();
                digits[i] = rest % count;
                rest /= count;
            }
            for (int i = 0; i < parameters.size(); i++) {
                values.put(parameters.get(i).name(), parameters.get(i).values().get(digits[i]));
            }
            sets.add(new ParameterSet(index, values));
        }
        return sets;
    }
}
