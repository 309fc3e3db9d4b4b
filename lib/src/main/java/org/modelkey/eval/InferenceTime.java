package org.modelkey.eval;

/**
 * Measured inference cost per image, without and with the key transform (ICIP 2021 Table 3 claims
 * no overhead: the transform runs once per image, outside the network). Medians over repeats.
 */
public record InferenceTime(double plainMillisPerImage, double keyedMillisPerImage) {

    /** Relative extra time of the keyed path, (keyed − plain) / plain. */
    public double overhead() {
        return keyedMillisPerImage / plainMillisPerImage - 1;
    }

    /** Images per second without the transform. */
    public double plainImagesPerSecond() {
        return 1000 / plainMillisPerImage;
    }
}
