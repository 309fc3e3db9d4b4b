package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.model.Network;
import org.modelkey.transform.BlockLayout;

/**
 * The whole ciphertext-only attack on a deployed model (the kit's own threat model, beyond the
 * papers'): an eavesdropper observes the encrypted inputs of authorised users and has stolen the
 * model; he knows the kind of transform and M, and has unlabelled images of his own. From the
 * ciphertexts alone he recovers the key ({@link CiphertextNpAttack}, {@link CiphertextShfAttack}) or
 * the FFX substitution ({@link CiphertextFfxAttack}); where the statistics leave several candidate
 * keys, the model settles them on his own images ({@link CandidateChoice}). No label is used.
 */
public final class CiphertextOnlyAttack {

    private final CiphertextNpAttack np = new CiphertextNpAttack();
    private final CiphertextShfAttack shf;
    private final CiphertextFfxAttack ffx;

    /**
     * @param prior the correlations expected of natural images (SHF and FFX)
     * @param restarts SHF restarts
     * @param sweeps SHF annealing sweeps per restart
     * @param seed seed of the SHF search
     */
    public CiphertextOnlyAttack(NaturalImagePrior prior, int restarts, int sweeps, long seed) {
        Objects.requireNonNull(prior, "prior");
        shf = new CiphertextShfAttack(prior, restarts, sweeps, seed);
        ffx = new CiphertextFfxAttack(prior);
    }

    /**
     * Recovers the key of {@code kind} from {@code count} observed ciphertexts (C×H×W, one after
     * another, cut as {@code layout}) and settles candidates with {@code model} on the attacker's
     * own plain N×C×H×W images.
     */
    public CiphertextOnlyResult run(KeyKind kind, float[] ciphertexts, int count, BlockLayout layout, Network model,
            NDArray ownImages) {
        return switch (kind) {
            case FFX -> CiphertextOnlyResult.of(ffx.recover(ciphertexts, count, layout));
            case NP -> settled(np.recover(ciphertexts, count, layout), model, ownImages);
            case SHF -> settled(shf.recover(ciphertexts, count, layout), model, ownImages);
        };
    }

    private static CiphertextOnlyResult settled(CiphertextRecovery recovery, Network model, NDArray ownImages) {
        long t0 = System.nanoTime();
        CandidateChoice choice = CandidateChoice.choose(model, ownImages, recovery.candidates());
        return CiphertextOnlyResult.of(recovery, choice, (System.nanoTime() - t0) / 1e9);
    }
}
