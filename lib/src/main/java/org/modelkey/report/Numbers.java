package org.modelkey.report;

import java.math.BigDecimal;
import java.math.BigInteger;

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

    /** A fraction in [0, 1] as a percentage rounded to two decimals: 0.73456 → 73.46. */
    public static double percent(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
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
