package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.modelkey.key.SecretKey;
import org.modelkey.model.Network;
import org.modelkey.transform.BlockTransform;

/**
 * The last step of a ciphertext-only recovery: the statistics leave a few candidate keys
 * ({@link CiphertextRecovery#candidates()}), and the attacker, who has the stolen model and images
 * of his own but no labels, keeps the candidate under which the model is most confident: he
 * encrypts his images with each candidate and takes the highest mean over the images of the
 * largest softmax probability. A model fed a wrongly keyed input is unsure (its predictions spread
 * out), so no label is needed.
 *
 * @param chosen the candidate kept
 * @param confidence mean max-softmax confidence of each candidate, in the order given
 */
public record CandidateChoice(SecretKey chosen, double[] confidence) {

    public CandidateChoice {
        confidence = confidence.clone();
    }

    /**
     * Chooses among {@code candidates} with {@code model} on the attacker's plain, unlabelled
     * N×C×H×W images in [0,1].
     */
    public static CandidateChoice choose(Network model, NDArray images, List<SecretKey> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate keys to choose from: run a ciphertext-only recovery first");
        }
        double[] confidence = new double[candidates.size()];
        int best = 0;
        for (int i = 0; i < confidence.length; i++) {
            try (NDManager scope = images.getManager().newSubManager(); BlockTransform t = BlockTransform.of(candidates.get(i))) {
                images.tempAttach(scope);
                NDArray logits = model.logits(t.encrypt(images));
                confidence[i] = logits.softmax(1).max(new int[] {1}).mean().getFloat();
            }
            if (confidence[i] > confidence[best]) {
                best = i;
            }
        }
        return new CandidateChoice(candidates.get(best), confidence);
    }
}
