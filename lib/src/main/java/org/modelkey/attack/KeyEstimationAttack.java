package org.modelkey.attack;

import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The key-estimation attack of the ICIP 2021 paper (Sec. 3.4), as in the authors' code: starting
 * from a random key, each pass visits every index pair i &lt; j of the key vector β, swaps β[i] and
 * β[j], evaluates the accuracy on one batch of the attacker's data and keeps the swap unless the
 * accuracy went down. The attacker knows the transform and M, not the key.
 *
 * <p>β is the SHF permutation or the NP/FFX mask as a 0/1 vector over the L = M·M·C positions.
 * A swap of two equal mask bits leaves the key unchanged, so it is skipped without an evaluation.
 * For FFX only the mask is searched: the password of the start key is kept, so start from a key
 * with the real password to model an attacker who knows it (as the authors' experiments did).
 *
 * <p>One deliberate difference: the authors start with a kept accuracy of 0, so their first swap
 * is always kept; here the start key is evaluated first, so "went down" compares with the accuracy
 * of the key actually held, and the kept accuracy never drops below the start key's.
 */
public final class KeyEstimationAttack implements KeySearch {

    private final int passes;
    private final int maxEvaluations;

    /**
     * @param passes passes over all index pairs (the authors used 10)
     * @throws IllegalArgumentException if {@code passes} is not positive
     */
    public KeyEstimationAttack(int passes) {
        this(passes, Integer.MAX_VALUE);
    }

    /**
     * @param passes passes over all index pairs (the authors used 10)
     * @param maxEvaluations the most evaluations of one search, the start key's included: the search
     *     ends there, within a pass (the rehearsal of the paper profile caps it; the papers do not)
     * @throws IllegalArgumentException if {@code passes} or {@code maxEvaluations} is not positive
     */
    public KeyEstimationAttack(int passes, int maxEvaluations) {
        if (passes < 1) {
            throw new IllegalArgumentException("number of passes " + passes
                    + " is not positive: give at least 1 pass over the index pairs (the authors used 10)");
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("evaluation budget " + maxEvaluations
                    + " is not positive: give at least 1 (the start key's evaluation)");
        }
        this.passes = passes;
        this.maxEvaluations = maxEvaluations;
    }

    public int passes() {
        return passes;
    }

    /** Runs the search from the attacker's random key. */
    @Override
    public KeySearchResult search(KeyObjective objective, AttackerKnowledge knowledge, int channels) {
        return search(objective, knowledge.randomKey(channels));
    }

    /**
     * Runs the search from {@code start} against {@code objective}: {@code passes} passes over the
     * index pairs, one evaluation per swap that changes the key, plus one for the start key; at most
     * {@code maxEvaluations} in all.
     */
    public KeySearchResult search(KeyObjective objective, SecretKey start) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(start, "start key");
        IntColumn evaluation = IntColumn.create("evaluation");
        IntColumn pass = IntColumn.create("pass");
        IntColumn first = IntColumn.create("i");
        IntColumn second = IntColumn.create("j");
        DoubleColumn candidate = DoubleColumn.create("candidate_accuracy");
        DoubleColumn kept = DoubleColumn.create("kept_accuracy");

        long t0 = System.nanoTime();
        int[] beta = entries(start);
        double startAccuracy = objective.accuracy(start);
        double accuracy = startAccuracy;
        SecretKey current = start;
        evaluation.append(0);
        pass.append(0);
        first.append(-1);
        second.append(-1);
        candidate.append(startAccuracy);
        kept.append(startAccuracy);
        search:
        for (int p = 1; p <= passes; p++) {
            for (int i = 0; i < beta.length; i++) {
                for (int j = i + 1; j < beta.length; j++) {
                    if (evaluation.size() >= maxEvaluations) {
                        break search;
                    }
                    if (beta[i] == beta[j]) {
                        continue;
                    }
                    swap(beta, i, j);
                    SecretKey trial = toKey(beta, start);
                    double a = objective.accuracy(trial);
                    if (a < accuracy) {
                        swap(beta, i, j);
                    } else {
                        accuracy = a;
                        current = trial;
                    }
                    evaluation.append(evaluation.size());
                    pass.append(p);
                    first.append(i);
                    second.append(j);
                    candidate.append(a);
                    kept.append(accuracy);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Table curve = Table.create("key estimation curve", evaluation, pass, first, second, candidate, kept);
        return new KeySearchResult("key estimation", start, current, startAccuracy, accuracy,
                evaluation.size(), seconds, Double.NaN, Double.NaN, curve);
    }

    /** β: the SHF permutation, or the mask as 0/1 entries. */
    static int[] entries(SecretKey key) {
        if (key instanceof SecretKey.Shf shf) {
            return shf.permutation();
        }
        boolean[] mask = ((SecretKey.Masked) key).mask();
        int[] beta = new int[mask.length];
        for (int k = 0; k < mask.length; k++) {
            beta[k] = mask[k] ? 1 : 0;
        }
        return beta;
    }

    /** The key with entries β, of the same kind, M, C (and FFX password) as {@code like}. */
    static SecretKey toKey(int[] beta, SecretKey like) {
        if (like.kind() == KeyKind.SHF) {
            return SecretKey.of(KeyKind.SHF, like.blockSize(), like.channels(), beta, null);
        }
        int[] selected = new int[like.length() / 2];
        int s = 0;
        for (int k = 0; k < beta.length; k++) {
            if (beta[k] == 1) {
                selected[s++] = k;
            }
        }
        return ((SecretKey.Masked) like).withPositions(selected);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
