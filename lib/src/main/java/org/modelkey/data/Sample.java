package org.modelkey.data;

/**
 * One record of a data set: an image and either the class index of its main object
 * (classification) or a per-pixel class mask in the PASCAL VOC convention (segmentation):
 * 0 background, 1..K the classes, {@link #IGNORE} for pixels the loss and the IoU skip.
 *
 * @param image the image, C×H×W in [0,1]
 * @param label class index, or -1 for a segmentation sample
 * @param mask  H×W class indices, row-major, or null for a classification sample
 */
public record Sample(Pixels image, int label, byte[] mask) {

    /** The mask value of pixels to ignore (object boundaries, as in PASCAL VOC). */
    public static final int IGNORE = 255;

    public Sample {
        if (mask != null && mask.length != image.height() * image.width()) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels but the image is "
                    + image.height() + "×" + image.width() + ": a mask must have one value per image pixel");
        }
        if (mask == null && label < 0) {
            throw new IllegalArgumentException("a sample needs a class label ≥ 0 or a mask");
        }
    }

    /** A classification sample. */
    public static Sample labelled(Pixels image, int label) {
        return new Sample(image, label, null);
    }

    /** A segmentation sample. */
    public static Sample masked(Pixels image, byte[] mask) {
        return new Sample(image, -1, mask);
    }

    /** Mask value at a pixel, 0..255. */
    public int maskAt(int row, int column) {
        return mask[row * image.width() + column] & 0xff;
    }
}
