package org.modelkey.attack;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;

/**
 * Ciphertext-only recovery of an NP mask (the kit's own attack, beyond the papers' threat model):
 * from encrypted images alone, no model, labels or plain images. NP maps x to 1 − x at the masked
 * positions of every block, which flips the sign of every correlation between a masked and an
 * unmasked position and keeps all others. Between the positions of a natural image's block all
 * correlations are positive, so the observed correlation matrix is D·R·D with R all-positive and
 * D = diag(±1), −1 at the masked positions; its leading eigenvector is D times R's all-positive
 * (Perron) eigenvector, and its signs are the mask.
 *
 * <p>Second-order statistics cannot tell the mask from its complement (both select L/2 positions
 * and give the same D·R·D up to the sign of D): the recovery returns both, the ⌊L/2⌋ most negative
 * and the ⌊L/2⌋ most positive entries of the eigenvector, for {@link CandidateChoice} to settle on
 * the stolen model.
 *
 * <p>Speed, measured on the kit's 2-core machine shared with other jobs: about 1 ms for one 32×32
 * image at M = 4, C = 3 (L = 48), 20–35 ms for 100 such images, 80 ms for 100 at M = 8 (the
 * statistics dominate).
 */
public final class CiphertextNpAttack {

    private static final int ITERATIONS = 200;

    /** Recovers the mask from {@code count} encrypted C×H×W images stored one after another, cut as {@code layout}. */
    public CiphertextRecovery recover(float[] ciphertexts, int count, BlockLayout layout) {
        long t0 = System.nanoTime();
        BlockStatistics stats = BlockStatistics.of(ciphertexts, count, layout);
        double[] v = leadingEigenvector(stats.within());
        int length = layout.blockLength();
        Integer[] order = IntStream.range(0, length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> v[k]));
        int half = length / 2;
        int[] negative = new int[half];
        int[] positive = new int[half];
        for (int i = 0; i < half; i++) {
            negative[i] = order[i];
            positive[i] = order[length - 1 - i];
        }
        SecretKey a = SecretKey.of(KeyKind.NP, layout.blockSize(), layout.channels(), negative, null);
        SecretKey b = SecretKey.of(KeyKind.NP, layout.blockSize(), layout.channels(), positive, null);
        return new CiphertextRecovery(KeyKind.NP, List.of(a, b), count, stats.blocks(), (System.nanoTime() - t0) / 1e9,
                "the mask or its complement (second-order statistics cannot tell a global flip)");
    }

    /**
     * Leading eigenvector of a symmetric positive semi-definite matrix by power iteration, started
     * from the row with the largest absolute sum (already close to it for D·R·D).
     */
    static double[] leadingEigenvector(double[][] m) {
        int n = m.length;
        int start = 0;
        double bestSum = -1;
        for (int i = 0; i < n; i++) {
            double s = Arrays.stream(m[i]).map(Math::abs).sum();
            if (s > bestSum) {
                bestSum = s;
                start = i;
            }
        }
        double[] v = m[start].clone();
        if (norm(v) == 0) {
            throw new IllegalArgumentException("the observed images do not vary at any block position:"
                    + " observe images with content, not constant ones");
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += m[i][j] * v[j];
                }
                next[i] = s;
            }
            double norm = norm(next);
            for (int i = 0; i < n; i++) {
                v[i] = next[i] / norm;
            }
        }
        return v;
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }
}
