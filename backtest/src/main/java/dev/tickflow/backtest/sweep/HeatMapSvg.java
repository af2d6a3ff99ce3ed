package dev.tickflow.backtest.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The heat map as a self-contained SVG: one cell per pair of values, coloured from red (worst) to green (best) on the
 * range of the metric over the cells, the value written in it; an empty cell (all its sets skipped) is grey.
 */
final class HeatMapSvg {
    private static final int CELL_WIDTH = 84;
    private static final int CELL_HEIGHT = 30;
    private static final int LEFT = 90;
    private static final int TOP = 50;

    private HeatMapSvg() {
    }

    static String render(HeatMap map) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (var row : map.rows()) {
            for (SweepRun run : row) {
                Double value = run == null ? null : map.metric().value(run.metrics());
                if (value != null) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        int width = LEFT + CELL_WIDTH * map.xValues().size() + 20;
        int height = TOP + CELL_HEIGHT * map.yValues().size() + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                + "font-size=\"11\">\n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s by %s (columns) and %s (rows); other parameters at their "
                + "best</text>\n", 4, Html.escape(map.metric().cliName()), Html.escape(map.xParameter()), Html.escape(map.yParameter())));
        for (int x = 0; x < map.xValues().size(); x++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + x * CELL_WIDTH + CELL_WIDTH / 2,
                    TOP - 8, Html.escape(map.xParameter() + "=" + map.xValues().get(x))));
        }
        for (int y = 0; y < map.yValues().size(); y++) {
            int top = TOP + y * CELL_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LEFT - 6, top + CELL_HEIGHT / 2 + 4,
                    Html.escape(map.yParameter() + "=" + map.yValues().get(y))));
            for (int x = 0; x < map.xValues().size(); x++) {
                SweepRun run = map.cell(y, x);
                Double value = run == null ? null : map.metric().value(run.metrics());
                int left = LEFT + x * CELL_WIDTH;
                String fill = value == null ? "#cccccc" : colour(goodness(value, min, max, map.metric().higherIsBetter()));
                String label = run == null ? "skipped" : value == null ? "n/a" : MetricText.metric(map.metric(), run.metrics());
                String title = run == null ? "all sets skipped" : run.set().label();
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\"><title>%s</title>"
                        + "</rect>\n", left, top, CELL_WIDTH, CELL_HEIGHT, fill, Html.escape(title)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", left + CELL_WIDTH / 2,
                        top + CELL_HEIGHT / 2 + 4, Html.escape(shorten(label))));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** 0 for the worst cell, 1 for the best. */
    private static double goodness(double value, double min, double max, boolean higherIsBetter) {
        double position = max > min ? (value - min) / (max - min) : 1.0;
        return higherIsBetter ? position : 1 - position;
    }

    private static String colour(double goodness) {
        int red = (int) Math.round(215 - goodness * (215 - 26));
        int green = (int) Math.round(48 + goodness * (150 - 48));
        int blue = (int) Math.round(39 + goodness * (65 - 39));
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** Four significant digits, so that tiny amounts stay readable in a cell. */
    private static String shorten(String label) {
        try {
            return new BigDecimal(label).round(new MathContext(4)).toPlainString();
        } catch (NumberFormatException notANumber) {
            return label;
        }
    }
}
