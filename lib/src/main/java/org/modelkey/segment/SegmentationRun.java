package org.modelkey.segment;

import java.util.List;
import org.modelkey.eval.AccessControlResult;

/**
 * One model of the block-size sweep (Ito et al. 2021, Table 1 and Fig. 6): its transform and block
 * size, the id of its key, its test scores with the correct key (plain images for the baseline),
 * with each incorrect key and on plain images, and what it cost.
 *
 * @param method {@link #BASELINE} or the key kind's name (SHF, NP, FFX)
 * @param blockSize M, 0 for the baseline
 * @param keyId the random id of the model's key ({@code none} for the baseline): never the key itself
 * @param bestEpoch the epoch (from 0) of the lowest validation loss, whose parameters the model holds;
 *     -1 when the model was loaded from the model store (the store keeps the parameters, not the history)
 * @param access mean IoU with the correct key, each incorrect key, and on plain images (Fig. 6);
 *     {@code null} for the baseline
 * @param incorrect the score under each incorrect key, in {@code access}'s order (empty for the baseline)
 * @param trainSeconds the training's wall time, as the model store recorded it
 * @param scoreSeconds the wall time of scoring the test set under every condition
 */
public record SegmentationRun(String method, int blockSize, String keyId, int bestEpoch,
        SegmentationEvaluation.Score correct, AccessControlResult access, List<SegmentationEvaluation.Score> incorrect,
        SegmentationEvaluation.Score plain, double trainSeconds, double scoreSeconds) {

    /** The {@link #method} of the non-protected model. */
    public static final String BASELINE = "baseline";

    public SegmentationRun {
        incorrect = List.copyOf(incorrect);
    }

    public boolean isBaseline() {
        return BASELINE.equals(method);
    }

    /** {@code baseline} or e.g. {@code SHF M=4}. */
    public String label() {
        return isBaseline() ? method : method + " M=" + blockSize;
    }
}
