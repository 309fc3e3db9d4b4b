package org.modelkey.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.modelkey.data.DataChecks;
import org.modelkey.data.EpochSampler;
import org.modelkey.model.Network;

/**
 * A network's predicted class for every image of a test set, beside the true class. The images
 * pass through {@code transform} on the network's device first: the correct key, an incorrect key,
 * or the identity for plain images (the three test conditions of ICIP 2021, Table 1).
 */
public record Predictions(int[] predicted, int[] truth, int classes) {

    /** Predicts every image of {@code data} in order, {@code batchSize} at a time. */
    public static Predictions of(Network network, RandomAccessDataset data, UnaryOperator<NDArray> transform,
            int batchSize) throws IOException, TranslateException {
        DataChecks.checkImages(data, network.spec());
        int size = Math.toIntExact(data.size());
        int[] predicted = new int[size];
        int[] truth = new int[size];
        int at = 0;
        EpochSampler inOrder = EpochSampler.inOrder(batchSize);
        for (Batch batch : data.getData(network.model().getNDManager(), inOrder)) {
            try (batch) {
                NDArray x = batch.getData().head().toDevice(network.device(), false);
                int[] p = network.predict(transform.apply(x));
                int[] t = batch.getLabels().head().toType(DataType.INT32, false).toIntArray();
                System.arraycopy(p, 0, predicted, at, p.length);
                System.arraycopy(t, 0, truth, at, t.length);
                at += p.length;
            }
        }
        return new Predictions(predicted, truth, network.spec().classes());
    }

    /** Fraction of images whose predicted class is the true one. */
    public double accuracy() {
        int hits = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == truth[i]) {
                hits++;
            }
        }
        return predicted.length == 0 ? Double.NaN : (double) hits / predicted.length;
    }
}
