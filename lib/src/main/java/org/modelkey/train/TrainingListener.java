package org.modelkey.train;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.modelkey.model.Network;

/**
 * Hears the events of a {@link TrainingLoop} run, in the order the listeners were added; the loop's
 * own progress line and checkpoint writer come last, so a hook that changes the weights after a
 * step (e.g. {@code PruningMask::reapply}) runs before they are saved.
 */
public interface TrainingListener {

    /**
     * One optimiser step done.
     *
     * @param step 1-based step within the epoch
     * @param images images of this step
     * @param progress where the run is after this step, with the epoch's running sums
     * @param stopping true when the run stops after this step ({@code stopAfterSteps}) within an epoch
     */
    record Step(int stepsPerEpoch, int step, int images, float learningRate,
            Checkpoint.Progress progress, boolean stopping) {

        /** @return mean loss of the epoch so far, over the objective's counted units */
        public double loss() {
            return progress.seen() == 0 ? Double.NaN : progress.lossSum() / progress.seen();
        }

        /** @return share of right predictions in the epoch so far */
        public double accuracy() {
            return progress.seen() == 0 ? Double.NaN : (double) progress.correct() / progress.seen();
        }
    }

    /** A run (or its resumption) starts at {@code from}. */
    default void onStart(Network network, Checkpoint.Progress from) throws IOException {}

    /** An epoch starts (a resumed one included). */
    default void onEpochStart(int epoch) {}

    /** After each optimiser step. */
    default void onStep(Step step) throws IOException {}

    /**
     * An epoch finished.
     *
     * @param next where a resumed run would go on: the next epoch's start
     */
    default void onEpoch(EpochStats stats, Checkpoint.Progress next) throws IOException, TranslateException {}

    /** The call of {@link TrainingLoop#fit} ends (its run finished or stopped early). */
    default void onFit(TrainingHistory history) throws IOException, TranslateException {}
}
