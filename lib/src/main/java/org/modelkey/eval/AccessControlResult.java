package org.modelkey.eval;

/**
 * Accuracy of a protected model under the three conditions of ICIP 2021 Table 1 and APSIPA 2021:
 * the correct key, incorrect keys (each key's accuracy, their mean and sample standard deviation)
 * and plain images.
 */
public record AccessControlResult(double correct, double[] incorrect, double incorrectMean, double incorrectStd,
        double plain) {}
