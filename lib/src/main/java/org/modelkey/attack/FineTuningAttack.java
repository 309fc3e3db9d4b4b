package org.modelkey.attack;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.modelkey.eval.Predictions;
import org.modelkey.model.Network;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;

/**
 * The fine-tuning attack: an attacker who stole a protected model, but not its key, fine-tunes it
 * on a small part of plain (untransformed) training images, hoping for a model that works without
 * the key. For each fraction the stolen weights are fine-tuned with {@link TrainingLoop} on that
 * seeded random part of the attacker's data, then tested on plain images and with the correct key.
 * Beside it, a network of the same architecture trained from scratch, with the same settings, on the
 * same images (what the attacker's data is worth without the stolen weights: APSIPA 2021's robustness
 * claim holds only if fine-tuning gives him no more than that and far less than the key holder has).
 * The first row is the stolen model before any fine-tuning; the stolen weights are restored at the end.
 */
public final class FineTuningAttack implements ModelAttack<FineTuningResult> {

    private final double[] fractions;
    private final TrainingConfig config;
    private final RandomAccessDataset test;
    private final UnaryOperator<NDArray> correctKey;
    private final int batchSize;
    private final long seed;

    /**
     * @param fractions parts of the attacker's data to fine-tune on, each in (0, 1] (e.g. 0.01, 0.05, 0.1)
     * @param config the attacker's fine-tuning settings, without a checkpoint (every fraction starts
     *     from the stolen weights; a checkpoint would make one fraction resume another's run)
     * @param test the test set the outcome is measured on
     * @param correctKey the transform of the key the model was trained with
     * @param batchSize evaluation batch size
     * @param seed seed of the choice of images for each fraction and of the from-scratch networks'
     *     initial weights
     * @throws IllegalArgumentException if a fraction is outside (0, 1] or none is given, or the
     *     config names a checkpoint
     */
    public FineTuningAttack(double[] fractions, TrainingConfig config, RandomAccessDataset test,
            UnaryOperator<NDArray> correctKey, int batchSize, long seed) {
        if (fractions.length == 0) {
            throw new IllegalArgumentException("no fractions given: give some in (0, 1], e.g. 0.01, 0.05, 0.1");
        }
        for (double f : fractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("fine-tuning fraction " + f
                        + " is outside (0, 1]: give the part of the attacker's data to use, e.g. 0.05 for 5 %");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not positive: give at least 1");
        }
        rejectCheckpoint(config);
        this.fractions = fractions.clone();
        this.config = config;
        this.test = Objects.requireNonNull(test, "test set");
        this.correctKey = Objects.requireNonNull(correctKey, "correct key transform");
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /**
     * @param attackerData the attacker's plain labelled training images
     * @return one row for the stolen model (fraction 0), then one per fraction: the images
     *     fine-tuned on, the test accuracy on plain images and with the correct key, and the plain
     *     test accuracy of the same images trained from scratch
     */
    @Override
    public FineTuningResult run(Network model, RandomAccessDataset attackerData) throws IOException, TranslateException {
        List<FineTuningResult.Row> rows = new ArrayList<>();
        WeightSnapshot stolen = new WeightSnapshot(model.block());
        try {
            rows.add(new FineTuningResult.Row(0.0, 0, accuracy(model, UnaryOperator.identity()), accuracy(model, correctKey),
                    Double.NaN));
            for (double f : fractions) {
                stolen.restore();
                RandomAccessDataset part = part(attackerData, f);
                new TrainingLoop(model, config).fit(part, UnaryOperator.identity());
                double plain = accuracy(model, UnaryOperator.identity()), withKey = accuracy(model, correctKey);
                rows.add(new FineTuningResult.Row(f, Math.toIntExact(part.size()), plain, withKey, fromScratch(model, part)));
            }
        } finally {
            stolen.restore();
        }
        return new FineTuningResult(rows);
    }

    /** Plain test accuracy of a fresh network of {@code model}'s architecture trained on {@code part}. */
    private double fromScratch(Network model, RandomAccessDataset part) throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed((int) seed);
        try (Network fresh = Network.create(model.spec(), model.devices())) {
            new TrainingLoop(fresh, config).fit(part, UnaryOperator.identity());
            return accuracy(fresh, UnaryOperator.identity());
        }
    }

    private double accuracy(Network model, UnaryOperator<NDArray> transform) throws IOException, TranslateException {
        return Predictions.of(model, test, transform, batchSize).accuracy();
    }

    /**
     * Refuses an attacker's fine-tuning config that names a checkpoint: each run must start from the
     * stolen weights, and a checkpoint left by one run would be resumed by the next.
     */
    static void rejectCheckpoint(TrainingConfig config) {
        Objects.requireNonNull(config, "fine-tuning config");
        config.checkpoint().ifPresent(file -> {
            throw new IllegalArgumentException("the attacker's fine-tuning config names checkpoint " + file
                    + ", which one fine-tuning run would leave for the next to resume: build the config without"
                    + " checkpoint(...)");
        });
    }

    /**
     * A seeded random {@code f} part of {@code data}, at least one record; the parts are nested, a
     * smaller fraction's images being among a larger one's.
     */
    private RandomAccessDataset part(RandomAccessDataset data, double f) {
        List<Long> indices = new ArrayList<>();
        for (long i = 0; i < data.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        int keep = (int) Math.max(1, Math.round(f * indices.size()));
        List<Long> chosen = new ArrayList<>(indices.subList(0, keep));
        Collections.sort(chosen);
        return data.subDataset(chosen);
    }
}
