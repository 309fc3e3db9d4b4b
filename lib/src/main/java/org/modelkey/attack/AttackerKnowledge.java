package org.modelkey.attack;

import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;

/**
 * What a key-search attacker knows (ICIP 2021, Sec. 3.4: the model is stolen and the transform is
 * known except for the key): the kind of transform and the block size M, plus the seed of his own
 * random choices. For FFX he may also know the password (the authors' code fixed it in the
 * configuration), leaving only the mask secret; null means he does not. The channel count follows
 * from his images.
 */
public record AttackerKnowledge(KeyKind kind, int blockSize, long seed, String ffxPassword) {

    public AttackerKnowledge {
        Objects.requireNonNull(kind, "key kind");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size M=" + blockSize
                    + " is not positive: give the M of the protected model (the papers use 2, 4, 8, 16)");
        }
        if (ffxPassword != null && kind != KeyKind.FFX) {
            throw new IllegalArgumentException("a known password means nothing for a " + kind
                    + " key: give null, or kind FFX");
        }
    }

    /** An attacker who knows the kind and M only. */
    public AttackerKnowledge(KeyKind kind, int blockSize, long seed) {
        this(kind, blockSize, seed, null);
    }

    /** The attacker's random key for {@code channels}-channel images, from the seed, with the known password if any. */
    public SecretKey randomKey(int channels) {
        SecretKey drawn = SecretKey.fromSeed(kind, blockSize, channels, seed);
        return ffxPassword == null ? drawn : ((SecretKey.Ffx) drawn).withPassword(ffxPassword);
    }
}
