package org.modelkey.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One number a notebook measured, named as the claim names it ("correct key", "SHF M=2"), with its
 * 95 % interval where the run can give one ({@code null} otherwise). Claims compare measures, so
 * that their evidence can say whether two intervals overlap.
 */
public record Measure(String label, double value, Interval interval) {

    public Measure {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a measure needs a label naming what was measured");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("measure '" + label + "' is NaN: measure it before checking a claim on it");
        }
    }

    /** A number without an interval (a time, a count, a p-value). */
    public static Measure of(String label, double value) {
        return new Measure(label, value, null);
    }

    /** An accuracy (fraction in [0, 1]) on {@code n} test items, with its Wilson interval. */
    public static Measure accuracy(String label, double accuracy, int n) {
        return new Measure(label, accuracy, Interval.wilson(accuracy, n));
    }

    /** The measure with the smallest value. */
    public static Measure lowest(Measure... measures) {
        return Arrays.stream(measures).min(Comparator.comparingDouble(Measure::value))
                .orElseThrow(() -> new IllegalArgumentException("lowest of no measures"));
    }

    /** Whether both measures have intervals and they overlap; null when one has none. */
    public Boolean overlaps(Measure other) {
        return interval == null || other.interval == null ? null : interval.overlaps(other.interval);
    }

    /** Half the width of the interval, 0 without one. */
    public double halfWidth() {
        return interval == null ? 0 : interval.halfWidth();
    }

    @Override
    public String toString() {
        return interval == null ? String.format("%s %.4g", label, value)
                : String.format("%s %.4f %s", label, value, interval);
    }
}
