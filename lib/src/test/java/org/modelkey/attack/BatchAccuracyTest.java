package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockTransform;
import tech.tablesaw.api.DoubleColumn;

/**
 * The DJL objective on a tiny protected model: a linear classifier of 1×4×4 images that decrypts NP
 * (M=2) inside its weights, so it is exact with the correct key, like a model trained on encrypted images.
 */
class BatchAccuracyTest {

    private static final int CLASSES = 5;
    private static final int SIDE = 4;
    private static final int PIXELS = SIDE * SIDE;
    private static final int IMAGES = 200;

    private final SecretKey correct = SecretKey.fromSeed(KeyKind.NP, 2, 1, 21);
    private NDManager manager;
    private Model model;
    private NDArray images;
    private NDArray labels;

    @BeforeEach
    void protectedLinearModel() {
        manager = NDManager.newBaseManager();
        Random rng = new Random(3);
        float[] teacher = new float[CLASSES * PIXELS];
        for (int k = 0; k < teacher.length; k++) {
            teacher[k] = (float) rng.nextGaussian();
        }
        float[] plain = new float[IMAGES * PIXELS];
        for (int k = 0; k < plain.length; k++) {
            plain[k] = Math.round(rng.nextFloat() * 255) / 255f;
        }
        int[] classes = new int[IMAGES];
        for (int n = 0; n < IMAGES; n++) {
            classes[n] = argMax(teacher, plain, n * PIXELS);
        }
        // on encrypted input x', the plain pixel is x = s·x' + t (s = -1, t = 1 where NP inverted)
        float[] flip = BlockTransform.of(correct).encrypt(new float[PIXELS], SIDE, SIDE);
        float[] weight = new float[CLASSES * PIXELS];
        float[] bias = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            for (int p = 0; p < PIXELS; p++) {
                float v = teacher[c * PIXELS + p];
                weight[c * PIXELS + p] = flip[p] == 1f ? -v : v;
                bias[c] += flip[p] == 1f ? v : 0f;
            }
        }
        SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(CLASSES).build());
        model = Model.newInstance("protected-linear");
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, SIDE, SIDE));
        var params = net.getParameters();
        params.get(0).getValue().getArray().set(weight);
        params.get(1).getValue().getArray().set(bias);
        images = manager.create(plain, new Shape(IMAGES, 1, SIDE, SIDE));
        labels = manager.create(classes);
    }

    private static int argMax(float[] w, float[] x, int base) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double s = 0;
            for (int p = 0; p < PIXELS; p++) {
                s += w[c * PIXELS + p] * x[base + p];
            }
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    @AfterEach
    void close() {
        model.close();
        manager.close();
    }

    @Test
    void theCorrectKeyIsExactAndWrongKeysAreWorse() {
        try (BatchAccuracy objective = BatchAccuracy.of(model, images, labels)) {
            assertEquals(1.0, objective.accuracy(correct), 1e-9);
            assertTrue(objective.plainAccuracy() < 1.0, "plain images must do worse than the correct key");
            for (SecretKey wrong : correct.incorrectKeys(5, 1)) {
                assertTrue(objective.accuracy(wrong) < 1.0, wrong.toString());
            }
            assertEquals(IMAGES, objective.size());
            assertTrue(objective.forwardsPerSecond(3) > 0);
        }
    }

    @Test
    void theSearchOnARealModelKeepsAMonotoneCurveAndTheCorrectKey() {
        try (BatchAccuracy objective = BatchAccuracy.of(model, images, labels)) {
            KeySearchResult fromCorrect = new KeyEstimationAttack(1).search(objective, correct);
            assertEquals(correct, fromCorrect.estimated());
            assertEquals(1.0, fromCorrect.accuracy(), 1e-9);

            SecretKey start = SecretKey.fromSeed(KeyKind.NP, 2, 1, 99);
            KeySearchResult r = new KeyEstimationAttack(2).search(objective, start);
            DoubleColumn kept = r.curve().doubleColumn("kept_accuracy");
            for (int e = 1; e < kept.size(); e++) {
                assertTrue(kept.getDouble(e) >= kept.getDouble(e - 1), "kept accuracy fell at evaluation " + e);
            }
            assertEquals(objective.accuracy(r.estimated()), r.accuracy(), 1e-9);
        }
    }

    @Test
    void selectedMasksScoreLikeMasksEncryptedInFull() {
        try (BatchAccuracy sequence = BatchAccuracy.of(model, images, labels)) {
            for (SecretKey key : correct.incorrectKeys(5, 4)) {
                double viaSelection = sequence.accuracy(key); // from the second key on, by MaskSelection
                try (BatchAccuracy fresh = BatchAccuracy.of(model, images, labels)) {
                    assertEquals(fresh.accuracy(key), viaSelection, 0.0, key.toString());
                }
            }
        }
    }

    @Test
    void aMaskOfAnotherBlockSizeIsNotTakenFromTheSelection() {
        SecretKey m2 = correct;
        SecretKey m4 = SecretKey.fromSeed(KeyKind.NP, 4, 1, 8);
        try (BatchAccuracy sequence = BatchAccuracy.of(model, images, labels);
                BatchAccuracy fresh = BatchAccuracy.of(model, images, labels)) {
            sequence.accuracy(m2);
            sequence.accuracy(m2); // builds the M=2 selection
            assertEquals(fresh.accuracy(m4), sequence.accuracy(m4), 0.0);
        }
    }

    @Test
    void dataOfAnotherSizeThanTheModelIsRejected() {
        NDArray big = manager.zeros(new Shape(3, 1, 8, 8));
        var e = assertThrows(IllegalArgumentException.class, () -> BatchAccuracy.of(model, big, manager.create(new int[] {0, 1, 2})));
        assertTrue(e.getMessage().contains("(1, 8, 8)") && e.getMessage().contains("takes (1, 4, 4)"), e.getMessage());
    }

    @Test
    void labelsThatDoNotMatchAreRejected() {
        var count = assertThrows(IllegalArgumentException.class,
                () -> BatchAccuracy.of(model, images, manager.create(new int[] {0, 1})));
        assertTrue(count.getMessage().contains("one class index per image"), count.getMessage());
        var range = assertThrows(IllegalArgumentException.class,
                () -> BatchAccuracy.of(model, images, labels.add(CLASSES)));
        assertTrue(range.getMessage().contains("has 5 classes"), range.getMessage());
    }
}
