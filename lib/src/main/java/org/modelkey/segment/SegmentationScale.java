package org.modelkey.segment;

/**
 * The scale a block-size sweep ran at, as its tables state it beside the paper's: the data, the
 * image side, the split sizes, the model, the epochs and the seed.
 *
 * @param dataset e.g. {@code stamps (embedded)} or {@code PASCAL VOC 2012}
 * @param side the images' side (side×side)
 * @param model e.g. {@code FCN-resnet20-w8}
 */
public record SegmentationScale(String dataset, int side, int trainImages, int validationImages, int testImages,
        String model, int epochs, long seed) {

    /** The paper's scale (Ito et al. 2021, Sec. 3.1): 1,318 + 146 VOC training images, 1,449 for test. */
    public static final SegmentationScale PAPER = new SegmentationScale("PASCAL VOC 2012", 256, 1318, 146, 1449,
            "FCN-ResNet50", 100, 0);

    /** One line, e.g. {@code stamps (embedded) 32×32, 2700 train / 300 validation / 200 test images, FCN-resnet20-w8, 12 epochs}. */
    public String describe() {
        return String.format("%s %d×%d, %d train / %d validation / %d test images, %s, %d epochs", dataset, side, side,
                trainImages, validationImages, testImages, model, epochs);
    }
}
