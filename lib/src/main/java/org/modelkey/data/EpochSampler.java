package org.modelkey.data;

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

    private EpochSampler(int batchSize, long seed, int epoch, boolean shuffle, boolean dropLast, int skipBatches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        if (skipBatches < 0) {
            throw new IllegalArgumentException("cannot skip " + skipBatches + " batches: give 0 or more");
        }
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.skipBatches = skipBatches;
    }

    /**
     * @return the training order of {@code epoch}: shuffled from {@code seed} and the epoch, the
     *     last, smaller batch dropped (keeps BatchNorm statistics sound)
     */
    public static EpochSampler training(int batchSize, long seed, int epoch) {
        return new EpochSampler(batchSize, seed, epoch, true, true, 0);
    }

    /** @return the evaluation order 0, 1, 2, … in batches, the last one possibly smaller */
    public static EpochSampler inOrder(int batchSize) {
        return new EpochSampler(batchSize, 0, 0, false, false, 0);
    }

    /** @return this order without its first {@code batches} batches (those done before a resume) */
    public EpochSampler skipping(int batches) {
        return new EpochSampler(batchSize, seed, epoch, shuffle, dropLast, batches);
    }

    /** @return this order with a last, smaller batch kept (true) or dropped (false) */
    public EpochSampler keepingLast(boolean keep) {
        return new EpochSampler(batchSize, seed, epoch, shuffle, !keep, skipBatches);
    }

    /** Number of batches in an epoch over {@code size} items. */
    public static int batchesPerEpoch(long size, int batchSize, boolean dropLast) {
        return (int) (dropLast ? size / batchSize : (size + batchSize - 1) / batchSize);
    }

    /** @return the order of the items in this epoch */
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
