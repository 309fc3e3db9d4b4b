package org.modelkey.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a run: running loss, accuracy, learning rate and images/s every N steps, and
 * one line at each epoch's end (plain lines, so a notebook cell and a log file show them alike).
 */
final class ProgressLine implements TrainingListener {

    private final PrintStream out;
    private final int every;
    private final int epochs;
    private long sinceImages;
    private long sinceNanos;

    ProgressLine(PrintStream out, int every, int epochs) {
        this.out = out;
        this.every = every;
        this.epochs = epochs;
    }

    @Override
    public void onEpochStart(int epoch) {
        sinceImages = 0;
        sinceNanos = System.nanoTime();
    }

    @Override
    public void onStep(Step s) {
        sinceImages += s.images();
        if (every > 0 && s.step() % every == 0 && s.step() < s.stepsPerEpoch()) {
            long now = System.nanoTime();
            out.printf(Locale.ROOT, "epoch %d/%d  step %d/%d  loss %.4f  acc %.4f  lr %.4g  %.1f img/s%n",
                    s.progress().epoch() + 1, epochs, s.step(), s.stepsPerEpoch(), s.loss(), s.accuracy(),
                    s.learningRate(), sinceImages * 1e9 / (now - sinceNanos));
            sinceImages = 0;
            sinceNanos = now;
        }
    }

    @Override
    public void onEpoch(EpochStats stats, Checkpoint.Progress next) {
        out.printf(Locale.ROOT, "epoch %d/%d  done  loss %.4f  acc %.4f  %.1f img/s  %.1f s%n", stats.epoch(), epochs,
                stats.loss(), stats.accuracy(), stats.imagesPerSecond(), stats.seconds());
    }
}
