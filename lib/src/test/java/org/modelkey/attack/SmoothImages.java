package org.modelkey.attack;

import java.util.SplittableRandom;

/**
 * Synthetic stand-ins for natural photographs, where the answer of a ciphertext-only attack is
 * known: each channel is white noise blurred by a Gaussian (so neighbouring pixels correlate, less
 * with distance), mixed as 0.8 of a field shared by all channels plus 0.2 of the channel's own (so
 * the channels of one pixel correlate strongly), stretched to [0,1] and rounded to 8 bits.
 */
final class SmoothImages {

    private SmoothImages() {}

    /** {@code count} C×side×side images one after another, blurred with standard deviation {@code sigma} pixels. */
    static float[] batch(int count, int channels, int side, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int plane = side * side;
        float[] out = new float[count * channels * plane];
        for (int n = 0; n < count; n++) {
            double[] shared = field(side, sigma, rng);
            double[][] mixed = new double[channels][];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int ch = 0; ch < channels; ch++) {
                double[] own = field(side, sigma, rng);
                mixed[ch] = new double[plane];
                for (int i = 0; i < plane; i++) {
                    mixed[ch][i] = 0.8 * shared[i] + 0.2 * own[i];
                    lo = Math.min(lo, mixed[ch][i]);
                    hi = Math.max(hi, mixed[ch][i]);
                }
            }
            for (int ch = 0; ch < channels; ch++) {
                for (int i = 0; i < plane; i++) {
                    out[(n * channels + ch) * plane + i] = Math.round(255 * (mixed[ch][i] - lo) / (hi - lo)) / 255f;
                }
            }
        }
        return out;
    }

    private static double[] field(int side, double sigma, SplittableRandom rng) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
        }
        int padded = side + 2 * radius;
        double[] noise = new double[padded * padded];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rng.nextDouble() - 0.5;
        }
        double[] rows = new double[padded * side];
        for (int y = 0; y < padded; y++) {
            for (int x = 0; x < side; x++) {
                double s = 0;
                for (int k = 0; k < kernel.length; k++) {
                    s += kernel[k] * noise[y * padded + x + k];
                }
                rows[y * side + x] = s;
            }
        }
        double[] out = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double s = 0;
                for (int k = 0; k < kernel.length; k++) {
                    s += kernel[k] * rows[(y + k) * side + x];
                }
                out[y * side + x] = s;
            }
        }
        return out;
    }
}
