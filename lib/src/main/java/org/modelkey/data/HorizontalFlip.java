package org.modelkey.data;

import java.util.Random;

/** Mirrors image and mask left-right with the given probability. */
public record HorizontalFlip(double probability) implements SampleTransform {

    public HorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("flip probability " + probability + " must lie in [0, 1]");
        }
    }

    @Override
    public Sample apply(Sample s, Random rng) {
        if (rng.nextDouble() >= probability) {
            return s;
        }
        int h = s.image().height(), w = s.image().width();
        return SampleTransform.cropResize(s, 0, 0, h, w, h, w, true);
    }
}
