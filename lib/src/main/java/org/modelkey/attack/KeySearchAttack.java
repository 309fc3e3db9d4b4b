package org.modelkey.attack;

import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.util.Objects;
import org.modelkey.model.Network;
import org.modelkey.train.DataChecks;
import tech.tablesaw.api.Table;

/**
 * A {@link KeySearch} run against a stolen model as a {@link ModelAttack}: the objective is the
 * model's accuracy on the first {@code batchSize} records of the attacker's data, all of them if
 * fewer (as the authors
 * took one batch of their loader), and the result reports the search's speed beside the model's
 * plain inference throughput on that batch.
 */
public final class KeySearchAttack implements ModelAttack {

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

    /** Runs the search on {@code model} with the attacker's data; the result holds the curve. */
    public KeySearchResult search(Network model, RandomAccessDataset attackerData) throws IOException {
        DataChecks.checkImages(attackerData, model.spec());
        try (BatchAccuracy objective = BatchAccuracy.of(model.model(), attackerData,
                (int) Math.min(batchSize, attackerData.size()))) {
            KeySearchResult result = search.search(objective, knowledge, model.spec().channels());
            int repeats = (int) Math.max(3, Math.min(30, result.evaluations() / 10));
            return result.withPlainForwardsPerSecond(objective.forwardsPerSecond(repeats));
        }
    }

    /** The one-row {@link KeySearchResult#summary()} of {@link #search}. */
    @Override
    public Table run(Network model, RandomAccessDataset attackerData) throws IOException {
        return search(model, attackerData).summary();
    }
}
