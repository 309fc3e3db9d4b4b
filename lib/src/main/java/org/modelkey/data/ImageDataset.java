package org.modelkey.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A DJL data set over an {@link ImageSource}: each record's data is the image as a float32
 * C×H×W array in [0,1]; its label is the class index (int32 scalar) or the H×W mask (int32, 255 =
 * ignore). Records are read on demand, so a source on disk (class folders, VOC, a mapped cache)
 * streams; DJL's {@code optPrefetchNumber} with {@code getData(manager, executor)} reads batches
 * ahead on other threads.
 *
 * <p>An optional {@link SampleTransform} (augmentation) runs per record with a generator seeded
 * by (seed, index, how many times this index was read before), so each epoch sees new crops yet a
 * rerun with the same seed sees the same ones, whatever the thread order.
 *
 * <p>A sweep that trains many models on the same augmented data (one per key, as the segmentation
 * paper's Table 1) can {@linkplain Builder#optCachedAugmentation() cache} each (index, read) sample the
 * first time it is made and call {@link #restartAugmentation()} before each model: decoding and
 * augmentation then run once for the whole sweep, and every model sees exactly the same records.
 */
public final class ImageDataset extends RandomAccessDataset {

    private final ImageSource source;
    private final SampleTransform transform;
    private final long seed;
    private final AtomicIntegerArray reads;
    /** Augmented samples by (index << 32 | read), when caching; else null. */
    private final Map<Long, Sample> augmented;

    private ImageDataset(Builder builder) {
        super(builder);
        this.source = builder.source;
        this.transform = builder.transform;
        this.seed = builder.seed;
        this.reads = new AtomicIntegerArray(builder.source.size());
        this.augmented = builder.cached ? new ConcurrentHashMap<>() : null;
    }

    /** A builder; call {@code setSampling(batchSize, shuffle)} before {@code build()}. */
    public static Builder builder(ImageSource source) {
        return new Builder(source);
    }

    /** The samples behind this data set. */
    public ImageSource source() {
        return source;
    }

    /**
     * Restarts the augmentation sequence, as if no record had been read yet: the next reads give the
     * same samples as the first ones (taken from the cache when {@link Builder#optCachedAugmentation} is on).
     */
    public void restartAugmentation() {
        for (int i = 0; i < reads.length(); i++) {
            reads.set(i, 0);
        }
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        int i = Math.toIntExact(index);
        Sample s = transform == null ? source.sample(i) : augmentedSample(i, reads.getAndIncrement(i));
        Pixels p = s.image();
        NDArray image = manager.create(p.data(), new Shape(p.channels(), p.height(), p.width()));
        NDArray label;
        if (s.mask() == null) {
            label = manager.create(s.label());
        } else {
            int[] mask = new int[s.mask().length];
            for (int k = 0; k < mask.length; k++) {
                mask[k] = s.mask()[k] & 0xff;
            }
            label = manager.create(mask, new Shape(p.height(), p.width()));
        }
        return new Record(new NDList(image), new NDList(label));
    }

    /** Number of augmented samples held by the cache (0 when caching is off). */
    public int cachedSamples() {
        return augmented == null ? 0 : augmented.size();
    }

    private Sample augmentedSample(int index, int read) throws IOException {
        if (augmented == null) {
            return transform.apply(source.sample(index), Seeds.random(seed, index, read));
        }
        long key = (long) index << 32 | read;
        Sample s = augmented.get(key);
        if (s == null) {
            s = transform.apply(source.sample(index), Seeds.random(seed, index, read));
            augmented.put(key, s);
        }
        return s;
    }

    @Override
    protected long availableSize() {
        return source.size();
    }

    @Override
    public void prepare(Progress progress) {
        // Sources are opened (and the stamp scenes built) before the data set is made.
    }

    /** Builder of an {@link ImageDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private final ImageSource source;
        private SampleTransform transform;
        private long seed;
        private boolean cached;

        private Builder(ImageSource source) {
            this.source = source;
        }

        /** Applies {@code transform} to each record, seeded from {@code seed} (see the class comment). */
        public Builder optTransform(SampleTransform transform, long seed) {
            this.transform = transform;
            this.seed = seed;
            return this;
        }

        /**
         * Keeps every augmented sample in memory, keyed by (index, how many times it was read before),
         * so that after {@link ImageDataset#restartAugmentation()} the same records come back without
         * decoding or augmenting again. Costs one float image (and mask) per record read per epoch:
         * e.g. 1,000 images of 3×32×32 for 20 epochs take about 270 MB.
         */
        public Builder optCachedAugmentation() {
            this.cached = true;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ImageDataset build() {
            if (sampler == null) {
                throw new IllegalStateException("no sampling set: call setSampling(batchSize, shuffle) before build()");
            }
            if (cached && transform == null) {
                throw new IllegalStateException("optCachedAugmentation() without an augmentation: call"
                        + " optTransform(transform, seed) too, or drop the cache (plain records are not augmented)");
            }
            return new ImageDataset(this);
        }
    }
}
