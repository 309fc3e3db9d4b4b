package org.modelkey.segment;

/**
 * What Fig. 5 (Ito et al. 2021) shows for one model: a few test images as the model sees them
 * (after its key transform), the maps it predicts, and each map's mean IoU against the ground truth.
 *
 * @param label the model, e.g. {@code baseline} or {@code NP M=2}
 * @param side the images' side (they are side×side)
 * @param inputs N×3×side×side pixels in [0, 1] after the key transform, row-major
 * @param predicted N×side×side class indices
 * @param truth N×side×side ground-truth class indices (255 on ignored boundaries)
 * @param meanIoU each image's mean IoU
 */
public record SegmentationExample(String label, int side, float[] inputs, int[] predicted, int[] truth,
        double[] meanIoU) {

    /** The number of images shown. */
    public int count() {
        return meanIoU.length;
    }
}
