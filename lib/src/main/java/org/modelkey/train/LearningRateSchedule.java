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
        return described("constant rate " + rate, (steps, epochs) -> Tracker.fixed(rate));
    }

    /** One cycle over the whole run peaking at {@code maxRate} (ICIP 2021, Sec. 4.1). */
    static LearningRateSchedule oneCycle(float maxRate) {
        return described("one-cycle, max rate " + maxRate, (steps, epochs) -> new OneCycleTracker(maxRate, steps * epochs));
    }

    /**
     * Cosine annealing from {@code maxRate} to {@code minRate}, restarted every
     * {@code restartEpochs} epochs (the segmentation paper: 0.1, 1e-4, every 10 epochs).
     */
    static LearningRateSchedule cosineWarmRestarts(float maxRate, float minRate, int restartEpochs) {
        return described("cosine " + maxRate + " to " + minRate + ", restart every " + restartEpochs + " epochs",
                (steps, epochs) -> new CosineWarmRestartsTracker(maxRate, minRate, steps * restartEpochs));
    }

    /** {@code schedule} with a description as its {@code toString}, e.g. for a model card. */
    static LearningRateSchedule described(String description, LearningRateSchedule schedule) {
        return new LearningRateSchedule() {
            @Override
            public Tracker tracker(int stepsPerEpoch, int epochs) {
                return schedule.tracker(stepsPerEpoch, epochs);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
