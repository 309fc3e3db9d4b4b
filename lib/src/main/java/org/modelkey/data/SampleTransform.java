package org.modelkey.data;

import java.util.Random;

/**
 * A change to a sample before batching (crop, resize, flip), applied to the image and, with the
 * same geometry, to its mask. Random transforms draw only from the generator they are given, so a
 * data set that seeds it per sample and epoch is reproducible. Key transforms are not sample
 * transforms: training applies them to whole batches, after these.
 */
@FunctionalInterface
public interface SampleTransform {

    Sample apply(Sample sample, Random rng);

    /** This transform, then {@code next}; named "first then next" by its {@code toString}. */
    default SampleTransform andThen(SampleTransform next) {
        SampleTransform first = this;
        return new SampleTransform() {
            @Override
            public Sample apply(Sample sample, Random rng) {
                return next.apply(first.apply(sample, rng), rng);
            }

            @Override
            public String toString() {
                return first + " then " + next;
            }
        };
    }

    /**
     * The papers' training augmentation (torchvision's defaults): a random resized crop to
     * {@code size}×{@code size} (8–100 % of the area, aspect 3/4–4/3), then a left-right flip with
     * probability one half.
     */
    static SampleTransform standardAugmentation(int size) {
        return new RandomResizedCrop(size, 0.08, 1.0).andThen(new HorizontalFlip(0.5));
    }

    /** Crops the window and resizes it, image by area/bilinear, mask by nearest neighbour. */
    static Sample cropResize(Sample s, double top, double left, double height, double width, int outH, int outW,
                             boolean flip) {
        Pixels image = Resampling.crop(s.image(), top, left, height, width, outH, outW, flip);
        if (s.mask() == null) {
            return Sample.labelled(image, s.label());
        }
        byte[] mask = Resampling.cropMask(s.mask(), s.image().height(), s.image().width(), top, left, height, width,
                outH, outW, flip);
        return Sample.masked(image, mask);
    }
}
