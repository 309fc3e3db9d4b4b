package org.modelkey.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Per-pixel cross-entropy, the training loss of the segmentation paper (Sec. 3.1): for scores s of
 * shape N×K×H×W and a mask y of shape N×H×W, the mean of −log softmax(s)[y] over the pixels whose label
 * is not {@value MeanIoU#IGNORE} (as {@code torch.nn.CrossEntropyLoss(ignore_index=255)}). A batch
 * with no scored pixel has loss 0.
 */
public final class PixelCrossEntropyLoss extends Loss {

    private final int classes;

    /** @param classes K, the number of classes the scores cover (background included) */
    public PixelCrossEntropyLoss(int classes) {
        super("PixelCrossEntropyLoss");
        if (classes < 2 || classes >= MeanIoU.IGNORE) {
            throw new IllegalArgumentException("class count " + classes + " is outside 2.." + (MeanIoU.IGNORE - 1)
                    + ": count the background as a class and keep " + MeanIoU.IGNORE + " for the ignore label");
        }
        this.classes = classes;
    }

    /**
     * @param labels the masks, N×H×W class indices (any integer type), {@value MeanIoU#IGNORE} = ignore
     * @param predictions the scores, N×K×H×W (before the softmax)
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        NDArray masks = labels.singletonOrThrow();
        Shape s = scores.getShape();
        if (s.dimension() != 4 || s.get(1) != classes) {
            throw new IllegalArgumentException("scores of shape " + s + " are not N×" + classes
                    + "×H×W: give the FCN's output for " + classes + " classes");
        }
        Shape expected = new Shape(s.get(0), s.get(2), s.get(3));
        if (!masks.getShape().equals(expected)) {
            throw new IllegalArgumentException("mask batch of shape " + masks.getShape() + " does not match scores "
                    + s + ", which need masks " + expected + ": resize or crop image and mask together");
        }
        NDArray target = masks.toType(DataType.INT64, false);
        NDArray scored = target.neq(MeanIoU.IGNORE);
        NDArray safe = NDArrays.where(scored, target, target.zerosLike());
        checkRange(safe);
        NDArray logLikelihood = scores.logSoftmax(1).gather(safe.expandDims(1), 1).squeeze(1);
        NDArray weight = scored.toType(scores.getDataType(), false);
        NDArray pixels = weight.sum().maximum(1f);
        return logLikelihood.neg().mul(weight).sum().div(pixels);
    }

    private void checkRange(NDArray safe) {
        long high = safe.max().getLong();
        long low = safe.min().getLong();
        if (high >= classes || low < 0) {
            throw new IllegalArgumentException("mask value " + (high >= classes ? high : low)
                    + " is not a class index below " + classes + " nor the ignore label " + MeanIoU.IGNORE
                    + ": build the loss with the data set's class count (background included)");
        }
    }
}
