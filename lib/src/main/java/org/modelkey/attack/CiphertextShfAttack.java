package org.modelkey.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;

/**
 * Ciphertext-only recovery of an SHF permutation (the kit's own attack, beyond the papers' threat
 * model): a jigsaw of the block solved from the correlations of encrypted images alone. SHF moves
 * the value at position p[k] to position k in every block, so the observed correlation between
 * positions k and l is the plain images' correlation between p[k] and p[l]: within one block, and
 * between a block and its right or lower neighbour ({@link BlockStatistics}). The cross-block
 * statistics break the block's mirror symmetries (the right edge of a block touches the left edge
 * of the next one; left–right and up–down neighbours differ).
 *
 * <p>The estimate q maximises the agreement Σ<sub>k,l</sub> S[k][l] · P[q[k]][q[l]] between the
 * observed matrices S and a {@link NaturalImagePrior} P, summed over the three kinds of pairs: a
 * quadratic assignment problem. Each restart anneals from a random permutation over pairwise
 * swaps (the change of the agreement under a swap costs O(L)), then climbs (keeps any swap that
 * raises it, until none does); the best restart is kept. Hill climbing alone stalls in local
 * maxima once L grows, and a long cooling beats many restarts (measured on 100 encrypted 32×32 stamp
 * scenes at M = 8, C = 3, L = 192, with {@link NaturalImagePrior#DEFAULT}: 97 positions right with 8
 * climbs, 175 with 6 annealed restarts of 20 sweeps, all 192 with 2 restarts of 60 sweeps; the same
 * 192 on tiles of the kit's background photographs).
 *
 * <p>The prior treats every pair of channels alike, so any relabelling of the C channels fits
 * equally: the recovery returns the C! relabellings of the estimate as candidates for
 * {@link CandidateChoice} to settle on the stolen model.
 *
 * <p>Speed, measured on the kit's 2-core machine shared with other jobs, 32×32 images, 2 restarts
 * of 60 sweeps: about 0.15 s at M = 4, C = 3 (L = 48) and 10–11 s at M = 8 (L = 192), whatever the
 * number of images up to 100; the annealing, L³ operations per sweep, dominates (so M = 16 would
 * take about ten minutes).
 */
public final class CiphertextShfAttack {

    private final NaturalImagePrior prior;
    private final int restarts;
    private final int sweeps;
    private final long seed;

    /**
     * @param prior the correlations expected of natural images
     * @param restarts number of hill climbs from random permutations (at least 1)
     * @param sweeps length of the annealing of each restart, in units of L² swaps tried (0: climb only)
     * @param seed seed of the random starting permutations and of the annealing
     */
    public CiphertextShfAttack(NaturalImagePrior prior, int restarts, int sweeps, long seed) {
        if (restarts < 1 || sweeps < 0) {
            throw new IllegalArgumentException("restarts " + restarts + " must be at least 1 and sweeps " + sweeps
                    + " at least 0: e.g. 2 restarts of 60 sweeps");
        }
        this.prior = Objects.requireNonNull(prior, "prior");
        this.restarts = restarts;
        this.sweeps = sweeps;
        this.seed = seed;
    }

    /** Recovers the permutation from {@code count} encrypted C×H×W images stored one after another, cut as {@code layout}. */
    public CiphertextRecovery recover(float[] ciphertexts, int count, BlockLayout layout) {
        long t0 = System.nanoTime();
        BlockStatistics stats = BlockStatistics.of(ciphertexts, count, layout);
        int m = layout.blockSize();
        int c = layout.channels();
        double[][][] observed = {stats.within(), stats.right(), stats.down()};
        double[][][] expected = {prior.matrix(m, c, 0, 0), prior.matrix(m, c, 0, 1), prior.matrix(m, c, 1, 0)};
        SplittableRandom rng = new SplittableRandom(seed);
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            int[] q = randomPermutation(layout.blockLength(), rng);
            anneal(q, observed, expected, rng);
            climb(q, observed, expected);
            double score = agreement(q, observed, expected);
            if (score > bestScore) {
                bestScore = score;
                best = q;
            }
        }
        List<SecretKey> candidates = new ArrayList<>();
        for (int[] relabel : channelPermutations(c)) {
            int[] q = new int[best.length];
            for (int k = 0; k < q.length; k++) {
                q[k] = best[k] - best[k] % c + relabel[best[k] % c];
            }
            candidates.add(SecretKey.of(KeyKind.SHF, m, c, q, null));
        }
        String unresolved = c == 1 ? "nothing (one channel)"
                : "which channel is which: the prior treats every pair of channels alike, so the " + candidates.size()
                        + " relabellings of the " + c + " channels fit the statistics equally";
        return new CiphertextRecovery(KeyKind.SHF, candidates, count, stats.blocks(), (System.nanoTime() - t0) / 1e9,
                unresolved);
    }

    /**
     * Simulated annealing over swaps: {@code sweeps}·L² random swaps, each kept when it raises the
     * agreement or, when it lowers it by g, with probability exp(−g/T), T falling geometrically
     * from the mean |gain| of random swaps to a thousandth of it.
     */
    private void anneal(int[] q, double[][][] observed, double[][][] expected, SplittableRandom rng) {
        int n = q.length;
        double t0 = 0;
        for (int i = 0; i < 100; i++) {
            t0 += Math.abs(gain(q, rng.nextInt(n), rng.nextInt(n), observed, expected));
        }
        t0 /= 100;
        long steps = (long) sweeps * n * n;
        double cooling = Math.pow(1e-3, 1.0 / Math.max(1, steps));
        double t = t0;
        for (long step = 0; step < steps; step++, t *= cooling) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a == b) {
                continue;
            }
            double g = gain(q, a, b, observed, expected);
            if (g > 0 || rng.nextDouble() < Math.exp(g / t)) {
                swap(q, a, b);
            }
        }
    }

    private static double gain(int[] q, int a, int b, double[][][] observed, double[][][] expected) {
        double gain = 0;
        for (int t = 0; t < observed.length; t++) {
            gain += swapGain(q, a, b, observed[t], expected[t]);
        }
        return gain;
    }

    /** Swaps pairs while a swap raises the agreement; q ends at a local maximum. */
    private static void climb(int[] q, double[][][] observed, double[][][] expected) {
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int a = 0; a < q.length; a++) {
                for (int b = a + 1; b < q.length; b++) {
                    if (gain(q, a, b, observed, expected) > 1e-12) {
                        swap(q, a, b);
                        improved = true;
                    }
                }
            }
        }
    }

    /** Change of Σ S[k][l]·P[q[k]][q[l]] when q[a] and q[b] are swapped, in O(L). */
    static double swapGain(int[] q, int a, int b, double[][] s, double[][] p) {
        int qa = q[a];
        int qb = q[b];
        double gain = 0;
        double[] pa = p[qa];
        double[] pb = p[qb];
        for (int l = 0; l < q.length; l++) {
            if (l == a || l == b) {
                continue;
            }
            int ql = q[l];
            gain += (s[a][l] - s[b][l]) * (pb[ql] - pa[ql]) + (s[l][a] - s[l][b]) * (p[ql][qb] - p[ql][qa]);
        }
        gain += (s[a][a] - s[b][b]) * (pb[qb] - pa[qa]);
        gain += (s[a][b] - s[b][a]) * (pb[qa] - pa[qb]);
        return gain;
    }

    /** Σ S[k][l]·P[q[k]][q[l]] over the kinds of pairs. */
    static double agreement(int[] q, double[][][] observed, double[][][] expected) {
        double total = 0;
        for (int t = 0; t < observed.length; t++) {
            for (int k = 0; k < q.length; k++) {
                for (int l = 0; l < q.length; l++) {
                    total += observed[t][k][l] * expected[t][q[k]][q[l]];
                }
            }
        }
        return total;
    }

    private static void swap(int[] q, int a, int b) {
        int tmp = q[a];
        q[a] = q[b];
        q[b] = tmp;
    }

    private static int[] randomPermutation(int n, SplittableRandom rng) {
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = q[i];
            q[i] = q[j];
            q[j] = tmp;
        }
        return q;
    }

    /** All permutations of 0..n-1 in lexicographic order, the identity first. */
    static List<int[]> channelPermutations(int n) {
        List<int[]> all = new ArrayList<>();
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        while (true) {
            all.add(p.clone());
            int i = n - 2;
            while (i >= 0 && p[i] >= p[i + 1]) {
                i--;
            }
            if (i < 0) {
                return all;
            }
            int j = n - 1;
            while (p[j] <= p[i]) {
                j--;
            }
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
            for (int x = i + 1, y = n - 1; x < y; x++, y--) {
                tmp = p[x];
                p[x] = p[y];
                p[y] = tmp;
            }
        }
    }
}
