package org.modelkey.eval;

/**
 * Score of a protected model under the three conditions of ICIP 2021 Table 1, APSIPA 2021 and the
 * segmentation paper's Fig. 6: the correct key, incorrect keys (each key's score, their mean and
 * sample standard deviation) and plain images. The score is accuracy for a classifier, mean IoU for
 * a segmentation model.
 */
public record AccessControlResult(double correct, double[] incorrect, double incorrectMean, double incorrectStd,
        double plain) {

    /**
     * The result of scores already measured: the incorrect keys' mean and sample standard deviation
     * (0 for a single key) are computed here.
     *
     * @throws IllegalArgumentException if no incorrect key's score is given
     */
    public static AccessControlResult of(double correct, double[] incorrect, double plain) {
        if (incorrect.length == 0) {
            throw new IllegalArgumentException("no incorrect keys given: pass at least one (the papers use many)");
        }
        double mean = 0;
        for (double a : incorrect) {
            mean += a / incorrect.length;
        }
        double squares = 0;
        for (double a : incorrect) {
            squares += (a - mean) * (a - mean);
        }
        double std = incorrect.length > 1 ? Math.sqrt(squares / (incorrect.length - 1)) : 0;
        return new AccessControlResult(correct, incorrect.clone(), mean, std, plain);
    }

    /** The best incorrect key's score: how close a wrong key came to the correct one. */
    public double incorrectMax() {
        return java.util.Arrays.stream(incorrect).max().orElseThrow();
    }
}
