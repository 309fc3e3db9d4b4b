package org.modelkey.attack;

import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;

/**
 * What a key-search attacker knows (ICIP 2021, Sec. 3.4: the model is stolen and the transform is
 * known except for the key): the kind of transform and the block size M, plus the seed of his own
 * random choices. The channel count follows from his images.
 */
public record AttackerKnowledge(KeyKind kind, int blockSize, long seed) {

    public AttackerKnowledge {
        Objects.requireNonNull(kind, "key kind");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size M=" + blockSize
                    + " is not positive: give the M of the protected model (the papers use 2, 4, 8, 16)");
        }
    }

    /** The attacker's random key for images of {@code channels} channels, drawn from the seed. */
    public SecretKey randomKey(int channels) {
        return SecretKey.fromSeed(kind, blockSize, channels, seed);
    }
}
