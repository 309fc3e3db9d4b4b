package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;
import org.modelkey.key.KeyKind;
import org.modelkey.transform.BlockTransform;

/**
 * Outcome of a {@link CiphertextOnlyAttack}: for NP and SHF the recovery, the candidate the model
 * chose and the time the choice took; for FFX the recovered selection and table. {@link #encryptor()}
 * is what the attacker feeds the stolen model with; {@link CiphertextScore#of(CiphertextOnlyResult,
 * org.modelkey.key.SecretKey)} scores it.
 *
 * @param kind the kind of key attacked
 * @param recovery the NP or SHF recovery, null for FFX
 * @param choice the model's choice among its candidates, null for FFX
 * @param ffx the FFX recovery, null for NP and SHF
 * @param choiceSeconds wall time of the choice on the model (0 for FFX)
 */
public record CiphertextOnlyResult(KeyKind kind, CiphertextRecovery recovery, CandidateChoice choice, FfxRecovery ffx,
        double choiceSeconds) {

    static CiphertextOnlyResult of(CiphertextRecovery recovery, CandidateChoice choice, double seconds) {
        return new CiphertextOnlyResult(recovery.kind(), recovery, choice, null, seconds);
    }

    static CiphertextOnlyResult of(FfxRecovery ffx) {
        return new CiphertextOnlyResult(KeyKind.FFX, null, null, ffx, 0);
    }

    /**
     * The attacker's encryption of his own images for the stolen model: the chosen key's
     * {@link BlockTransform} (NP, SHF) or the recovered FFX table. Close it when done (it frees the
     * key's arrays on the model's device).
     */
    public Encryptor encryptor() {
        if (ffx != null) {
            return new Encryptor() {
                @Override
                public NDArray apply(NDArray x) {
                    return ffx.encrypt(x);
                }

                @Override
                public void close() {}
            };
        }
        BlockTransform transform = BlockTransform.of(choice.chosen());
        return new Encryptor() {
            @Override
            public NDArray apply(NDArray x) {
                return transform.encrypt(x);
            }

            @Override
            public void close() {
                transform.close();
            }
        };
    }

    /** An encryption of N×C×H×W batches that holds device arrays until closed. */
    public interface Encryptor extends UnaryOperator<NDArray>, AutoCloseable {
        @Override
        void close();
    }

    /** Number of encrypted images observed. */
    public int images() {
        return ffx != null ? ffx.images() : recovery.images();
    }
}
