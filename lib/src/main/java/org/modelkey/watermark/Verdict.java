package org.modelkey.watermark;

/**
 * The outcome of an ownership test (Zhong et al. 2020, "effectiveness and efficiency"): of
 * {@code queries} fresh key samples, {@code hits} came back with the watermark label; under the
 * null hypothesis "not watermarked" hits ~ Binomial(queries, p0), and the mark is detected when
 * hits reach {@code criticalHits}, i.e. when the p-value {@code P[X ≥ hits]} is at most the
 * false-positive bound.
 *
 * @param queries            fresh key samples sent to the suspect model
 * @param hits               answers equal to the watermark label
 * @param p0                 rate of the watermark label on key samples from a non-watermarked model
 * @param falsePositiveBound test level: the probability of claiming a model that is not watermarked
 * @param criticalHits       fewest hits that reject the null hypothesis ({@code queries + 1}: none can)
 * @param logPValue          {@code ln P[X ≥ hits]}
 */
public record Verdict(int queries, int hits, double p0, double falsePositiveBound, int criticalHits,
                      double logPValue) {

    /** True when the watermark is detected at the stated false-positive bound. */
    public boolean detected() {
        return hits >= criticalHits;
    }

    /** Fraction of queries answered with the watermark label (the key-sample accuracy). */
    public double markRate() {
        return queries == 0 ? 0 : (double) hits / queries;
    }

    /** The p-value; may underflow to 0, compare {@link #logPValue()} for tiny values. */
    public double pValue() {
        return Math.exp(logPValue);
    }

    @Override
    public String toString() {
        return String.format("%s: %d/%d key samples gave the mark (%.2f%%), p-value %s vs p0=%.3g,"
                        + " bound %.1e (needs ≥ %d hits)", detected() ? "WATERMARKED" : "not detected", hits, queries,
                100 * markRate(), formatLog10(logPValue), p0, falsePositiveBound, criticalHits);
    }

    private static String formatLog10(double lnValue) {
        if (lnValue == Double.NEGATIVE_INFINITY) {
            return "0";
        }
        double log10 = lnValue / Math.log(10);
        if (log10 > -300) {
            return String.format("%.3g", Math.pow(10, log10));
        }
        double exponent = Math.floor(log10);
        return String.format("%.2fe%d", Math.pow(10, log10 - exponent), (long) exponent);
    }
}
