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
     * Cosine annealing from {@code maxRate} to {@code minRate} in {@code cycles} equal cycles over the
     * run, restarting at {@code maxRate} after each (the segmentation paper: 0.1 to 1e-4, 10 cycles of
     * 10 epochs in its 100); a cycle is a whole number of steps, at least one.
     */
    static LearningRateSchedule cosineWarmRestarts(float maxRate, float minRate, int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException(cycles + " cosine cycles: give at least one (the paper: 10 per run)");
        }
        return described("cosine " + maxRate + " to " + minRate + ", " + cycles + " cycles with warm restarts",
                (steps, epochs) -> new CosineWarmRestartsTracker(maxRate, minRate,
                        Math.max(1, Math.round((float) steps * epochs / cycles))));
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
