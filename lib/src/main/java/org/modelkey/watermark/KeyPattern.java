package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;

/**
 * The secret that turns base images into key samples (Zhong et al. 2020, "key samples"; Zhang et
 * al. 2018, Sec. 3.2). Images are float32 C×H×W (or N×C×H×W batches) in [0, 1]; results stay in
 * [0, 1]. The same pattern makes the key samples used for embedding and the fresh ones used to
 * query a suspect model.
 */
public interface KeyPattern {

    /** Which kind of key sample this pattern makes. */
    KeySampleKind kind();

    /** The key sample of one planar C×H×W image, as a new array. */
    float[] apply(float[] image, int channels, int height, int width);

    /**
     * Key samples of a C×H×W image or an N×C×H×W batch, computed with engine ops on the array's
     * device and attached to its manager.
     */
    NDArray apply(NDArray images);

    /** Zhong et al.'s key samples: a keyed ±β pattern added to normal images ({@link KeyedNoise}). */
    static KeyPattern noise(double beta, long seed) {
        return new KeyedNoise(beta, seed);
    }

    /** Zhang et al.'s content key samples: {@code text} stamped with the given intensity ({@link TextStamp}). */
    static KeyPattern content(String text, double intensity) {
        return new TextStamp(text, intensity);
    }

    /** Zhang et al.'s unrelated key samples: images of another data set, passed through unchanged. */
    static KeyPattern unrelated() {
        return UnrelatedImages.INSTANCE;
    }
}
