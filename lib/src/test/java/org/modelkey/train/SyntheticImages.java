package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Test data and a stand-in key transform: each class is a random C×H×W template, each image its
 * template plus Gaussian noise, clipped to [0,1]; the key is a fixed random permutation of the
 * positions inside every 2×2 block followed by negation (x' = 1 − x) of half of them, i.e. the
 * block-wise SHF+NP idea in a few lines (the real transforms live in the transform package).
 */
public final class SyntheticImages {

    public static final int C = 3;
    public static final int SIDE = 8;
    private static final int M = 2;
    private static final int L = M * M * C;

    private SyntheticImages() {}

    /** {@code perClass} noisy copies of each of {@code classes} templates drawn from {@code templateSeed}. */
    public static ArrayDataset dataset(NDManager manager, int classes, int perClass, long templateSeed,
            long noiseSeed, int batchSize) {
        Random templates = new Random(templateSeed);
        Random noise = new Random(noiseSeed);
        int pixels = C * SIDE * SIDE;
        float[][] template = new float[classes][pixels];
        for (float[] t : template) {
            for (int i = 0; i < pixels; i++) {
                t[i] = templates.nextFloat();
            }
        }
        int n = classes * perClass;
        float[] data = new float[n * pixels];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            labels[i] = k;
            for (int p = 0; p < pixels; p++) {
                data[i * pixels + p] = Math.min(1f, Math.max(0f, template[k][p] + 0.15f * (float) noise.nextGaussian()));
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(data, new Shape(n, C, SIDE, SIDE)))
                .optLabels(manager.create(labels))
                .setSampling(batchSize, false)
                .build();
    }

    /** The stand-in key transform of {@code keySeed}, on N×C×H×W batches. */
    public static UnaryOperator<NDArray> key(long keySeed) {
        Random random = new Random(keySeed);
        int[] perm = new int[L];
        for (int i = 0; i < L; i++) {
            perm[i] = i;
        }
        for (int i = L - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        float[] permutation = new float[L * L];
        for (int k = 0; k < L; k++) {
            permutation[perm[k] * L + k] = 1f; // output k takes input perm[k]
        }
        float[] mask = new float[L];
        for (int i = 0; i < L; i++) {
            mask[i] = random.nextBoolean() ? 1f : 0f;
        }
        return x -> {
            NDManager m = x.getManager();
            long n = x.getShape().get(0);
            int g = SIDE / M;
            NDArray blocks = x.reshape(n, C, g, M, g, M).transpose(0, 2, 4, 3, 5, 1).reshape(n, g, g, L);
            NDArray shuffled = blocks.matMul(m.create(permutation, new Shape(L, L)).toDevice(x.getDevice(), false));
            NDArray maskArray = m.create(mask).toDevice(x.getDevice(), false);
            NDArray negated = shuffled.mul(maskArray.mul(-2).add(1)).add(maskArray);
            return negated.reshape(n, g, g, M, M, C).transpose(0, 5, 1, 3, 2, 4).reshape(n, C, SIDE, SIDE);
        };
    }
}
