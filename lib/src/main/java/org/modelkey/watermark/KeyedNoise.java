package org.modelkey.watermark;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Zhong et al. (2020)'s key samples: a normal image plus a perturbation of intensity β, a fixed
 * noise pattern drawn from a secret seed, {@code x' = clip(x + β·s, 0, 1)} with {@code s ∈ {-1, +1}}
 * at every position. Every key sample differs from its base image by exactly β wherever the sum
 * stays in [0, 1] (so by at most β in the max norm). The signs come from SplitMix64 of (seed,
 * position), so the pattern depends only on the seed and the image shape, on any machine.
 */
public final class KeyedNoise extends PixelMapPattern {

    private static final SecureRandom ID_SOURCE = new SecureRandom();

    private final double beta;
    private final long seed;
    private final String id;

    /**
     * @param beta perturbation intensity β in (0, 1], on the [0, 1] pixel scale
     * @param seed the secret that fixes the pattern
     */
    public KeyedNoise(double beta, long seed) {
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("perturbation intensity β=" + beta + " is outside (0, 1]: pixels are"
                    + " in [0, 1], so give e.g. β=0.05 (the change of each pixel)");
        }
        this.beta = beta;
        this.seed = seed;
        this.id = HexFormat.of().toHexDigits(ID_SOURCE.nextLong());
    }

    /** The intensity β. */
    public double beta() {
        return beta;
    }

    @Override
    public KeySampleKind kind() {
        return KeySampleKind.NOISE;
    }

    /** The ±1 sign of the pattern at a flat C×H×W position. */
    public int sign(long position) {
        return (splitMix64(seed + position * 0x9E3779B97F4A7C15L) & 1) == 0 ? 1 : -1;
    }

    @Override
    Tables tables(ImageShape shape) {
        float[] offset = new float[shape.size()];
        for (int i = 0; i < offset.length; i++) {
            offset[i] = (float) (beta * sign(i));
        }
        return new Tables(shape, null, offset);
    }

    /**
     * A random name for this pattern that results may show in place of the key: drawn from
     * {@link SecureRandom} when the pattern is made, so it reveals nothing about the seed (a hash of
     * the seed would let anyone check a guessed seed).
     */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "keyed noise β=" + beta + " key " + id;
    }

    private static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
