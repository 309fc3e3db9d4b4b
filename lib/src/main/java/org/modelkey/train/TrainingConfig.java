package org.modelkey.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.modelkey.Profile;
import org.modelkey.data.SampleTransform;

/**
 * Settings of one training run. Defaults follow the ICIP 2021 paper (SGD, momentum 0.9, weight
 * decay 5e-4 off BatchNorm, one-cycle schedule peaking at 0.1) at a CPU-sized batch.
 */
public final class TrainingConfig {

    final int epochs;
    final int batchSize;
    final LearningRateSchedule schedule;
    final float momentum;
    final float weightDecay;
    final long seed;
    final int logEvery;
    final PrintStream log;
    final Path checkpoint;
    final int checkpointEvery;
    final int stopAfterSteps;
    final int stepCap;

    private TrainingConfig(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.schedule = b.schedule;
        this.momentum = b.momentum;
        this.weightDecay = b.weightDecay;
        this.seed = b.seed;
        this.logEvery = b.logEvery;
        this.log = b.log;
        this.checkpoint = b.checkpoint;
        this.checkpointEvery = b.checkpointEvery;
        this.stopAfterSteps = b.stopAfterSteps;
        this.stepCap = b.stepCap;
    }

    /**
     * What decides the trained weights besides data, seed and epochs: batch size, optimiser and
     * schedule, e.g. {@code batch 64, SGD momentum 0.9, weight decay 5.0E-4, one-cycle, max rate 0.1},
     * and a step cap when there is one ({@code , at most 2 optimizer steps per fit}).
     */
    public String describe() {
        return "batch " + batchSize + ", SGD momentum " + momentum + ", weight decay " + weightDecay + ", " + schedule
                + (stepCap > 0 ? ", at most " + stepCap + " optimizer steps per fit" : "");
    }

    /** {@link #describe()} with the augmentation the training images get: a model card's training settings. */
    public String describe(SampleTransform augmentation) {
        return describe() + ", augmentation " + augmentation;
    }

    /** @return the learning rate by step */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return images per training step */
    public int batchSize() {
        return batchSize;
    }

    /** @return where the run's progress lines go */
    public PrintStream log() {
        return log;
    }

    /** @return the most optimizer steps one fit runs (0: no cap), see {@link Builder#stepCap} */
    public int stepCap() {
        return stepCap;
    }

    /** The checkpoint file this run writes and resumes from, if any. */
    public Optional<Path> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrainingConfig}; every setting has a default. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 64;
        private LearningRateSchedule schedule = LearningRateSchedule.oneCycle(0.1f);
        private float momentum = 0.9f;
        private float weightDecay = 5e-4f;
        private long seed = 42;
        private int logEvery = 50;
        private PrintStream log = System.out;
        private Path checkpoint;
        private int checkpointEvery;
        private int stopAfterSteps;
        private int stepCap = Profile.current().stepCap();

        private Builder() {}

        public Builder epochs(int value) {
            epochs = atLeastOne("epochs", value);
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = atLeastOne("batch size", value);
            return this;
        }

        public Builder schedule(LearningRateSchedule value) {
            schedule = Objects.requireNonNull(value, "schedule");
            return this;
        }

        public Builder momentum(float value) {
            momentum = value;
            return this;
        }

        public Builder weightDecay(float value) {
            weightDecay = value;
            return this;
        }

        /** Seed of the shuffling order (the network's initialization uses the engine's seed). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Prints a progress line every {@code steps} steps (0: only at the end of each epoch). */
        public Builder logEvery(int steps, PrintStream to) {
            if (steps < 0) {
                throw new IllegalArgumentException("logEvery " + steps + " is negative: give 0 for epoch ends only");
            }
            logEvery = steps;
            log = Objects.requireNonNull(to, "log stream");
            return this;
        }

        /**
         * Writes a resumable checkpoint to {@code file} at the end of every epoch and every
         * {@code everySteps} steps (0: epoch ends only); a run given an existing checkpoint resumes it.
         */
        public Builder checkpoint(Path file, int everySteps) {
            if (everySteps < 0) {
                throw new IllegalArgumentException("checkpoint interval " + everySteps + " is negative: give 0 for epoch ends only");
            }
            checkpoint = Objects.requireNonNull(file, "checkpoint file");
            checkpointEvery = everySteps;
            return this;
        }

        /**
         * Ends this call after {@code steps} steps, writing the checkpoint, so a long run can be
         * split across sessions (0: run to the end).
         */
        public Builder stopAfterSteps(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("stopAfterSteps " + steps + " is negative: give 0 to run to the end");
            }
            stopAfterSteps = steps;
            return this;
        }

        /**
         * Ends every fit after {@code steps} optimizer steps in all, the epoch it is in ending there
         * (its statistics over the steps run, its epoch-end listeners heard), the schedule still
         * that of the configured epochs; 0: no cap. The default is the profile's
         * ({@link Profile#stepCap}): the rehearsal of the paper profile caps every fit, here in one
         * place; unlike {@link #stopAfterSteps} nothing is left to resume.
         */
        public Builder stepCap(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("step cap " + steps + " is negative: give 0 for no cap");
            }
            stepCap = steps;
            return this;
        }

        public TrainingConfig build() {
            if (stopAfterSteps > 0 && checkpoint == null) {
                throw new IllegalArgumentException("stopAfterSteps without a checkpoint would lose the run: "
                        + "set checkpoint(file, everySteps) as well");
            }
            return new TrainingConfig(this);
        }

        private static int atLeastOne(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " " + value + " must be at least 1");
            }
            return value;
        }
    }
}
