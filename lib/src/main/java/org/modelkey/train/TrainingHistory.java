package org.modelkey.train;

import java.util.List;

/**
 * The epochs finished by one call of {@link TrainingLoop#fit}; {@code completed} is false when the
 * call stopped early ({@code stopAfterSteps}) and the checkpoint holds the rest of the run.
 */
public record TrainingHistory(List<EpochStats> epochs, long steps, boolean completed) {

    /** The last finished epoch, if any. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch finished in this call: train longer or read the checkpoint");
        }
        return epochs.get(epochs.size() - 1);
    }
}
