package dev.tickflow.backtest.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric over two swept parameters: each cell holds the best run (by the ranking) among those with the cell's two
 * values, i.e. the other swept parameters at their best values for that cell; a cell whose sets were all skipped is
 * empty.
 */
public record HeatMap(RankMetric metric, String xParameter, List<String> xValues, String yParameter, List<String> yValues,
                      List<List<SweepRun>> rows) {

    /** @param ranked the runs, best first */
    public static HeatMap of(ParameterGrid grid, List<SweepRun> ranked, RankMetric metric, String xParameter, String yParameter) {
        if (xParameter.equals(yParameter)) {
            throw new IllegalArgumentException("--heat-map needs two different swept parameters, not " + xParameter + " twice");
        }
        List<String> xValues = grid.parameter(xParameter).values();
        List<String> yValues = grid.parameter(yParameter).values();
        Map<String, SweepRun> best = new HashMap<>();
        for (SweepRun run : ranked) {
            best.putIfAbsent(run.set().value(xParameter) + "\n" + run.set().value(yParameter), run);
        }
        List<List<SweepRun>> rows = new ArrayList<>();
        for (String y : yValues) {
            List<SweepRun> row = new ArrayList<>();
            for (String x : xValues) {
                row.add(best.get(x + "\n" + y));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return new HeatMap(metric, xParameter, xValues, yParameter, yValues, List.copyOf(rows));
    }

    public SweepRun cell(int yIndex, int xIndex) {
        return rows.get(yIndex).get(xIndex);
    }
}
