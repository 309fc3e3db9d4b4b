package org.modelkey.train;

import ai.djl.training.tracker.Tracker;

/**
 * The one-cycle ("cyclic") learning rate of Smith and Topin (2017) as used by Wong et al. (2020),
 * whose settings the ICIP 2021 paper adopts: the rate rises linearly from 0 to its maximum over the
 * first {@value #PEAK_FRACTION} of the run and falls linearly back to 0 at the end.
 */
public final class OneCycleTracker implements Tracker {

    /** Fraction of the run at which the rate peaks (Wong et al.: 2/5 of the epochs). */
    public static final float PEAK_FRACTION = 0.4f;

    private final float maxRate;
    private final int totalSteps;
    private final float peakStep;

    public OneCycleTracker(float maxRate, int totalSteps) {
        if (!(maxRate > 0)) {
            throw new IllegalArgumentException("maximum learning rate " + maxRate + " must be positive, e.g. 0.1");
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("one-cycle run of " + totalSteps + " steps: give at least one step");
        }
        this.maxRate = maxRate;
        this.totalSteps = totalSteps;
        this.peakStep = Math.max(1f, PEAK_FRACTION * totalSteps);
    }

    /** Rate at global step {@code numUpdate} (0-based), clamped to 0 past the end. */
    @Override
    public float getNewValue(int numUpdate) {
        if (numUpdate <= peakStep) {
            return maxRate * numUpdate / peakStep;
        }
        return Math.max(0f, maxRate * (totalSteps - numUpdate) / (totalSteps - peakStep));
    }
}
