package org.modelkey.attack;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.modelkey.key.SecretKey;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Random key search, the brute-force baseline of the key-estimation attack (the authors'
 * {@code random_key_search}): try many random keys of the known kind and block size on one batch
 * of the attacker's data and keep the best. Keys are drawn from the attacker's seed, so a search
 * is repeatable.
 * For FFX every random key carries its own random password.
 */
public final class RandomKeySearch implements KeySearch {

    private final int keys;

    /**
     * @param keys number of random keys to try (the authors tried 20,000)
     * @throws IllegalArgumentException if {@code keys} is not positive
     */
    public RandomKeySearch(int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("number of random keys " + keys
                    + " is not positive: try at least 1 key (the authors tried 20000)");
        }
        this.keys = keys;
    }

    public int keys() {
        return keys;
    }

    /** Tries {@code keys} random keys of the known kind and M; the first best one is kept. */
    @Override
    public KeySearchResult search(KeyObjective objective, AttackerKnowledge knowledge, int channels) {
        Objects.requireNonNull(objective, "objective");
        SplittableRandom rng = new SplittableRandom(knowledge.seed());
        double[] candidate = new double[keys];
        double[] kept = new double[keys];
        long t0 = System.nanoTime();
        SecretKey start = null;
        SecretKey best = null;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < keys; k++) {
            SecretKey key = SecretKey.fromSeed(knowledge.kind(), knowledge.blockSize(), channels, rng.nextLong());
            double a = objective.accuracy(key);
            if (start == null) {
                start = key;
            }
            if (a > bestAccuracy) {
                bestAccuracy = a;
                best = key;
            }
            candidate[k] = a;
            kept[k] = bestAccuracy;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int[] index = new int[keys];
        Arrays.setAll(index, k -> k);
        Table curve = Table.create("random key search curve",
                IntColumn.create("evaluation", index),
                DoubleColumn.create("candidate_accuracy", candidate),
                DoubleColumn.create("kept_accuracy", kept));
        return new KeySearchResult("random key search", start, best, candidate[0], bestAccuracy, keys, seconds,
                Double.NaN, Double.NaN, curve);
    }
}
