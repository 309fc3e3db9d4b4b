package org.modelkey.segment;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.modelkey.report.Interval;

/**
 * Scores a segmentation model on a whole data set seen through a key transform (segmentation paper,
 * Sec. 3.2 and 3.3): the correct key gives Table 1, an incorrect key or the identity (plain images)
 * gives the unauthorized rows of Fig. 6. The transform touches the images only, never the masks; the
 * model runs in inference mode (BatchNorm on its running statistics).
 */
public final class SegmentationEvaluation {

    /**
     * What one pass over a data set measured.
     *
     * @param loss mean per-pixel cross-entropy over the scored pixels (the paper's model-selection criterion)
     * @param iou the accumulated confusion matrix: {@code iou.value()} is the mean IoU
     */
    public record Score(double loss, MeanIoU iou) {
        public double meanIoU() {
            return iou.value();
        }

        public double pixelAccuracy() {
            return iou.pixelAccuracy();
        }

        /** The 95 % bootstrap interval of the mean IoU over the test images ({@link MeanIoU#bootstrap}). */
        public Interval meanIoUInterval(long seed) {
            return iou.bootstrap(Interval.RESAMPLES, seed);
        }

        /**
         * @return the 95 % bootstrap interval, over the test images, of the mean of these scores' mean
         *     IoUs (one model under many incorrect keys; {@link MeanIoU#bootstrapMean})
         */
        public static Interval meanIoUInterval(List<Score> scores, long seed) {
            return MeanIoU.bootstrapMean(scores.stream().map(Score::iou).toList(), Interval.RESAMPLES, seed);
        }

        @Override
        public String toString() {
            return String.format("loss %.4f, mean IoU %.4f, pixel accuracy %.4f", loss, meanIoU(), pixelAccuracy());
        }
    }

    private SegmentationEvaluation() {}

    /**
     * The segmentation maps of a batch (the predictions of the paper's Fig. 5): the arg-max class of
     * every pixel, N×H×W, attached to the images' manager.
     *
     * @param images N×C×H×W in [0,1], before the key transform
     */
    public static NDArray predict(Model model, NDArray images, UnaryOperator<NDArray> transform) {
        if (images.getShape().dimension() != 4) {
            throw new IllegalArgumentException("images of shape " + images.getShape()
                    + " are not a batch N×C×H×W: add the batch axis (expandDims(0)) to a single image");
        }
        NDArray input = transform.apply(images.toDevice(model.getNDManager().getDevice(), false));
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        NDArray scores = model.getBlock().forward(parameters, new NDList(input), false).head();
        NDArray classes = scores.argMax(1).toDevice(images.getDevice(), false);
        classes.attach(images.getManager());
        return classes;
    }

    /**
     * @param model a model whose block maps N×C×H×W images to N×K×H×W class scores (an {@link Fcn})
     * @param data records of a float32 C×H×W image in [0,1] and its H×W mask ({@value MeanIoU#IGNORE} = ignore)
     * @param transform the key transform on an N×C×H×W batch ({@code UnaryOperator.identity()} for plain images)
     */
    public static Score score(Model model, RandomAccessDataset data, int batchSize, UnaryOperator<NDArray> transform)
            throws IOException, TranslateException {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the evaluation set is empty: give at least one image and mask");
        }
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        MeanIoU iou = null;
        PixelCrossEntropyLoss loss = null;
        double lossSum = 0;
        double pixels = 0;
        for (Batch batch : data.getData(model.getNDManager(), new BatchSampler(new SequenceSampler(), batchSize, false))) {
            try (batch) {
                NDArray images = transform.apply(batch.getData().head());
                NDArray masks = batch.getLabels().head();
                NDArray scores = model.getBlock().forward(parameters, new NDList(images), false).head();
                if (iou == null) {
                    int classes = Math.toIntExact(scores.getShape().get(1));
                    iou = new MeanIoU(classes);
                    loss = new PixelCrossEntropyLoss(classes);
                }
                long before = iou.pixels();
                iou.addScores(scores, masks);
                long scored = iou.pixels() - before;
                lossSum += loss.evaluate(new NDList(masks), new NDList(scores)).getFloat() * (double) scored;
                pixels += scored;
            }
        }
        return new Score(pixels == 0 ? 0 : lossSum / pixels, iou);
    }
}
