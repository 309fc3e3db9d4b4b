package org.modelkey.eval;

/**
 * Score of a protected model under the three conditions of ICIP 2021 Table 1, APSIPA 2021 and the
 * segmentation paper's Fig. 6: the correct key, incorrect keys (each key's score, their mean and
 * sample standard deviation) and plain images. The score is accuracy for a classifier, mean IoU for
 * a segmentation model.
 */
public record AccessControlResult(double correct, double[] incorrect, double incorrectMean, double incorrectStd,
        double plain) {

    /** The best incorrect key's score: how close a wrong key came to the correct one. */
    public double incorrectMax() {
        return java.util.Arrays.stream(incorrect).max().orElseThrow();
    }
}
