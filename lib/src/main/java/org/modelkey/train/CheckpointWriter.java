package org.modelkey.train;

import java.io.IOException;
import java.nio.file.Path;
import org.modelkey.model.Network;

/**
 * Writes the resumable {@link Checkpoint} of a run: at the end of every epoch, every N global steps
 * within an epoch, and when the call stops early ({@code stopAfterSteps}).
 */
final class CheckpointWriter implements TrainingListener {

    private final Path file;
    private final int every;
    private final Network network;
    private final SelectiveDecaySgd optimizer;
    private final Checkpoint.Settings settings;

    CheckpointWriter(Path file, int every, Network network, SelectiveDecaySgd optimizer, Checkpoint.Settings settings) {
        this.file = file;
        this.every = every;
        this.network = network;
        this.optimizer = optimizer;
        this.settings = settings;
    }

    @Override
    public void onStep(Step s) throws IOException {
        boolean due = every > 0 && s.progress().globalStep() % every == 0;
        if (s.step() < s.stepsPerEpoch() && (s.stopping() || due)) {
            Checkpoint.save(file, network, optimizer, settings, s.progress());
        }
    }

    @Override
    public void onEpoch(EpochStats stats, Checkpoint.Progress next) throws IOException {
        Checkpoint.save(file, network, optimizer, settings, next);
    }
}
