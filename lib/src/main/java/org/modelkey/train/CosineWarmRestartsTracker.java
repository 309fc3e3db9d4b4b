package org.modelkey.train;

import ai.djl.training.tracker.Tracker;

/**
 * Cosine annealing with warm restarts (SGDR, Loshchilov and Hutter 2017, Eq. 5), the schedule of
 * the segmentation paper: η = η_min + ½(η_max − η_min)(1 + cos(π·T_cur/T)), where T_cur counts the
 * steps since the last restart and the rate jumps back to η_max every T steps.
 */
public final class CosineWarmRestartsTracker implements Tracker {

    private final float maxRate;
    private final float minRate;
    private final int period;

    /**
     * @param period T, the number of steps between restarts
     */
    public CosineWarmRestartsTracker(float maxRate, float minRate, int period) {
        if (!(minRate >= 0 && maxRate > minRate)) {
            throw new IllegalArgumentException("cosine schedule needs 0 <= minimum < maximum, got minimum "
                    + minRate + " and maximum " + maxRate + ": e.g. 1e-4 and 0.1");
        }
        if (period < 1) {
            throw new IllegalArgumentException("restart period of " + period + " steps: give at least one step");
        }
        this.maxRate = maxRate;
        this.minRate = minRate;
        this.period = period;
    }

    @Override
    public float getNewValue(int numUpdate) {
        double sinceRestart = numUpdate % period;
        return (float) (minRate + 0.5 * (maxRate - minRate) * (1 + Math.cos(Math.PI * sinceRestart / period)));
    }
}
