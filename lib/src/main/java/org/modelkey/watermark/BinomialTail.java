package org.modelkey.watermark;

/**
 * Exact binomial tail probabilities in log space, for the ownership test of black-box
 * watermarking: if a model that was never watermarked answers the watermark label with rate
 * {@code p0}, then among {@code n} fresh key samples the number of such answers X is Binomial(n, p0),
 * and {@code P[X ≥ k]} is the false-positive probability of claiming the model after {@code k} hits.
 *
 * <p>Terms {@code C(n,j) p^j (1-p)^(n-j)} are built in log space by their ratio recurrence and summed
 * with a running log-sum-exp, so tails far below {@code Double.MIN_VALUE} (e.g. 10^-20000) keep
 * full relative precision. A sum stops once the terms, past the mode, fall below e^-50/(n+1) of it.
 */
public final class BinomialTail {

    /** Terms below exp(-STOP)/(n+1) times the sum (already past the mode) no longer change it. */
    private static final double STOP = 50;

    private BinomialTail() {}

    /** {@code ln P[X ≥ k]} for X ~ Binomial(n, p); {@code -Infinity} when the tail is empty. */
    public static double logUpperTail(int k, int n, double p) {
        check(n, p);
        if (k <= 0) {
            return 0;
        }
        if (k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        return logSum(k, n, p, +1);
    }

    /** {@code ln P[X ≤ k]} for X ~ Binomial(n, p); {@code -Infinity} when the tail is empty. */
    public static double logLowerTail(int k, int n, double p) {
        check(n, p);
        if (k >= n) {
            return 0;
        }
        if (k < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return logSum(k, n, p, -1);
    }

    /** {@code P[X ≥ k]}, which may underflow to 0; use {@link #logUpperTail} to compare tiny values. */
    public static double upperTail(int k, int n, double p) {
        return Math.exp(logUpperTail(k, n, p));
    }

    /**
     * The decision threshold of a one-sided test at level {@code alpha}: the smallest k with
     * {@code P[X ≥ k] ≤ alpha} under X ~ Binomial(n, p0), or {@code n + 1} when even k = n is not
     * rare enough (then no outcome of n queries can reject).
     */
    public static int criticalValue(int n, double p0, double alpha) {
        check(n, p0);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("test level " + alpha + " is outside (0, 1): give a false-positive"
                    + " bound such as 1e-6");
        }
        double logAlpha = Math.log(alpha);
        if (p0 == 0) {
            return 1; // P[X ≥ 1] = 0
        }
        if (p0 == 1) {
            return n + 1;
        }
        double lnp = Math.log(p0);
        double lnq = Math.log1p(-p0);
        double term = n * lnp; // ln P[X = n]
        double tail = Double.NEGATIVE_INFINITY;
        for (int k = n; k >= 0; k--) {
            double next = logAdd(tail, term);
            if (next > logAlpha) {
                return k + 1;
            }
            tail = next;
            if (k > 0) { // P[X = k-1] from P[X = k]
                term += Math.log((double) k / (n - k + 1)) + lnq - lnp;
            }
        }
        return 0;
    }

    /**
     * The one-sided Clopper–Pearson upper confidence limit of a rate after {@code k} successes in
     * {@code n} trials: the largest p with {@code P[X ≤ k] ≥ 1 - confidence}. Use it as a
     * conservative p0 when the rate of a non-watermarked model is measured rather than known.
     */
    public static double upperConfidenceLimit(int k, int n, double confidence) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException(k + " successes in " + n + " trials: need 0 ≤ k ≤ n and n > 0");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is outside (0, 1): use e.g. 0.95");
        }
        if (k == n) {
            return 1;
        }
        double logLevel = Math.log1p(-confidence);
        double lo = (double) k / n;
        double hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) { // P[X ≤ k] decreases in p
            double mid = 0.5 * (lo + hi);
            if (logLowerTail(k, n, mid) >= logLevel) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sums P[X = j] from j = k towards n (step +1) or towards 0 (step -1), in log space. */
    private static double logSum(int k, int n, double p, int step) {
        if (p == 0) {
            return step > 0 ? Double.NEGATIVE_INFINITY : 0; // all mass at 0; here k ≥ 1 (upper) or k ≥ 0 (lower)
        }
        if (p == 1) {
            return step > 0 ? 0 : Double.NEGATIVE_INFINITY; // all mass at n; here k ≤ n (upper) or k < n (lower)
        }
        double lnp = Math.log(p);
        double lnq = Math.log1p(-p);
        double mode = (n + 1) * p;
        double logStop = STOP + Math.log(n + 1.0);
        double term = logChoose(n, k) + k * lnp + (n - k) * lnq;
        double sum = Double.NEGATIVE_INFINITY;
        for (int j = k; j >= 0 && j <= n; j += step) {
            sum = logAdd(sum, term);
            boolean pastMode = step > 0 ? j >= mode : j <= mode;
            if (pastMode && term < sum - logStop) {
                break;
            }
            term += step > 0
                    ? Math.log((double) (n - j) / (j + 1)) + lnp - lnq
                    : Math.log((double) j / (n - j + 1)) + lnq - lnp;
        }
        return sum;
    }

    /** {@code ln C(n, k)} as a sum of min(k, n-k) logarithms. */
    static double logChoose(int n, int k) {
        int m = Math.min(k, n - k);
        double s = 0;
        for (int i = 1; i <= m; i++) {
            s += Math.log((double) (n - m + i) / i);
        }
        return s;
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    private static void check(int n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("number of trials " + n + " is negative: give n ≥ 0");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("rate " + p + " is outside [0, 1]: give a probability");
        }
    }
}
