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
 * key K should score well with K and poorly with any other key K' or on plain images (APSIPA 2021;
 * ICIP 2021, Table 1; segmentation paper, Sec. 3.3 and Fig. 6). The score is the task's own metric,
 * accuracy for a classifier, mean IoU for a segmentation model. The keys arrive as transforms, so
 * this class needs nothing from the key package.
 */
public final class AccessControl {

    /** A model's score on its evaluation set seen through one input transform (higher is better). */
    @FunctionalInterface
    public interface Score {
        double of(UnaryOperator<NDArray> transform) throws IOException, TranslateException;
    }

    private AccessControl() {}

    /**
     * Classification: top-1 accuracy of {@code network} on {@code test}.
     *
     * @param correctKey the transform of the key the model was trained with
     * @param incorrectKeys transforms of other keys of the same kind (at least one)
     */
    public static AccessControlResult evaluate(Network network, RandomAccessDataset test,
            UnaryOperator<NDArray> correctKey, List<UnaryOperator<NDArray>> incorrectKeys, int batchSize)
            throws IOException, TranslateException {
        return evaluate(t -> Predictions.of(network, test, t, batchSize).accuracy(), correctKey, incorrectKeys);
    }

    /**
     * Any task: {@code score} with the correct key, with each incorrect key (their mean and sample
     * standard deviation) and on plain images (the identity transform).
     *
     * @param incorrectKeys transforms of other keys of the same kind (at least one)
     */
    public static AccessControlResult evaluate(Score score, UnaryOperator<NDArray> correctKey,
            List<UnaryOperator<NDArray>> incorrectKeys) throws IOException, TranslateException {
        if (incorrectKeys.isEmpty()) {
            throw new IllegalArgumentException("no incorrect keys given: pass at least one (the papers use many)");
        }
        double correct = score.of(correctKey);
        double[] incorrect = new double[incorrectKeys.size()];
        for (int i = 0; i < incorrect.length; i++) {
            incorrect[i] = score.of(incorrectKeys.get(i));
        }
        return AccessControlResult.of(correct, incorrect, score.of(UnaryOperator.identity()));
    }
}
