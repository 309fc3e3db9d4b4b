package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.modelkey.eval.AccessControl;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.model.Network;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;

/**
 * The pruning attack (ICIP 2021, Sec. 4.4; Zhong et al. 2020): an attacker prunes the stolen model
 * by weight magnitude ({@link MagnitudePruning}) at each rate, and the model is evaluated on the
 * attacker's data with the correct key, incorrect keys and plain images ({@link AccessControl}).
 * {@link #withFineTuning} adds the attacker's repair step: each pruned model is fine-tuned on the
 * attacker's plain images with the pruned weights held at zero after every optimiser step
 * ({@link PruningMask#reapply()}), then evaluated on a separate test set.
 * Every rate starts from the stolen weights, which are restored at the end.
 */
public final class PruningAttack implements ModelAttack<PruningResult> {

    private final double[] rates;
    private final MagnitudePruning.Scope scope;
    private final UnaryOperator<NDArray> correctKey;
    private final List<UnaryOperator<NDArray>> incorrectKeys;
    private final int batchSize;
    private final TrainingConfig fineTuning;
    private final RandomAccessDataset test;

    /**
     * @param rates pruning rates, each in [0, 1) ({@link #paperRates()} for 0.1 … 0.9)
     * @param correctKey the transform of the key the model was trained with
     * @param incorrectKeys transforms of other keys of the same kind (at least one)
     * @param batchSize evaluation batch size
     * @throws IllegalArgumentException if a rate is outside [0, 1), no rate or no incorrect key is given
     */
    public PruningAttack(double[] rates, MagnitudePruning.Scope scope, UnaryOperator<NDArray> correctKey,
            List<UnaryOperator<NDArray>> incorrectKeys, int batchSize) {
        if (rates.length == 0) {
            throw new IllegalArgumentException(
                    "no pruning rates given: give some in [0, 1), e.g. PruningAttack.paperRates()");
        }
        for (double rate : rates) {
            MagnitudePruning.checkRate(rate);
        }
        if (incorrectKeys.isEmpty()) {
            throw new IllegalArgumentException("no incorrect keys given: pass at least one (the papers use many)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not positive: give at least 1");
        }
        this.rates = rates.clone();
        this.scope = Objects.requireNonNull(scope, "pruning scope");
        this.correctKey = Objects.requireNonNull(correctKey, "correct key transform");
        this.incorrectKeys = List.copyOf(incorrectKeys);
        this.batchSize = batchSize;
        this.fineTuning = null;
        this.test = null;
    }

    private PruningAttack(PruningAttack plain, TrainingConfig fineTuning, RandomAccessDataset test) {
        this.rates = plain.rates;
        this.scope = plain.scope;
        this.correctKey = plain.correctKey;
        this.incorrectKeys = plain.incorrectKeys;
        this.batchSize = plain.batchSize;
        this.fineTuning = fineTuning;
        this.test = test;
    }

    /**
     * This attack with fine-tuning after pruning: at each rate the pruned model is fine-tuned on the
     * attacker's (plain) data with {@code config}, pruned weights re-zeroed after each step, and
     * evaluated on {@code test}, since the attacker's own images are no longer unseen.
     *
     * @throws IllegalArgumentException if the config names a checkpoint (every rate must start
     *     from the stolen weights)
     */
    public PruningAttack withFineTuning(TrainingConfig config, RandomAccessDataset test) {
        FineTuningAttack.rejectCheckpoint(config);
        return new PruningAttack(this, config, Objects.requireNonNull(test, "test set"));
    }

    /** The rates 0.1, 0.2, …, 0.9. */
    public static double[] paperRates() {
        double[] rates = new double[9];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = (i + 1) / 10.0;
        }
        return rates;
    }

    /**
     * @return one row per rate: the sparsity reached (the fraction of prunable weights actually
     *     zeroed) and the accuracy with the correct key, the incorrect keys' mean and spread, and on
     *     plain images (on the attacker's data, or after fine-tuning on the test set)
     */
    @Override
    public PruningResult run(Network model, RandomAccessDataset attackerData) throws IOException, TranslateException {
        List<PruningResult.Row> rows = new ArrayList<>();
        WeightSnapshot stolen = new WeightSnapshot(model.block());
        try {
            for (double r : rates) {
                stolen.restore();
                try (PruningMask mask = MagnitudePruning.prune(model.block(), r, scope)) {
                    RandomAccessDataset evaluated = attackerData;
                    if (fineTuning != null) {
                        new TrainingLoop(model, fineTuning).afterStep(mask::reapply)
                                .fit(attackerData, UnaryOperator.identity());
                        evaluated = test;
                    }
                    AccessControlResult result =
                            AccessControl.evaluate(model, evaluated, correctKey, incorrectKeys, batchSize);
                    rows.add(new PruningResult.Row(r, mask.sparsity(), result.correct(), result.incorrectMean(),
                            result.incorrectStd(), result.plain()));
                }
            }
        } finally {
            stolen.restore();
        }
        return new PruningResult("pruning attack (" + scope + (fineTuning == null ? ")" : ", fine-tuned)"), rows);
    }
}
