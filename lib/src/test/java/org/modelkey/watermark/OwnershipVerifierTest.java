package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OwnershipVerifierTest {

    private static final int PIXELS = SyntheticSet.SIDE * SyntheticSet.SIDE;

    /** Class means of a synthetic set, for a nearest-centroid stand-in classifier. */
    private static float[][] centroids(NDManager m, ArrayDataset set, int classes) throws Exception {
        float[][] sum = new float[classes][PIXELS];
        int[] count = new int[classes];
        for (long i = 0; i < set.size(); i++) {
            var r = set.get(m, i);
            int c = (int) r.getLabels().head().getFloat();
            float[] x = r.getData().head().toFloatArray();
            for (int p = 0; p < PIXELS; p++) {
                sum[c][p] += x[p];
            }
            count[c]++;
        }
        for (int c = 0; c < classes; c++) {
            for (int p = 0; p < PIXELS; p++) {
                sum[c][p] /= count[c];
            }
        }
        return sum;
    }

    /**
     * A nearest-centroid classifier with {@code outputs} labels; when {@code mark} is given it also
     * answers {@code markLabel} for images whose residual correlates with the keyed noise pattern,
     * the behaviour a watermarked model learns.
     */
    private static BlackBoxClassifier standIn(float[][] centroids, int outputs, KeyedNoise mark, int markLabel) {
        return BlackBoxClassifier.of(outputs, images -> {
            int n = (int) images.getShape().get(0);
            float[] x = images.toFloatArray();
            float[] answers = new float[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDistance = Double.MAX_VALUE;
                for (int c = 0; c < centroids.length; c++) {
                    double d = 0;
                    for (int p = 0; p < PIXELS; p++) {
                        double r = x[i * PIXELS + p] - centroids[c][p];
                        d += r * r;
                    }
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                answers[i] = best;
                if (mark != null) {
                    double correlation = 0;
                    for (int p = 0; p < PIXELS; p++) {
                        correlation += (x[i * PIXELS + p] - centroids[best][p]) * mark.sign(p);
                    }
                    if (correlation > 0.4 * mark.beta() * PIXELS) {
                        answers[i] = markLabel;
                    }
                }
            }
            return images.getManager().create(answers);
        });
    }

    @Test
    void detectsAModelThatAnswersTheMarkAndNotOneThatNeverLearnedIt() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 300, 3, 1, 32);
            ArrayDataset test = SyntheticSet.of(m, 300, 3, 2, 32);
            float[][] centroids = centroids(m, train, 3);
            KeyedNoise noise = new KeyedNoise(0.2, 77);

            WatermarkLabel newLabel = WatermarkLabel.newLabel(3);
            KeySet fresh = KeySet.select(test, 200, noise, newLabel, 3);
            OwnershipVerifier verifier = new OwnershipVerifier(0.01, 1e-6);
            Verdict marked = verifier.verify(standIn(centroids, 4, noise, 3), fresh, m, 64);
            assertTrue(marked.detected(), marked.toString());
            assertTrue(marked.markRate() > 0.9, marked.toString());
            Verdict innocent = verifier.verify(standIn(centroids, 4, null, 3), fresh, m, 64);
            assertFalse(innocent.detected(), innocent.toString());
            assertEquals(0, innocent.hits());

            // Zhang et al.'s existing label: an innocent model answers class 0 on key samples of the
            // other classes no more than chance allows
            WatermarkLabel existing = WatermarkLabel.existing(0, 3);
            KeySet freshExisting = KeySet.select(test, 150, noise, existing, 3);
            OwnershipVerifier againstChance = new OwnershipVerifier(1.0 / 3, 1e-6);
            Verdict innocentExisting = againstChance.verify(standIn(centroids, 3, null, 0), freshExisting, m, 64);
            assertFalse(innocentExisting.detected(), innocentExisting.toString());
            Verdict markedExisting = againstChance.verify(standIn(centroids, 3, noise, 0), freshExisting, m, 64);
            assertTrue(markedExisting.detected(), markedExisting.toString());
        }
    }

    @Test
    void falsePositivesStayUnderTheBound() {
        // innocent models answering the watermark label at exactly the null rate p0
        Random random = new Random(12345);
        double p0 = 0.1;
        int queries = 60;
        int trials = 4000;
        OwnershipVerifier loose = new OwnershipVerifier(p0, 0.01);
        OwnershipVerifier strict = new OwnershipVerifier(p0, 1e-6);
        int looseAlarms = 0;
        int strictAlarms = 0;
        for (int t = 0; t < trials; t++) {
            int hits = 0;
            for (int q = 0; q < queries; q++) {
                hits += random.nextDouble() < p0 ? 1 : 0;
            }
            looseAlarms += loose.decide(queries, hits).detected() ? 1 : 0;
            strictAlarms += strict.decide(queries, hits).detected() ? 1 : 0;
        }
        double rate = (double) looseAlarms / trials;
        assertTrue(rate <= 0.01 + 4 * Math.sqrt(0.01 / trials), "false-positive rate " + rate + " above 1 %");
        assertEquals(0, strictAlarms);
    }

    @Test
    void queriesNeeded() {
        // p0 = 0 (an innocent model cannot answer the new label): one hit proves it
        assertEquals(1, new OwnershipVerifier(0, 1e-6).queriesNeeded(1));
        assertEquals(4, new OwnershipVerifier(0, 1e-6).queriesNeeded(0.25));
        // p0 = 0.1, every answer marked: 0.1^n ≤ 1e-6 first at n = 6
        assertEquals(6, new OwnershipVerifier(0.1, 1e-6).queriesNeeded(1));
        OwnershipVerifier v = new OwnershipVerifier(0.1, 1e-6);
        int n = v.queriesNeeded(0.9);
        assertTrue(v.decide(n, (int) Math.floor(0.9 * n)).detected());
        for (int fewer = 1; fewer < n; fewer++) {
            assertFalse(v.decide(fewer, (int) Math.floor(0.9 * fewer)).detected());
        }
        assertThrows(IllegalArgumentException.class, () -> v.queriesNeeded(0.1));
    }

    @Test
    void decisionAndBadInput() {
        OwnershipVerifier v = new OwnershipVerifier(0.5, 0.125);
        Verdict all = v.decide(3, 3);
        assertTrue(all.detected());
        assertEquals(0.125, all.pValue(), 1e-12);
        assertFalse(v.decide(3, 2).detected());
        assertThrows(IllegalArgumentException.class, () -> v.decide(3, 4));
        assertThrows(IllegalArgumentException.class, () -> new OwnershipVerifier(1, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new OwnershipVerifier(0.1, 0));
        assertTrue(new OwnershipVerifier(0.01, 1e-6).decide(5000, 5000).toString().contains("e-"));
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset test = SyntheticSet.of(m, 30, 3, 2, 8);
            KeySet fresh = KeySet.select(test, 10, KeyPattern.noise(0.1, 1), WatermarkLabel.newLabel(3), 1);
            BlackBoxClassifier threeOutputs = BlackBoxClassifier.of(3, x -> x.getManager().zeros(new Shape(x.getShape().get(0))));
            String message = assertThrows(IllegalArgumentException.class,
                    () -> new OwnershipVerifier(0, 1e-6).verify(threeOutputs, fresh, m, 4)).getMessage();
            assertTrue(message.contains("answers 3 labels") && message.contains("4 outputs"), message);
            BlackBoxClassifier liar = BlackBoxClassifier.of(4, x -> x.getManager().full(new Shape(x.getShape().get(0)), 7f));
            assertThrows(IllegalArgumentException.class, () -> new OwnershipVerifier(0, 1e-6).verify(liar, fresh, m, 4));
            BlackBoxClassifier scores = BlackBoxClassifier.ofScores(4, x -> {
                NDArray s = x.getManager().zeros(new Shape(x.getShape().get(0), 4));
                s.set(new NDIndex(":, 3"), 1f);
                return s;
            });
            Verdict verdict = new OwnershipVerifier(0, 1e-6).verify(scores, fresh, m, 4);
            assertEquals(10, verdict.hits());
        }
    }
}
