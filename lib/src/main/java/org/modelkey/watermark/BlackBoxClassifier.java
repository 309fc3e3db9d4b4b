package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * A suspect model seen as a remote API (Zhong et al. 2020, "black-box" verification): it takes a
 * batch of images and answers one predicted label each; nothing else about it is known but the
 * number of labels it can answer.
 */
public interface BlackBoxClassifier {

    /** Number of labels the model can answer, 0..classes-1. */
    int classes();

    /** Predicted labels, one per image of an N×C×H×W batch, as an integer or float array of length N. */
    NDArray predict(NDArray images);

    /** A black box around any function from a batch to its predicted labels. */
    static BlackBoxClassifier of(int classes, UnaryOperator<NDArray> predict) {
        if (classes < 1) {
            throw new IllegalArgumentException("a classifier answers at least one label, got " + classes);
        }
        return new BlackBoxClassifier() {
            @Override
            public int classes() {
                return classes;
            }

            @Override
            public NDArray predict(NDArray images) {
                return predict.apply(images);
            }
        };
    }

    /**
     * A black box that answers the arg-max of a scoring function (e.g. a model's forward pass to
     * N×K logits); K is the number of labels.
     */
    static BlackBoxClassifier ofScores(int classes, UnaryOperator<NDArray> scores) {
        return of(classes, images -> {
            NDArray s = scores.apply(images);
            if (s.getShape().dimension() != 2 || s.getShape().get(1) != classes) {
                throw new IllegalArgumentException("scores of shape " + s.getShape() + " for a " + classes
                        + "-label model: the scoring function must return N×" + classes);
            }
            NDArray labels = s.argMax(1);
            s.close();
            return labels;
        });
    }
}
