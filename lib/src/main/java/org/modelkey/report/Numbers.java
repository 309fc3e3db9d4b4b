package org.modelkey.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** How the notebooks' tables print numbers: rounded decimals, accuracies in percent, huge counts compactly. */
public final class Numbers {

    private Numbers() {}

    /** {@code value} rounded half up to {@code digits} decimals; NaN stays NaN (a value not measured). */
    public static double round(double value, int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("cannot round to " + digits + " decimals: give 0 or more");
        }
        if (Double.isNaN(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** A fraction in [0, 1] as a percentage rounded to two decimals: 0.73456 → 73.46; NaN stays NaN. */
    public static double percent(double fraction) {
        return Double.isNaN(fraction) ? fraction : Math.round(fraction * 10000) / 100.0;
    }

    /** Replaces each named column of fractions by the same column in percent ({@link #percent(double)}); returns the table. */
    public static Table percent(Table table, String... columns) {
        for (String column : columns) {
            double[] values = table.doubleColumn(column).asDoubleArray();
            table.replaceColumn(column, DoubleColumn.create(column, Arrays.stream(values).map(Numbers::percent).toArray()));
        }
        return table;
    }

    /**
     * A count of up to six digits as it is, a larger one as mantissa and exponent with two decimals
     * ({@code 2^48} → {@code 2.81e14}), as key-space sizes are printed.
     */
    public static String compact(BigInteger n) {
        String digits = n.abs().toString();
        if (digits.length() <= 6) {
            return n.toString();
        }
        int exponent = digits.length() - 1;
        return String.format("%.2fe%d", new BigDecimal(n).movePointLeft(exponent).doubleValue(), exponent);
    }
}
