package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A set of key samples: base images drawn from a data set by a seed, turned into key samples by a
 * {@link KeyPattern}, all carrying one {@link WatermarkLabel}. For embedding, the bases are normal
 * training images (or, for Zhang et al.'s unrelated kind, images of another set) and the size is
 * α × |normal training set| (Zhong et al. 2020, α "the ratio of the length of the key sample set to
 * the length of the normal training set"). For verification, {@link #fresh} draws key samples whose
 * base images were never used for embedding.
 *
 * <p>With an existing label, images of that class are never bases (on them the "watermark" answer
 * would be the right answer). Only the base indices are stored; key samples are computed when read.
 */
public final class KeySet {

    private final RandomAccessDataset bases;
    private final long[] indices;
    private final KeyPattern pattern;
    private final WatermarkLabel label;

    private KeySet(RandomAccessDataset bases, long[] indices, KeyPattern pattern, WatermarkLabel label) {
        this.bases = bases;
        this.indices = indices;
        this.pattern = pattern;
        this.label = label;
    }

    /**
     * The key-set size for a ratio α of a normal training set: {@code round(α · n)}.
     *
     * @throws IllegalArgumentException if α is outside (0, 1] or gives no key sample
     */
    public static int size(double alpha, long trainingSize) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("key-set ratio α=" + alpha + " is outside (0, 1]: α is |key set| /"
                    + " |normal training set|, e.g. 0.001 or 0.01");
        }
        long size = Math.round(alpha * trainingSize);
        if (size < 1) {
            throw new IllegalArgumentException("α=" + alpha + " of " + trainingSize + " training images gives no key"
                    + " sample: raise α to at least " + (0.5 / trainingSize) + " or use more training images");
        }
        return Math.toIntExact(size);
    }

    /**
     * Draws {@code count} base images of {@code bases}, without repetition, in an order fixed by
     * {@code seed}.
     *
     * @throws IllegalArgumentException if fewer than {@code count} images qualify
     */
    public static KeySet select(RandomAccessDataset bases, int count, KeyPattern pattern, WatermarkLabel label,
                                long seed) {
        return select(bases, count, pattern, label, seed, new long[0]);
    }

    /**
     * Fresh key samples for querying a suspect model: {@code count} more from the same base images,
     * pattern and label, none built on a base image this set used.
     */
    public KeySet fresh(int count, long seed) {
        return select(bases, count, pattern, label, seed, indices);
    }

    private static KeySet select(RandomAccessDataset bases, int count, KeyPattern pattern, WatermarkLabel label,
                                 long seed, long[] excluded) {
        if (count < 1) {
            throw new IllegalArgumentException("a key set needs at least one key sample, asked for " + count);
        }
        int n = Math.toIntExact(bases.size());
        long[] used = excluded.clone();
        Arrays.sort(used);
        boolean skipLabelClass = !label.isNew() && pattern.kind() != KeySampleKind.UNRELATED;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        long[] chosen = new long[count];
        int taken = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < n && taken < count; i++) { // lazy Fisher–Yates: order[i] is the i-th draw
                int j = i + random.nextInt(n - i);
                int candidate = order[j];
                order[j] = order[i];
                order[i] = candidate;
                if (Arrays.binarySearch(used, candidate) >= 0
                        || skipLabelClass && classOf(bases, candidate, manager) == label.label()) {
                    continue;
                }
                chosen[taken++] = candidate;
            }
        }
        if (taken < count) {
            throw new IllegalArgumentException("asked for " + count + " key samples but only " + taken + " of " + n
                    + " base images qualify (" + used.length + " already used" + (skipLabelClass
                    ? ", images of class " + label.label() + " skipped" : "") + "): lower α or the number of"
                    + " queries, or give a larger base set");
        }
        return new KeySet(bases, chosen, pattern, label);
    }

    private static int classOf(RandomAccessDataset bases, long index, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            return (int) read(bases, index, m).getLabels().head().toType(DataType.FLOAT32, false).getFloat();
        }
    }

    private static Record read(RandomAccessDataset bases, long index, NDManager manager) {
        try {
            return bases.get(manager, index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read base image " + index + " of the key set", e);
        }
    }

    /** Number of key samples. */
    public int size() {
        return indices.length;
    }

    /** Key sample {@code j} (0 ≤ j < size), a C×H×W array attached to {@code manager}. */
    public NDArray image(NDManager manager, int j) {
        Record base = read(bases, indices[j], manager);
        NDArray key = pattern.apply(base.getData().head());
        base.getData().close();
        base.getLabels().close();
        return key;
    }

    /** Key samples {@code from} (inclusive) to {@code to} (exclusive) as an N×C×H×W batch on {@code manager}. */
    public NDArray images(NDManager manager, int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IndexOutOfBoundsException("key samples " + from + ".." + to + " of a set of " + size()
                    + ": need 0 ≤ from < to ≤ " + size());
        }
        try (NDManager batch = manager.newSubManager()) {
            NDList images = new NDList(to - from);
            for (int j = from; j < to; j++) {
                images.add(read(bases, indices[j], batch).getData().head());
            }
            NDArray stacked = NDArrays.stack(images);
            NDArray keys = pattern.apply(stacked);
            keys.attach(manager);
            return keys;
        }
    }

    /** Indices, in the base set, of the images the key samples are made from. */
    public long[] baseIndices() {
        return indices.clone();
    }

    /** The data set the base images come from. */
    public RandomAccessDataset bases() {
        return bases;
    }

    public KeyPattern pattern() {
        return pattern;
    }

    public WatermarkLabel label() {
        return label;
    }

    @Override
    public String toString() {
        return size() + " key samples, " + pattern + ", " + label;
    }
}
