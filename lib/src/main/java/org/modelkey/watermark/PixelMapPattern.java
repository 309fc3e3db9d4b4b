package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A key pattern that maps every pixel on its own: {@code y = clip(x · scale + offset, 0, 1)}, with
 * per-position tables for one image shape (a stamp keeps {@code 1 - mask} of the image and adds
 * its ink; a noise pattern keeps all of it and adds ±β). The tables of the last shape seen are
 * kept, so a batch loop builds them once.
 */
abstract class PixelMapPattern implements KeyPattern {

    /** Tables for one image shape; {@code scale == null} means all ones. */
    record Tables(ImageShape shape, float[] scale, float[] offset) {}

    private volatile Tables cached;

    /** Builds the tables for one image shape. */
    abstract Tables tables(ImageShape shape);

    final Tables tablesFor(ImageShape shape) {
        Tables t = cached;
        if (t == null || !t.shape().equals(shape)) {
            t = tables(shape);
            cached = t;
        }
        return t;
    }

    @Override
    public final float[] apply(float[] image, int channels, int height, int width) {
        Tables t = tablesFor(ImageShape.check(image, channels, height, width));
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            float v = (t.scale() == null ? image[i] : image[i] * t.scale()[i]) + t.offset()[i];
            out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
        return out;
    }

    @Override
    public final NDArray apply(NDArray images) {
        ImageShape shape = ImageShape.of(images);
        Tables t = tablesFor(shape);
        try (NDManager tables = images.getManager().newSubManager()) {
            NDArray offset = tables.create(t.offset(), shape.toShape()).toType(images.getDataType(), false);
            NDArray sum = t.scale() == null
                    ? images.add(offset)
                    : images.mul(tables.create(t.scale(), shape.toShape()).toType(images.getDataType(), false))
                            .addi(offset);
            NDArray out = sum.clip(0, 1);
            sum.close();
            out.attach(images.getManager());
            return out;
        }
    }
}
