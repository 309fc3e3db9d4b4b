package org.modelkey.data;

import java.util.Random;

/**
 * Random resized crop, the ImageNet training augmentation (Szegedy et al. 2015, as in
 * torchvision): a window covering a random share of the image area in [minScale, maxScale], with
 * a log-uniform aspect ratio in [3/4, 4/3], resized to size×size. After ten failed draws it falls
 * back to the largest centred window of an allowed aspect ratio.
 */
public record RandomResizedCrop(int size, double minScale, double maxScale) implements SampleTransform {

    private static final double MIN_RATIO = 3.0 / 4.0;
    private static final double MAX_RATIO = 4.0 / 3.0;

    public RandomResizedCrop {
        if (size < 1) {
            throw new IllegalArgumentException("crop size " + size + " must be at least 1");
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("scale range [" + minScale + ", " + maxScale
                    + "] is invalid: need 0 < min ≤ max ≤ 1, e.g. [0.08, 1]");
        }
    }

    @Override
    public Sample apply(Sample s, Random rng) {
        int h = s.image().height(), w = s.image().width();
        double area = (double) h * w;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (minScale + (maxScale - minScale) * rng.nextDouble());
            double ratio = Math.exp(Math.log(MIN_RATIO) + (Math.log(MAX_RATIO) - Math.log(MIN_RATIO)) * rng.nextDouble());
            int cw = (int) Math.round(Math.sqrt(target * ratio));
            int ch = (int) Math.round(Math.sqrt(target / ratio));
            if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
                int top = rng.nextInt(h - ch + 1), left = rng.nextInt(w - cw + 1);
                return SampleTransform.cropResize(s, top, left, ch, cw, size, size, false);
            }
        }
        double ratio = (double) w / h;
        int cw = w, ch = h;
        if (ratio < MIN_RATIO) {
            ch = (int) Math.round(w / MIN_RATIO);
        } else if (ratio > MAX_RATIO) {
            cw = (int) Math.round(h * MAX_RATIO);
        }
        return SampleTransform.cropResize(s, (h - ch) / 2, (w - cw) / 2, ch, cw, size, size, false);
    }
}
