package org.modelkey.report;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A 95 % confidence interval [low, high] around a measured number: Wilson's score interval for an
 * accuracy measured on n test items, or a percentile bootstrap over the items for a statistic such as
 * mean IoU that is not a plain proportion.
 */
public record Interval(double low, double high) {

    /** The standard normal quantile of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;
    /** Resamples of {@link #bootstrap} used by the notebooks. */
    public static final int RESAMPLES = 1000;

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is not ordered: give low ≤ high");
        }
    }

    /**
     * Wilson's score interval (Wilson 1927) of an accuracy measured on {@code n} items:
     * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), with z = {@link #Z95}.
     *
     * @param accuracy the measured fraction p̂ in [0, 1] (correct items / n)
     */
    public static Interval wilson(double accuracy, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a Wilson interval needs at least one test item, not " + n);
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy " + accuracy + " is not a fraction in [0, 1]: pass 0.734, not 73.4");
        }
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double center = (accuracy + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(accuracy * (1 - accuracy) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.max(0, center - half), Math.min(1, center + half));
    }

    /**
     * Percentile bootstrap (Efron 1979) over {@code items} test items: each of {@code resamples}
     * resamples draws the items with replacement and gives the statistic their draw counts
     * ({@code weights[i]} = how often item i was drawn); the interval is the 2.5 and 97.5 percentiles.
     * The same seed gives the same interval.
     *
     * @param statistic the statistic of a weighted set of items, e.g. mean IoU of summed confusion counts
     */
    public static Interval bootstrap(int items, ToDoubleFunction<int[]> statistic, int resamples, long seed) {
        if (items < 1 || resamples < 2) {
            throw new IllegalArgumentException("a bootstrap needs at least one item and two resamples, not "
                    + items + " and " + resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int[] weights = new int[items];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < items; i++) {
                weights[random.nextInt(items)]++;
            }
            values[r] = statistic.applyAsDouble(weights);
        }
        Arrays.sort(values);
        return new Interval(percentile(values, 0.025), percentile(values, 0.975));
    }

    /** Linear interpolation between order statistics of sorted values. */
    static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Adds {@code <column>_low} and {@code <column>_high} beside each accuracy column of a results
     * table: the Wilson interval of its value on {@code n} test items, in the column's unit
     * ({@code unit} 100 for percentages, 1 for fractions). A missing value gets missing bounds.
     */
    public static Table addWilsonColumns(Table table, int n, double unit, String... columns) {
        return addWilsonColumns(table, IntColumn.create("n", java.util.Collections.nCopies(table.rowCount(), n)
                .stream().mapToInt(Integer::intValue).toArray()), unit, columns);
    }

    /** As {@link #addWilsonColumns(Table, int, double, String...)}, with the number of test items of each row. */
    public static Table addWilsonColumns(Table table, IntColumn n, double unit, String... columns) {
        if (n.size() != table.rowCount()) {
            throw new IllegalArgumentException(n.size() + " test-set sizes for a table of " + table.rowCount() + " rows: give one per row");
        }
        for (String column : columns) {
            DoubleColumn values = table.doubleColumn(column);
            DoubleColumn low = DoubleColumn.create(column + "_low"), high = DoubleColumn.create(column + "_high");
            for (int i = 0; i < values.size(); i++) {
                if (values.isMissing(i)) {
                    low.appendMissing();
                    high.appendMissing();
                } else {
                    Interval w = wilson(values.get(i) / unit, n.getInt(i));
                    low.append(Math.round(w.low * unit * 1e4) / 1e4);
                    high.append(Math.round(w.high * unit * 1e4) / 1e4);
                }
            }
            int at = table.columnIndex(column) + 1;
            table.insertColumn(at, low).insertColumn(at + 1, high);
        }
        return table;
    }

    /** Whether the two intervals share at least one point. */
    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    /** Half the width: the ± of the interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    public Interval scaled(double factor) {
        return new Interval(low * factor, high * factor);
    }

    @Override
    public String toString() {
        return String.format("[%.4f, %.4f]", low, high);
    }
}
