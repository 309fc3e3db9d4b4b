package org.modelkey.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.FfxTransform;

/**
 * Ciphertext-only recovery of an FFX key's effect (the kit's own attack, beyond the papers' threat
 * model), in three steps, from encrypted images alone:
 * <ol>
 *   <li><b>Selected positions.</b> FFX replaces the 8-bit value v at the selected positions by E(v),
 *       a pseudo-random table, which destroys its correlation with every other position; the
 *       unselected positions keep v and correlate as natural images do. The ⌊L/2⌋ positions with the
 *       lowest mean absolute correlation with the others are taken as selected.
 *   <li><b>Divisor.</b> Every value is an integer code divided by the table maximum s ({@link FfxTransform}):
 *       the smallest s in 256..999 that makes every observed value times s an integer is the divisor,
 *       and the codes follow. At the unselected positions the codes are the plain 8-bit values, exactly:
 *       with the positions known, the attacker reads half of every block of every image in clear.
 *   <li><b>Substitution table.</b> At a selected position the plain value is predicted from the
 *       unselected positions of the same block that a {@link NaturalImagePrior} expects to correlate
 *       most with it (the mean of the four best); each code's value is the median of its
 *       predictions. When all 256 codes of the table have been seen, they are ranked by that median
 *       and given the values 0..255 in order (the table is a bijection of 256 values); otherwise each
 *       code keeps its rounded median. Codes never seen stay unknown, and decryption falls back on
 *       the prediction.
 * </ol>
 * The password is not recovered (HMAC-SHA1 keeps it), only the table it makes, as far as the
 * observations go: {@link FfxRecovery} says how far.
 *
 * <p>How far it goes, measured on the kit's 32×32 stamp scenes with {@link NaturalImagePrior#DEFAULT}:
 * at M = 4, C = 3 the selected positions and the divisor exactly from one image; the table from 100
 * images (all 256 codes seen) with 116 of 256 entries exact and a mean error of 1.3 levels, while
 * from 1 to 10 images it stays 9–16 levels off; at M = 8, 174 of 192 positions from one image, all
 * from five, and 111 exact entries from 100. Speed on the kit's 2-core machine shared with other
 * jobs: 5–50 ms for one image, 0.1–0.2 s for 100.
 */
public final class CiphertextFfxAttack {

    /** Unselected positions the prediction of a selected one averages. */
    private static final int PREDICTORS = 4;
    private static final int LEVELS = 256;
    private static final int CODES = 1000;

    private final NaturalImagePrior prior;

    public CiphertextFfxAttack(NaturalImagePrior prior) {
        this.prior = Objects.requireNonNull(prior, "prior");
    }

    /** Recovers selected positions, divisor and table from {@code count} encrypted C×H×W images stored one after another. */
    public FfxRecovery recover(float[] ciphertexts, int count, BlockLayout layout) {
        long t0 = System.nanoTime();
        BlockStatistics stats = BlockStatistics.of(ciphertexts, count, layout);
        int length = layout.blockLength();
        int[] selected = leastCorrelated(stats.within(), length / 2);
        boolean[] mask = new boolean[length];
        for (int k : selected) {
            mask[k] = true;
        }
        int scale = divisor(ciphertexts);
        int[][] predictors = predictors(mask, layout);
        List<List<Double>> predictions = new ArrayList<>();
        for (int w = 0; w < CODES; w++) {
            predictions.add(new ArrayList<>());
        }
        int size = layout.imageSize();
        float[] image = new float[size];
        for (int n = 0; n < count; n++) {
            System.arraycopy(ciphertexts, n * size, image, 0, size);
            float[] blocks = layout.split(image);
            for (int b = 0; b < layout.blockCount(); b++) {
                for (int k : selected) {
                    int w = Math.round(blocks[b * length + k] * scale);
                    predictions.get(w).add(predict(blocks, b * length, predictors[k], scale));
                }
            }
        }
        int[] inverse = new int[CODES];
        Arrays.fill(inverse, -1);
        double[] median = new double[CODES];
        List<Integer> seen = new ArrayList<>();
        for (int w = 0; w < CODES; w++) {
            List<Double> p = predictions.get(w);
            if (!p.isEmpty()) {
                p.sort(null);
                median[w] = p.get(p.size() / 2);
                seen.add(w);
            }
        }
        boolean ranked = seen.size() == LEVELS;
        if (ranked) {
            seen.sort(Comparator.comparingDouble(w -> median[w]));
            for (int v = 0; v < LEVELS; v++) {
                inverse[seen.get(v)] = v;
            }
        } else {
            for (int w : seen) {
                inverse[w] = (int) Math.max(0, Math.min(LEVELS - 1, Math.round(median[w])));
            }
        }
        int[] forward = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            int best = -1;
            for (int w : seen) {
                if (best < 0 || Math.abs(inverse[w] - v) < Math.abs(inverse[best] - v)) {
                    best = w;
                }
            }
            forward[v] = best;
        }
        return new FfxRecovery(layout.blockSize(), layout.channels(), selected, scale, inverse, forward, predictors,
                seen.size(), ranked, count, stats.blocks(), (System.nanoTime() - t0) / 1e9);
    }

    /** The {@code howMany} positions with the lowest mean absolute correlation with the other positions, sorted. */
    static int[] leastCorrelated(double[][] within, int howMany) {
        int length = within.length;
        double[] score = new double[length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < length; j++) {
                score[i] += i == j ? 0 : Math.abs(within[i][j]);
            }
        }
        return IntStream.range(0, length).boxed().sorted(Comparator.comparingDouble(i -> score[i])).limit(howMany)
                .mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * The divisor s of FFX ciphertexts: the smallest integer in 256..999 for which every value
     * times s lies within 0.01 of an integer.
     */
    static int divisor(float[] values) {
        for (int s = LEVELS; s < CODES; s++) {
            boolean fits = true;
            for (float x : values) {
                double code = x * (double) s;
                if (Math.abs(code - Math.rint(code)) > 0.01 || code > CODES - 1 + 0.01) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                return s;
            }
        }
        throw new IllegalArgumentException("no divisor in 256..999 makes every observed value an integer code:"
                + " these are not FFX ciphertexts of 8-bit images (give the images exactly as the FFX transform wrote them,"
                + " not resized or recompressed)");
    }

    /** For every position, the unselected positions of its block the prior expects to correlate most with it. */
    private int[][] predictors(boolean[] mask, BlockLayout layout) {
        double[][] p = prior.matrix(layout.blockSize(), layout.channels(), 0, 0);
        int length = mask.length;
        int[][] out = new int[length][];
        for (int k = 0; k < length; k++) {
            int kk = k;
            out[k] = IntStream.range(0, length).filter(j -> !mask[j]).boxed()
                    .sorted(Comparator.comparingDouble(j -> -p[kk][j])).limit(PREDICTORS).mapToInt(Integer::intValue)
                    .toArray();
        }
        return out;
    }

    /** Plain 8-bit value expected at a selected position: the mean code of its predictors (their plain values). */
    static double predict(float[] blocks, int offset, int[] predictors, int scale) {
        double sum = 0;
        for (int j : predictors) {
            sum += Math.round(blocks[offset + j] * scale);
        }
        return sum / predictors.length;
    }
}
