package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.util.SplittableRandom;
import org.modelkey.data.Seeds;

/**
 * Decoys for a specific watermark (a kit extension, not in Zhong et al. 2020): normal training
 * images, each carrying its own independently keyed ±β pattern ({@link KeyedNoise}), under their
 * <em>true</em> labels. Trained beside the key samples, they teach the model that noise of
 * intensity β is no reason to answer the watermark label, so only the owner's pattern is: without
 * them a model watermarked with keyed noise gives its label to anyone's noise of the same β, and
 * the ownership test then proves that a model carries <em>a</em> noise watermark, not whose.
 */
public final class DecoySet {

    private final RandomAccessDataset bases;
    private final long[] indices;
    private final KeyedNoise[] patterns;

    private DecoySet(RandomAccessDataset bases, long[] indices, KeyedNoise[] patterns) {
        this.bases = bases;
        this.indices = indices;
        this.patterns = patterns;
    }

    /**
     * Draws {@code count} distinct base images of {@code bases} with a seed and gives decoy j the
     * pattern of intensity {@code beta} keyed by a secret derived from {@code secret} and j.
     *
     * @throws IllegalArgumentException if count is not in 1..|bases|
     */
    public static DecoySet select(RandomAccessDataset bases, int count, double beta, long secret, long seed) {
        int n = Math.toIntExact(bases.size());
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("asked for " + count + " decoys from " + n + " base images: give 1.." + n
                    + " (a share of the training set such as 0.05)");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] chosen = new long[count];
        KeyedNoise[] patterns = new KeyedNoise[count];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int pick = order[j];
            order[j] = order[i];
            order[i] = pick;
            chosen[i] = pick;
            patterns[i] = new KeyedNoise(beta, Seeds.derive(secret, "decoy-" + i));
        }
        return new DecoySet(bases, chosen, patterns);
    }

    /** The decoy count for a share of a training set: {@code round(share · n)}, at least 1. */
    public static int size(double share, long trainingSize) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("decoy share " + share + " is outside (0, 1]: give e.g. 0.05 (decoys per"
                    + " normal training image)");
        }
        return Math.toIntExact(Math.max(1, Math.round(share * trainingSize)));
    }

    /** Number of decoys. */
    public int size() {
        return indices.length;
    }

    /** Decoy {@code j}: its base image with the j-th pattern, and the base image's own label. */
    public Record get(NDManager manager, int j) throws IOException {
        Record base = bases.get(manager, indices[j]);
        NDArray image = patterns[j].apply(base.getData().head());
        base.getData().close();
        return new Record(new NDList(image), base.getLabels());
    }

    /** The data set the base images come from. */
    public RandomAccessDataset bases() {
        return bases;
    }

    @Override
    public String toString() {
        return indices.length + " decoys, keyed noise β=" + patterns[0].beta() + " with a pattern each, true labels";
    }
}
