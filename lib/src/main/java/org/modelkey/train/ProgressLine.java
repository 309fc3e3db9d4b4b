package org.modelkey.train;

import java.io.PrintStream;
import java.util.Locale;
import org.modelkey.model.Network;

/**
 * The progress line of a run: running loss, accuracy, learning rate and images/s every N steps, and
 * one line at each epoch's end (plain lines, so a notebook cell and a log file show them alike).
 */
final class ProgressLine implements TrainingListener {

    private final PrintStream out;
    private final int every;
    private final int epochs;
    private final int stepCap;
    private long steps;
    private long sinceImages;
    private long sinceNanos;

    /** @param stepCap the fit's step cap (0: none), said at the start and at the epoch it ends */
    ProgressLine(PrintStream out, int every, int epochs, int stepCap) {
        this.out = out;
        this.every = every;
        this.epochs = epochs;
        this.stepCap = stepCap;
    }

    @Override
    public void onStart(Network network, Checkpoint.Progress from) {
        if (stepCap > 0) {
            out.printf(Locale.ROOT, "step cap: this fit of %d epoch(s) stops after %d optimizer steps%n",
                    epochs, stepCap);
        }
    }

    @Override
    public void onEpochStart(int epoch) {
        sinceImages = 0;
        sinceNanos = System.nanoTime();
    }

    @Override
    public void onStep(Step s) {
        steps++;
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
        out.printf(Locale.ROOT, "epoch %d/%d  done  loss %.4f  acc %.4f  %.1f img/s  %.1f s%s%n", stats.epoch(), epochs,
                stats.loss(), stats.accuracy(), stats.imagesPerSecond(), stats.seconds(),
                stepCap > 0 && steps == stepCap ? "  (step cap " + stepCap + " reached: the fit ends here)" : "");
    }
}
