package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;

/**
 * Zhang et al.'s "unrelated" key samples (2018, Sec. 3.2): images of a data set the model never
 * learns, e.g. digits for a model of photographs. The key is the choice of images itself, so the
 * pattern leaves them unchanged; {@link KeySet} draws them from the unrelated set.
 */
enum UnrelatedImages implements KeyPattern {
    INSTANCE;

    @Override
    public KeySampleKind kind() {
        return KeySampleKind.UNRELATED;
    }

    @Override
    public float[] apply(float[] image, int channels, int height, int width) {
        ImageShape.check(image, channels, height, width);
        return image.clone();
    }

    @Override
    public NDArray apply(NDArray images) {
        ImageShape.of(images);
        return images.duplicate();
    }

    @Override
    public String toString() {
        return "unrelated images";
    }
}
