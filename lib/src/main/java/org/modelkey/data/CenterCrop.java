package org.modelkey.data;

import java.util.Random;

/**
 * The evaluation counterpart of {@link RandomResizedCrop}: resize so the shorter side is
 * {@code resizeTo}, then take the centred size×size window (ImageNet: 256 then 224).
 */
public record CenterCrop(int size, int resizeTo) implements SampleTransform {

    public CenterCrop {
        if (size < 1 || resizeTo < size) {
            throw new IllegalArgumentException("centre crop " + size + " from shorter side " + resizeTo
                    + " is invalid: need 1 ≤ size ≤ resizeTo (e.g. 224 from 256)");
        }
    }

    /** The ImageNet convention: shorter side to size·8/7 (256 for 224), then the centre. */
    public static CenterCrop of(int size) {
        return new CenterCrop(size, (int) Math.round(size * 8.0 / 7.0));
    }

    @Override
    public Sample apply(Sample s, Random rng) {
        int h = s.image().height(), w = s.image().width();
        double scale = (double) resizeTo / Math.min(h, w);
        double ch = size / scale, cw = size / scale;
        return SampleTransform.cropResize(s, (h - ch) / 2, (w - cw) / 2, ch, cw, size, size, false);
    }
}
