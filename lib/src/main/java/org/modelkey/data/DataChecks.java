package org.modelkey.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import org.modelkey.model.ModelSpec;

/** Checks, before a long run starts, that a data set fits the network it is meant for. */
public final class DataChecks {

    private DataChecks() {}

    /**
     * Fails with a clear message when the data set is empty, its first image is not the C×H×W the
     * model takes, or its first label is not a class index of the model.
     */
    public static void checkImages(RandomAccessDataset data, ModelSpec spec) throws IOException {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the data set is empty: give at least one batch of images");
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Record first = data.get(manager, 0);
            spec.checkInput(first.getData().head().getShape());
            float label = first.getLabels().head().toType(DataType.FLOAT32, false).getFloat();
            if (label < 0 || label >= spec.classes() || label != Math.rint(label)) {
                throw new IllegalArgumentException("label " + label + " of the first record is not a class index of "
                        + spec + ": labels must be integers 0.." + (spec.classes() - 1)
                        + "; build the model with the data set's number of classes");
            }
        }
    }
}
