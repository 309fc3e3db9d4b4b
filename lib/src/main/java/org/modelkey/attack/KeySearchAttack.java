package org.modelkey.attack;

import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.util.Objects;
import org.modelkey.data.DataChecks;
import org.modelkey.model.Network;

/**
 * A {@link KeySearch} run against a stolen model as a {@link ModelAttack}: the objective is the
 * model's accuracy on the first {@code batchSize} records of the attacker's data, all of them if
 * fewer (as the authors took one batch of their loader). The result reports the search's speed
 * beside the model's plain inference throughput on that batch, and the share of the search's time
 * the key transform took.
 */
public final class KeySearchAttack implements ModelAttack<KeySearchResult> {

    /** Forward passes timed for the plain throughput, before and after the search (load on a shared machine drifts). */
    private static final int PLAIN_REPEATS = 5;

    private final KeySearch search;
    private final AttackerKnowledge knowledge;
    private final int batchSize;

    /**
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     */
    public KeySearchAttack(KeySearch search, AttackerKnowledge knowledge, int batchSize) {
        this.search = Objects.requireNonNull(search, "key search");
        this.knowledge = Objects.requireNonNull(knowledge, "attacker's knowledge");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize
                    + " is not positive: the attacker needs at least 1 labelled image");
        }
        this.batchSize = batchSize;
    }

    /**
     * Runs the search on {@code model} with the attacker's data.
     *
     * @return the key found, its accuracy, the curve and the speed beside plain inference
     */
    @Override
    public KeySearchResult run(Network model, RandomAccessDataset attackerData) throws IOException {
        DataChecks.checkImages(attackerData, model.spec());
        try (BatchAccuracy objective = BatchAccuracy.of(model.model(), attackerData,
                (int) Math.min(batchSize, attackerData.size()))) {
            double before = objective.forwardsPerSecond(PLAIN_REPEATS);
            objective.resetTiming();
            KeySearchResult result = search.search(objective, knowledge, model.spec().channels());
            double share = objective.transformShare();
            double after = objective.forwardsPerSecond(PLAIN_REPEATS);
            return result.withSpeed((before + after) / 2, share);
        }
    }
}
