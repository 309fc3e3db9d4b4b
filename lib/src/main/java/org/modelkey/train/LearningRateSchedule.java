package org.modelkey.train;

import ai.djl.training.tracker.Tracker;

/**
 * A learning-rate schedule that is fixed once the length of the run is known: gives the DJL
 * {@link Tracker} for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    Tracker tracker(int stepsPerEpoch, int epochs);

    /** The same rate at every step. */
    static LearningRateSchedule constant(float rate) {
        return (steps, epochs) -> Tracker.fixed(rate);
    }

    /** One cycle over the whole run peaking at {@code maxRate} (ICIP 2021, Sec. 4.1). */
    static LearningRateSchedule oneCycle(float maxRate) {
        return (steps, epochs) -> new OneCycleTracker(maxRate, steps * epochs);
    }

    /**
     * Cosine annealing from {@code maxRate} to {@code minRate}, restarted every
     * {@code restartEpochs} epochs (the segmentation paper: 0.1, 1e-4, every 10 epochs).
     */
    static LearningRateSchedule cosineWarmRestarts(float maxRate, float minRate, int restartEpochs) {
        return (steps, epochs) -> new CosineWarmRestartsTracker(maxRate, minRate, steps * restartEpochs);
    }
}
