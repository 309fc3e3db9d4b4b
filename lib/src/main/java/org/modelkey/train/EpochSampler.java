package org.modelkey.train;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The batches of one epoch: a permutation of the data drawn from the run's seed and the epoch
 * number alone (so a resumed run sees the same order), cut into batches, optionally skipping those
 * already trained on.
 */
public final class EpochSampler implements Sampler {

    private final int batchSize;
    private final long seed;
    private final int epoch;
    private final boolean shuffle;
    private final boolean dropLast;
    private final int skipBatches;

    /**
     * @param shuffle false for evaluation order (0, 1, 2, …)
     * @param dropLast leaves out a last, smaller batch (training: keeps BatchNorm statistics sound)
     * @param skipBatches number of leading batches to leave out (those done before a resume)
     */
    public EpochSampler(int batchSize, long seed, int epoch, boolean shuffle, boolean dropLast, int skipBatches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.skipBatches = skipBatches;
    }

    /** Number of batches in an epoch over {@code size} items. */
    public static int batchesPerEpoch(long size, int batchSize, boolean dropLast) {
        return (int) (dropLast ? size / batchSize : (size + batchSize - 1) / batchSize);
    }

    /** The order of the items in this epoch. */
    public int[] order(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed * 1_000_003L + epoch);
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        int size = Math.toIntExact(dataset.size());
        int[] order = order(size);
        int batches = batchesPerEpoch(size, batchSize, dropLast);
        List<List<Long>> out = new ArrayList<>(Math.max(0, batches - skipBatches));
        for (int b = skipBatches; b < batches; b++) {
            int end = Math.min(size, (b + 1) * batchSize);
            List<Long> batch = new ArrayList<>(end - b * batchSize);
            for (int i = b * batchSize; i < end; i++) {
                batch.add((long) order[i]);
            }
            out.add(batch);
        }
        return out.iterator();
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }
}
