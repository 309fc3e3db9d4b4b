package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class BinomialTailTest {

    /** Exact P[X ≥ k] for p = a/b, by integer arithmetic. */
    private static double exactUpperTail(int k, int n, int a, int b) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE; // C(n, j), built up from j = 0
        for (int j = 0; j <= n; j++) {
            if (j > 0) {
                choose = choose.multiply(BigInteger.valueOf(n - j + 1)).divide(BigInteger.valueOf(j));
            }
            if (j >= k) {
                sum = sum.add(choose.multiply(BigInteger.valueOf(a).pow(j)).multiply(BigInteger.valueOf(b - a).pow(n - j)));
            }
        }
        return new BigDecimal(sum).divide(new BigDecimal(BigInteger.valueOf(b).pow(n)), MathContext.DECIMAL128)
                .doubleValue();
    }

    @Test
    void smallCasesMatchExactArithmetic() {
        assertEquals(56.0 / 1024, BinomialTail.upperTail(8, 10, 0.5), 1e-15);
        int[][] cases = {{60, 100, 1, 2}, {25, 50, 3, 10}, {1, 30, 1, 10}, {12, 40, 1, 20}, {190, 200, 9, 10}};
        for (int[] c : cases) {
            double exact = exactUpperTail(c[0], c[1], c[2], c[3]);
            double got = BinomialTail.upperTail(c[0], c[1], (double) c[2] / c[3]);
            assertEquals(exact, got, 1e-12 * exact, "P[X ≥ " + c[0] + "], n=" + c[1] + ", p=" + c[2] + "/" + c[3]);
        }
    }

    @Test
    void lowerTailMatchesComplement() {
        double lower = Math.exp(BinomialTail.logLowerTail(59, 100, 0.5));
        assertEquals(1 - exactUpperTail(60, 100, 1, 2), lower, 1e-13);
        assertEquals(0, BinomialTail.logLowerTail(100, 100, 0.3));
        assertEquals(Double.NEGATIVE_INFINITY, BinomialTail.logLowerTail(-1, 100, 0.3));
    }

    @Test
    void tinyTailsKeepFullPrecisionInLogSpace() {
        // P[X ≥ n] = p^n: 10^-100 and 10^-20000, the latter far below the smallest double
        assertEquals(-100 * Math.log(10), BinomialTail.logUpperTail(100, 100, 0.1), 1e-10);
        assertEquals(-10000 * 2 * Math.log(10), BinomialTail.logUpperTail(10000, 10000, 0.01), 1e-7);
        // P[X ≥ 1] = 1 - (1-p)^n for a tiny p
        assertEquals(-Math.expm1(1000 * Math.log1p(-1e-9)), BinomialTail.upperTail(1, 1000, 1e-9), 1e-20);
    }

    @Test
    void degenerateRatesAndRanges() {
        assertEquals(0, BinomialTail.logUpperTail(0, 10, 0.3));
        assertEquals(Double.NEGATIVE_INFINITY, BinomialTail.logUpperTail(11, 10, 0.3));
        assertEquals(Double.NEGATIVE_INFINITY, BinomialTail.logUpperTail(1, 10, 0));
        assertEquals(0, BinomialTail.logUpperTail(10, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> BinomialTail.logUpperTail(1, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialTail.logUpperTail(1, -1, 0.5));
    }

    @Test
    void criticalValueIsTheSmallestRejectingCount() {
        for (int n : new int[] {1, 10, 57, 400}) {
            for (double p0 : new double[] {0.01, 0.1, 0.5}) {
                double alpha = 1e-3;
                int k = BinomialTail.criticalValue(n, p0, alpha);
                if (k <= n) {
                    assertTrue(BinomialTail.upperTail(k, n, p0) <= alpha);
                }
                if (k >= 1) {
                    assertTrue(BinomialTail.upperTail(k - 1, n, p0) > alpha, "n=" + n + " p0=" + p0 + " k=" + k);
                }
            }
        }
        assertEquals(1, BinomialTail.criticalValue(5, 0, 1e-6));
        assertEquals(3, BinomialTail.criticalValue(3, 0.5, 0.125)); // P[X ≥ 3] = 1/8
        assertEquals(4, BinomialTail.criticalValue(3, 0.5, 0.1)); // no outcome of 3 tosses is that rare
    }

    @Test
    void upperConfidenceLimit() {
        // no success in n trials: (1 - p)^n = 1 - confidence, the "rule of three" at 95 %
        assertEquals(1 - Math.pow(0.05, 1.0 / 1000), BinomialTail.upperConfidenceLimit(0, 1000, 0.95), 1e-12);
        double limit = BinomialTail.upperConfidenceLimit(7, 100, 0.99);
        assertEquals(0.01, Math.exp(BinomialTail.logLowerTail(7, 100, limit)), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> BinomialTail.upperConfidenceLimit(5, 4, 0.95));
    }
}
