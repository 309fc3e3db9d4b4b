package org.modelkey.watermark;

/**
 * The three kinds of key samples (trigger images) of black-box watermarking, after Zhang et al.
 * 2018 (Sec. 3.2: "content", "unrelated", "noise"); Zhong et al. 2020 build theirs from normal
 * training images with a keyed perturbation of intensity β, the {@link #NOISE} kind.
 */
public enum KeySampleKind {
    /** Normal images plus a keyed noise pattern of intensity β ({@link KeyedNoise}). */
    NOISE,
    /** Normal images with meaningful content stamped on them, e.g. the text "TEST" ({@link TextStamp}). */
    CONTENT,
    /** Images from another data set, used as they are. */
    UNRELATED
}
