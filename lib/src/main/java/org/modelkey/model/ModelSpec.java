package org.modelkey.model;

import ai.djl.ndarray.types.Shape;

/**
 * What a classifier is: an architecture name from {@link ModelRegistry}, the number of classes and
 * the C×H×W input it accepts. {@code baseWidth} is the number of filters of the first stage (16
 * for the CIFAR ResNets of He et al. 2016, Sec. 4.2; 64 for the ImageNet ResNets); 0 means the
 * architecture's default.
 */
public record ModelSpec(String name, int classes, int channels, int height, int width, int baseWidth) {

    public ModelSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name is empty: use one of " + ModelRegistry.names());
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("input shape " + channels + "x" + height + "x" + width
                    + " is not a valid C×H×W image shape: give positive sizes");
        }
        if (baseWidth < 0) {
            throw new IllegalArgumentException("base width " + baseWidth + " is negative: give 0 for the default");
        }
    }

    /** A spec with the architecture's default width. */
    public static ModelSpec of(String name, int classes, int channels, int height, int width) {
        return new ModelSpec(name, classes, channels, height, width, 0);
    }

    /** The same spec with another first-stage width (smaller is faster on a CPU). */
    public ModelSpec withBaseWidth(int newBaseWidth) {
        return new ModelSpec(name, classes, channels, height, width, newBaseWidth);
    }

    /** Shape of a batch of {@code n} inputs, N×C×H×W. */
    public Shape batchShape(long n) {
        return new Shape(n, channels, height, width);
    }

    /**
     * Checks that an image or a batch of images fits this model.
     *
     * @throws IllegalArgumentException naming both shapes and the fix
     */
    public void checkInput(Shape shape) {
        Shape image = shape.dimension() == 4 ? shape.slice(1) : shape;
        if (image.dimension() != 3 || image.get(0) != channels || image.get(1) != height || image.get(2) != width) {
            throw new IllegalArgumentException("input of shape " + shape + " does not fit model " + this
                    + ", which takes " + channels + "x" + height + "x" + width
                    + " images: build the model for the data's C×H×W, or resize the data");
        }
    }

    @Override
    public String toString() {
        return name + (baseWidth > 0 ? "-w" + baseWidth : "") + "(" + classes + " classes, "
                + channels + "x" + height + "x" + width + ")";
    }
}
