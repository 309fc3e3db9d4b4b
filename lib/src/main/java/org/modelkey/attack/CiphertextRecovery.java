package org.modelkey.attack;

import java.util.List;
import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;

/**
 * Outcome of a ciphertext-only key recovery ({@link CiphertextNpAttack}, {@link CiphertextShfAttack}):
 * the keys the statistics cannot tell apart, best first, and what they cost to find. Which of them
 * is the key is settled by {@link CandidateChoice} on the stolen model; {@link CiphertextScore} scores it
 * against the true key, which only the experimenter has.
 *
 * @param kind the kind of key recovered
 * @param candidates the keys left, best first (NP: the mask and its complement; SHF: one per
 *     relabelling of the channels)
 * @param images number of encrypted images observed
 * @param blocks number of blocks observed
 * @param seconds wall time of the recovery
 * @param unresolved what the statistics cannot settle, in words (why there is more than one candidate)
 */
public record CiphertextRecovery(KeyKind kind, List<SecretKey> candidates, int images, int blocks, double seconds,
        String unresolved) {

    public CiphertextRecovery {
        Objects.requireNonNull(kind, "key kind");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a recovery needs at least one candidate key");
        }
    }

    /** The first (best) candidate. */
    public SecretKey best() {
        return candidates.get(0);
    }

    /** Bits or positions right of the best candidate against {@code truth}: the recovery up to what the model settles. */
    public int right(SecretKey truth) {
        return candidates.stream().mapToInt(c -> CiphertextScore.right(c, truth)).max().orElseThrow();
    }
}
