package org.modelkey.watermark;

/**
 * One way of embedding a watermark: the method's label, the key-set ratio α (|key set| / |normal
 * training set|, Zhong et al. 2020), the owner's keyed pattern of intensity β, and the share of
 * {@link DecoySet decoys} (0: the slides' method; above 0: the kit's specific variant).
 *
 * @param method     new label or Zhang's existing label
 * @param alpha      α in (0, 1]
 * @param pattern    the owner's secret pattern (its β is the embedding's β)
 * @param decoyShare decoys per normal training image, in [0, 1]
 */
public record Embedding(WatermarkMethod method, double alpha, KeyedNoise pattern, double decoyShare) {

    public Embedding {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("key-set ratio α=" + alpha + " is outside (0, 1]: e.g. 0.001 or 0.01");
        }
        if (!(decoyShare >= 0 && decoyShare <= 1)) {
            throw new IllegalArgumentException("decoy share " + decoyShare + " is outside [0, 1]: 0 for the slides'"
                    + " method, e.g. 0.05 for a specific watermark");
        }
    }

    /** The slides' method: no decoys. */
    public static Embedding of(WatermarkMethod method, double alpha, KeyedNoise pattern) {
        return new Embedding(method, alpha, pattern, 0);
    }

    /** The same embedding with decoys (the kit's specific variant). */
    public Embedding withDecoys(double share) {
        return new Embedding(method, alpha, pattern, share);
    }

    /** The same embedding with another owner's pattern. */
    public Embedding withPattern(KeyedNoise other) {
        return new Embedding(method, alpha, other, decoyShare);
    }

    /** β, the pattern's intensity. */
    public double beta() {
        return pattern.beta();
    }

    /** True for the kit's specific variant (with decoys). */
    public boolean specific() {
        return decoyShare > 0;
    }

    /** The name in result tables, e.g. {@code new_label} or {@code new_label+decoys}. */
    public String variant() {
        return method.id() + (specific() ? "+decoys" : "");
    }

    @Override
    public String toString() {
        return variant() + " α=" + alpha + " β=" + beta() + (specific() ? " decoys " + decoyShare : "")
                + " key " + pattern.id();
    }
}
