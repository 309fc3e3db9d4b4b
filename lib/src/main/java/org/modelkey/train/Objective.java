package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import org.modelkey.data.DataChecks;
import org.modelkey.model.ModelSpec;

/**
 * What {@link TrainingLoop} minimises and counts: the loss, the labels as the loss reads them, and
 * how many predictions of a batch are right out of how many are counted (images for a classifier,
 * labelled pixels for a segmentation model). The epoch's loss is the mean over the counted units.
 */
public interface Objective {

    /** @return the loss a step minimises, mean over the counted units of a batch */
    Loss loss();

    /** @return the batch's labels as {@link #loss()} reads them */
    NDArray labels(NDArray labels);

    /** @return the number of right predictions among the counted units of a batch */
    long correct(NDArray scores, NDArray labels);

    /** @return the number of units the loss of a batch is a mean over */
    long counted(NDArray labels);

    /** Fails with a clear message, before a long run starts, when {@code data} does not fit {@code spec}. */
    void check(RandomAccessDataset data, ModelSpec spec) throws IOException;

    /** @return softmax cross-entropy on class indices, counted per image (the classification papers) */
    static Objective classification() {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        return new Objective() {
            @Override
            public Loss loss() {
                return loss;
            }

            @Override
            public NDArray labels(NDArray labels) {
                return labels.toType(DataType.INT64, false);
            }

            @Override
            public long correct(NDArray scores, NDArray labels) {
                return scores.argMax(1).eq(labels).countNonzero().getLong();
            }

            @Override
            public long counted(NDArray labels) {
                return labels.getShape().get(0);
            }

            @Override
            public void check(RandomAccessDataset data, ModelSpec spec) throws IOException {
                DataChecks.checkImages(data, spec);
            }

            @Override
            public String toString() {
                return "softmax cross-entropy";
            }
        };
    }
}
