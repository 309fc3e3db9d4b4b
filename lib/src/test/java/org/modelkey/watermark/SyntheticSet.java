package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;

/**
 * A tiny labelled image set for tests: 1×8×8 images of {@code classes} classes, class c a bright
 * band on rows 2c and 2c+1 over uniform background noise in [0, 0.3].
 */
final class SyntheticSet {

    static final int SIDE = 8;

    private SyntheticSet() {}

    static ArrayDataset of(NDManager manager, int count, int classes, long seed, int batchSize) {
        Random random = new Random(seed);
        float[] pixels = new float[count * SIDE * SIDE];
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int p = 0; p < SIDE * SIDE; p++) {
                int row = p / SIDE;
                pixels[i * SIDE * SIDE + p] = row / 2 == c ? 0.7f + 0.3f * random.nextFloat() : 0.3f * random.nextFloat();
            }
        }
        NDArray data = manager.create(pixels, new Shape(count, 1, SIDE, SIDE));
        NDArray label = manager.create(labels);
        return new ArrayDataset.Builder().setData(data).optLabels(label).setSampling(batchSize, true).build();
    }
}
