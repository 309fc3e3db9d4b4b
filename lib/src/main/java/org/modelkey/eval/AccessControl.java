package org.modelkey.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.modelkey.model.Network;

/**
 * Access-control evaluation of a key-protected model: a model trained on images transformed with
 * key K should be accurate with K and near chance with any other key K' or on plain images. The
 * keys arrive as transforms, so this class needs nothing from the key package.
 */
public final class AccessControl {

    private AccessControl() {}

    /**
     * @param correctKey the transform of the key the model was trained with
     * @param incorrectKeys transforms of other keys of the same kind (at least one)
     */
    public static AccessControlResult evaluate(Network network, RandomAccessDataset test,
            UnaryOperator<NDArray> correctKey, List<UnaryOperator<NDArray>> incorrectKeys, int batchSize)
            throws IOException, TranslateException {
        if (incorrectKeys.isEmpty()) {
            throw new IllegalArgumentException("no incorrect keys given: pass at least one (the papers use many)");
        }
        double correct = Predictions.of(network, test, correctKey, batchSize).accuracy();
        double[] incorrect = new double[incorrectKeys.size()];
        for (int i = 0; i < incorrect.length; i++) {
            incorrect[i] = Predictions.of(network, test, incorrectKeys.get(i), batchSize).accuracy();
        }
        double plain = Predictions.of(network, test, UnaryOperator.identity(), batchSize).accuracy();
        double mean = 0;
        for (double a : incorrect) {
            mean += a / incorrect.length;
        }
        double squares = 0;
        for (double a : incorrect) {
            squares += (a - mean) * (a - mean);
        }
        double std = incorrect.length > 1 ? Math.sqrt(squares / (incorrect.length - 1)) : 0;
        return new AccessControlResult(correct, incorrect, mean, std, plain);
    }
}
