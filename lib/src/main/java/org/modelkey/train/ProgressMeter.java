package org.modelkey.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Running loss, accuracy and images/s of an epoch, printed as one line every N steps and at the
 * epoch's end (plain lines, so a notebook cell and a log file show them alike).
 */
final class ProgressMeter {

    private final PrintStream out;
    private final int every;
    private final int epochs;
    private final int stepsPerEpoch;
    private double lossSum;
    private long correct;
    private long seen;
    private long sinceImages;
    private long sinceNanos;
    private long epochImages;
    private long epochNanos;

    ProgressMeter(PrintStream out, int every, int epochs, int stepsPerEpoch) {
        this.out = out;
        this.every = every;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** Starts an epoch, continuing the sums of a resumed one. */
    void startEpoch(double lossSum, long correct, long seen) {
        this.lossSum = lossSum;
        this.correct = correct;
        this.seen = seen;
        sinceImages = 0;
        epochImages = 0;
        sinceNanos = System.nanoTime();
        epochNanos = sinceNanos;
    }

    void record(int epoch, int step, double batchLossSum, long batchCorrect, int batchSize) {
        lossSum += batchLossSum;
        correct += batchCorrect;
        seen += batchSize;
        sinceImages += batchSize;
        epochImages += batchSize;
        if (every > 0 && step % every == 0 && step < stepsPerEpoch) {
            long now = System.nanoTime();
            out.printf(Locale.ROOT, "epoch %d/%d  step %d/%d  loss %.4f  acc %.4f  %.1f img/s%n", epoch + 1, epochs,
                    step, stepsPerEpoch, loss(), accuracy(), sinceImages * 1e9 / (now - sinceNanos));
            sinceImages = 0;
            sinceNanos = now;
        }
    }

    EpochStats endEpoch(int epoch) {
        double seconds = (System.nanoTime() - epochNanos) / 1e9;
        EpochStats stats = new EpochStats(epoch + 1, loss(), accuracy(), epochImages / seconds, seconds);
        out.printf(Locale.ROOT, "epoch %d/%d  done  loss %.4f  acc %.4f  %.1f img/s  %.1f s%n", epoch + 1, epochs,
                stats.loss(), stats.accuracy(), stats.imagesPerSecond(), seconds);
        return stats;
    }

    double lossSum() {
        return lossSum;
    }

    long correct() {
        return correct;
    }

    long seen() {
        return seen;
    }

    private double loss() {
        return seen == 0 ? Double.NaN : lossSum / seen;
    }

    private double accuracy() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }
}
