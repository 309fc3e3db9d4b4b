package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import java.io.IOException;

/**
 * The training set of watermark embedding (Zhong et al. 2020; Zhang et al. 2018): every record of
 * the normal training set, followed by the key samples of a {@link KeySet} labelled with its
 * {@link WatermarkLabel}, then, when given, the {@link DecoySet} under its true labels. Records follow the project's data contract (float32 C×H×W image in [0, 1],
 * class index label, here with the normal set's label type and shape); with the new label the model
 * trained on it needs {@link #classes()} = C + 1 outputs. Batching and shuffling come from the
 * builder's sampler, as for any DJL data set.
 */
public final class WatermarkedDataset extends RandomAccessDataset {

    private final RandomAccessDataset normal;
    private final KeySet keys;
    private final DecoySet decoys;
    private final DataType labelType;
    private final Shape labelShape;

    private WatermarkedDataset(Builder builder, DataType labelType, Shape labelShape) {
        super(builder);
        this.normal = builder.normal;
        this.keys = builder.keys;
        this.decoys = builder.decoys;
        this.labelType = labelType;
        this.labelShape = labelShape;
    }

    /** A builder mixing {@code keys} into {@code normal}; set the sampling before {@link Builder#build()}. */
    public static Builder builder(RandomAccessDataset normal, KeySet keys) {
        return new Builder(normal, keys);
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        long n = normal.size();
        if (index < n) {
            return normal.get(manager, index);
        }
        if (index >= n + keys.size()) {
            return decoys.get(manager, Math.toIntExact(index - n - keys.size()));
        }
        NDArray image = keys.image(manager, Math.toIntExact(index - n));
        NDArray label = manager.full(labelShape, keys.label().label(), labelType);
        return new Record(new NDList(image), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return normal.size() + keys.size() + (decoys == null ? 0 : decoys.size());
    }

    @Override
    public void prepare(Progress progress) throws IOException, TranslateException {
        normal.prepare(progress);
        if (keys.bases() != normal) {
            keys.bases().prepare(progress);
        }
        if (decoys != null && decoys.bases() != normal) {
            decoys.bases().prepare(progress);
        }
    }

    /** Outputs the model trained on this set needs: C + 1 with the new label, C with an existing one. */
    public int classes() {
        return keys.label().outputs();
    }

    /** Number of normal records; key samples follow them. */
    public long normalSize() {
        return normal.size();
    }

    public KeySet keySet() {
        return keys;
    }

    /** Number of decoys after the key samples (0 without). */
    public int decoyCount() {
        return decoys == null ? 0 : decoys.size();
    }

    /** Builds a {@link WatermarkedDataset}; sampling, pipelines and device as for any DJL data set. */
    public static final class Builder extends BaseBuilder<Builder> {
        private final RandomAccessDataset normal;
        private final KeySet keys;
        private DecoySet decoys;

        private Builder(RandomAccessDataset normal, KeySet keys) {
            this.normal = normal;
            this.keys = keys;
        }

        /** Adds decoys, normal images with other keyed patterns under their true labels, after the key samples. */
        public Builder optDecoys(DecoySet value) {
            this.decoys = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the set after checking that key samples have the shape of normal images.
         *
         * @throws IllegalArgumentException if the shapes differ or the normal set is empty
         */
        public WatermarkedDataset build() throws IOException {
            if (normal.size() == 0) {
                throw new IllegalArgumentException("the normal training set is empty: give the training images to"
                        + " watermark");
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                Record first = normal.get(manager, 0);
                Shape imageShape = first.getData().head().getShape();
                Shape keyShape = keys.image(manager, 0).getShape();
                if (!imageShape.equals(keyShape)) {
                    throw new IllegalArgumentException("key samples have shape " + keyShape + " but normal images "
                            + imageShape + ": resize or convert the base images (e.g. the unrelated set) to "
                            + imageShape);
                }
                NDArray label = first.getLabels().head();
                return new WatermarkedDataset(this, label.getDataType(), label.getShape());
            }
        }
    }
}
