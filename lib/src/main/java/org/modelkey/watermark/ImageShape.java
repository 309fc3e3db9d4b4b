package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Channels, height and width of the C×H×W images a key pattern works on. */
record ImageShape(int channels, int height, int width) {

    ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape " + channels + "×" + height + "×" + width
                    + " has an empty side: give positive channels, height and width");
        }
    }

    int size() {
        return channels * height * width;
    }

    Shape toShape() {
        return new Shape(channels, height, width);
    }

    /** The image shape of a C×H×W array or of the images of an N×C×H×W batch. */
    static ImageShape of(NDArray images) {
        Shape s = images.getShape();
        int d = s.dimension();
        if (d != 3 && d != 4) {
            throw new IllegalArgumentException("key patterns take C×H×W images or N×C×H×W batches, got shape " + s
                    + ": reshape to one of these");
        }
        return new ImageShape((int) s.get(d - 3), (int) s.get(d - 2), (int) s.get(d - 1));
    }

    /** Checks that a planar image array has the stated shape. */
    static ImageShape check(float[] image, int channels, int height, int width) {
        ImageShape shape = new ImageShape(channels, height, width);
        if (image.length != shape.size()) {
            throw new IllegalArgumentException("image has " + image.length + " values but " + channels + "×" + height
                    + "×" + width + " needs " + shape.size() + ": pass the image's real shape");
        }
        return shape;
    }
}
