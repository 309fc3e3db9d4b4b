package org.modelkey.report;

import java.math.BigDecimal;
import java.util.Arrays;
import org.knowm.xchart.XYChart;

/**
 * An x axis that shows exactly the values a sweep ran (α, β, block size M, pruning rate, ...):
 * the values sit at equal steps 0, 1, …, k−1 — the steps of a log axis for a geometric sweep —
 * and each tick is labelled with its value, where XChart's own log axis would label decades only.
 */
public final class SweptAxis {

    private final double[] values;

    private SweptAxis(double[] values) {
        this.values = values;
    }

    /**
     * The axis of the distinct swept values, in ascending order.
     *
     * @throws IllegalArgumentException if no value is given or one is not finite
     */
    public static SweptAxis of(double... swept) {
        double[] distinct = Arrays.stream(swept).distinct().sorted().toArray();
        if (distinct.length == 0 || Arrays.stream(distinct).anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException("a swept axis needs at least one finite value, got "
                    + Arrays.toString(swept));
        }
        return new SweptAxis(distinct);
    }

    /**
     * The axis positions of measured x values.
     *
     * @throws IllegalArgumentException for a value the sweep did not run
     */
    public double[] positions(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int at = Arrays.binarySearch(values, xs[i]);
            if (at < 0) {
                throw new IllegalArgumentException("x = " + xs[i] + " is not one of the swept values "
                        + Arrays.toString(values));
            }
            out[i] = at;
        }
        return out;
    }

    /** Every position, 0 … k−1: the x values of a line across the whole axis (e.g. a reference level). */
    public double[] ticks() {
        double[] out = new double[values.length];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /**
     * Labels the chart's x axis with the swept values. With a custom formatter XChart puts its ticks
     * at the x values of the chart's series, so every series must be drawn at {@link #positions} or
     * {@link #ticks()}; a tick anywhere else gets a blank label. XChart (3.8.8) reads those x values in
     * the order the series were added and, when they are not equally spaced in that order, searches
     * for ticks without end: add a series at {@link #ticks()} first (a reference level, or a series
     * measured at every swept value) whenever a later series skips some values.
     */
    public XYChart label(XYChart chart) {
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long at = Math.round(x);
            return Math.abs(x - at) < 1e-6 && at >= 0 && at < values.length ? text(values[(int) at]) : " ";
        });
        return chart;
    }

    /** A value as printed on the axis: {@code 2}, {@code 0.001}, {@code 0.05}. */
    static String text(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
