package org.modelkey.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.modelkey.report.Interval;

/**
 * Mean intersection-over-union of a whole evaluation set (segmentation paper, Eq. 1; PASCAL VOC):
 * a K×K confusion matrix of (ground truth, prediction) pixel counts is accumulated over every batch,
 * then IoU of class i = |SM_i ∩ GT_i| / |SM_i ∪ GT_i| = n_ii / (Σ_j n_ij + Σ_j n_ji − n_ii), and mean IoU
 * averages it over the classes present, i.e. those whose union is not empty (a class that neither
 * occurs nor is predicted has no defined IoU). Pixels labelled {@value #IGNORE} (VOC object edges) are
 * left out of every count. Pixel accuracy is Σ_i n_ii over all counted pixels.
 *
 * <p>Accumulating counts, not per-batch means, makes the score independent of the batch size. For the
 * per-image scores of the paper's Fig. 5, add one image to a fresh instance. The counts of every image
 * are also kept apart, for a {@linkplain #bootstrap bootstrap interval} over the test images.
 */
public final class MeanIoU {

    /** Label of pixels that are not scored (PASCAL VOC's "void"). */
    public static final int IGNORE = 255;

    private final int classes;
    /** counts[truth * classes + predicted]. */
    private final long[] counts;
    /** The confusion counts of each image added, in the order added. */
    private final List<long[]> images = new ArrayList<>();

    /** An empty accumulator for labels 0 … classes−1 (plus {@value #IGNORE}). */
    public MeanIoU(int classes) {
        if (classes < 2 || classes >= IGNORE) {
            throw new IllegalArgumentException("class count " + classes + " is outside 2.." + (IGNORE - 1)
                    + ": count the background as a class (VOC has 21) and keep " + IGNORE + " for the ignore label");
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    public int classes() {
        return classes;
    }

    /**
     * Adds a batch of class scores (N×K×H×W, or K×H×W for one image, as the FCN returns) against
     * their masks (N×H×W or H×W); the predicted class of a pixel is the arg-max over K.
     */
    public MeanIoU addScores(NDArray scores, NDArray masks) {
        int classAxis = scores.getShape().dimension() - 3;
        if (classAxis < 0 || scores.getShape().get(classAxis) != classes) {
            throw new IllegalArgumentException("scores of shape " + scores.getShape() + " are not [N×]" + classes
                    + "×H×W: give the model's output for " + classes + " classes, before the arg-max");
        }
        try (NDArray predicted = scores.argMax(classAxis)) {
            return add(predicted, masks);
        }
    }

    /** Adds predicted class maps against masks of the same shape (N×H×W or H×W, any integer type). */
    public MeanIoU add(NDArray predicted, NDArray masks) {
        if (!predicted.getShape().equals(masks.getShape())) {
            throw new IllegalArgumentException("prediction of shape " + predicted.getShape()
                    + " and mask of shape " + masks.getShape() + " differ: predict at the mask's size"
                    + " (the FCN upsamples to its input size, so give it the image the mask belongs to)");
        }
        int images = masks.getShape().dimension() == 3 ? Math.toIntExact(masks.getShape().get(0)) : 1;
        return add(toInts(predicted), toInts(masks), images);
    }

    /**
     * Adds predicted classes against labels of one image, pixel by pixel.
     *
     * @throws IllegalArgumentException if the lengths differ or a value is not a class index
     */
    public MeanIoU add(int[] predicted, int[] labels) {
        return add(predicted, labels, 1);
    }

    /** Adds {@code images} images of equal size, laid one after the other in the two arrays. */
    private MeanIoU add(int[] predicted, int[] labels, int images) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predicted pixels but " + labels.length
                    + " labelled pixels: give a prediction for every pixel of the mask");
        }
        for (int i = 0; i < labels.length; i++) {
            checkPixel(predicted[i], labels[i], i);
        }
        int perImage = labels.length / Math.max(1, images);
        for (int image = 0; image < images; image++) {
            long[] own = new long[classes * classes];
            for (int i = image * perImage; i < (image + 1) * perImage; i++) {
                if (labels[i] != IGNORE) {
                    own[labels[i] * classes + predicted[i]]++;
                }
            }
            for (int k = 0; k < own.length; k++) {
                counts[k] += own[k];
            }
            this.images.add(own);
        }
        return this;
    }

    /** Number of images added so far. */
    public int images() {
        return images.size();
    }

    /**
     * A 95 % percentile bootstrap interval of {@link #value()} over the images added that have scored pixels: each resample
     * draws the images with replacement and scores their summed confusion counts (see
     * {@link Interval#bootstrap}); the same seed gives the same interval.
     */
    public Interval bootstrap(int resamples, long seed) {
        return bootstrapMean(List.of(this), resamples, seed);
    }

    /**
     * A 95 % percentile bootstrap interval of the mean of several evaluations' mean IoUs over the same
     * images in the same order (e.g. one model under each of 100 incorrect keys, Fig. 6 of the
     * segmentation paper): each resample draws the images once, with replacement, for all of them,
     * so the interval is over test images, not over keys. The same seed gives the same interval.
     *
     * @throws IllegalArgumentException when the evaluations hold different numbers of images
     */
    public static Interval bootstrapMean(List<MeanIoU> evaluations, int resamples, long seed) {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("no evaluations to bootstrap: give at least one");
        }
        MeanIoU first = evaluations.get(0);
        for (MeanIoU e : evaluations) {
            e.requirePixels();
            if (e.images.size() != first.images.size() || e.counts.length != first.counts.length) {
                throw new IllegalArgumentException("evaluations of " + first.images.size() + " and " + e.images.size()
                        + " images (" + first.classes + " and " + e.classes + " classes) are not of the same test"
                        + " set: score every condition on the same images");
            }
        }
        int[] scoredImages = IntStream.range(0, first.images.size())
                .filter(i -> Arrays.stream(first.images.get(i)).sum() > 0).toArray();
        long[] summed = new long[first.counts.length];
        return Interval.bootstrap(scoredImages.length, weights -> {
            double total = 0;
            for (MeanIoU e : evaluations) {
                Arrays.fill(summed, 0);
                for (int i = 0; i < weights.length; i++) {
                    long[] own = e.images.get(scoredImages[i]);
                    for (int k = 0; k < own.length && weights[i] > 0; k++) {
                        summed[k] += weights[i] * own[k];
                    }
                }
                total += Arrays.stream(e.classIoU(summed)).filter(v -> !Double.isNaN(v)).average().orElseThrow();
            }
            return total / evaluations.size();
        }, resamples, seed);
    }

    /** Checks one pixel before anything is counted, so that a rejected batch leaves the counts as they were. */
    private void checkPixel(int guess, int truth, int pixel) {
        if (truth == IGNORE) {
            return;
        }
        if (truth < 0 || truth >= classes) {
            throw new IllegalArgumentException("mask value " + truth + " at pixel " + pixel
                    + " is not a class index below " + classes + " nor the ignore label " + IGNORE
                    + ": build MeanIoU with the data set's class count (background included)");
        }
        if (guess < 0 || guess >= classes) {
            throw new IllegalArgumentException("predicted class " + guess + " at pixel " + pixel
                    + " is not below the class count " + classes
                    + ": build MeanIoU with the model's number of output classes");
        }
    }

    /** Intersection over union of each class; NaN for a class neither labelled nor predicted. */
    public double[] classIoU() {
        return classIoU(counts);
    }

    private double[] classIoU(long[] counts) {
        double[] iou = new double[classes];
        for (int c = 0; c < classes; c++) {
            long truth = 0;
            long predicted = 0;
            for (int j = 0; j < classes; j++) {
                truth += counts[c * classes + j];
                predicted += counts[j * classes + c];
            }
            long hit = counts[c * classes + c];
            long union = truth + predicted - hit;
            iou[c] = union == 0 ? Double.NaN : (double) hit / union;
        }
        return iou;
    }

    /** Mean IoU over the classes present (Eq. 1). */
    public double value() {
        requirePixels();
        return Arrays.stream(classIoU()).filter(v -> !Double.isNaN(v)).average().orElseThrow();
    }

    /** Fraction of the scored pixels whose predicted class is right. */
    public double pixelAccuracy() {
        long hit = 0;
        for (int c = 0; c < classes; c++) {
            hit += counts[c * classes + c];
        }
        return (double) hit / requirePixels();
    }

    /** Number of pixels counted so far (ignored pixels excluded). */
    public long pixels() {
        return Arrays.stream(counts).sum();
    }

    /** A copy of the confusion matrix, [ground truth][prediction]. */
    public long[][] confusion() {
        long[][] m = new long[classes][];
        for (int c = 0; c < classes; c++) {
            m[c] = Arrays.copyOfRange(counts, c * classes, (c + 1) * classes);
        }
        return m;
    }

    /** Forgets every count, to score another evaluation set. */
    public void reset() {
        Arrays.fill(counts, 0);
        images.clear();
    }

    private long requirePixels() {
        long n = pixels();
        if (n == 0) {
            throw new IllegalStateException("no scored pixels yet (none added, or all labelled " + IGNORE
                    + "): add predictions and masks before asking for a score");
        }
        return n;
    }

    private static int[] toInts(NDArray array) {
        if (!array.getDataType().isInteger()) {
            throw new IllegalArgumentException("class map of type " + array.getDataType()
                    + " is not an integer type: give class indices (arg-max of the scores, or use addScores)");
        }
        if (array.getDataType() == DataType.INT32) {
            return array.toIntArray();
        }
        try (NDArray ints = array.toType(DataType.INT32, false)) {
            return ints.toIntArray();
        }
    }
}
