package org.modelkey.attack;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.modelkey.data.Seeds;
import org.modelkey.eval.AccessControl;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.eval.Predictions;
import org.modelkey.key.SecretKey;
import org.modelkey.model.Network;
import org.modelkey.report.Numbers;
import org.modelkey.transform.AccessConditions;
import org.modelkey.transform.BlockTransform;

/**
 * The key-estimation attack on one stolen model, scored as ICIP 2021 Table 2 scores it: the search
 * on the attacker's batch, then the estimated key, the search's random start key, the correct key,
 * incorrect keys and plain images on the whole test set.
 *
 * @param subsetPercent share of the training set the stolen model was fine-tuned on (its Table 2 row)
 * @param modelSpec the stolen model's architecture
 * @param keyId the correct key's random identifier (never the key)
 * @param search the search's result on the attacker's batch
 * @param correctOnBatch the correct key's accuracy on the attacker's batch
 * @param access the correct key, the incorrect keys and plain images on the test set
 * @param estimatedAccuracy test accuracy with the estimated key
 * @param startAccuracy test accuracy with the search's random start key
 * @param keyBitsAgreeing share of mask positions where the estimated key equals the correct one
 * @param wallSeconds wall time of the search and of scoring it
 */
public record KeyEstimationOutcome(int subsetPercent, String modelSpec, String keyId, KeySearchResult search,
        double correctOnBatch, AccessControlResult access, double estimatedAccuracy, double startAccuracy,
        double keyBitsAgreeing, double wallSeconds) {

    /**
     * Runs {@code attack} on {@code stolen} with the first batch of {@code attackerData} (the
     * attacker's own labelled images, none of them in {@code test}), and scores every key on {@code test}.
     *
     * @param key the key the model was trained with, used only to score the attack
     * @param incorrectKeys incorrect keys of the key's kind, drawn from the seed derived from
     *     {@code seed} as {@code "incorrect-keys"}
     * @param attackerBatch the attacker's batch size, for the correct key's batch accuracy
     */
    public static KeyEstimationOutcome run(int subsetPercent, Network stolen, SecretKey key, KeySearchAttack attack,
            int attackerBatch, RandomAccessDataset attackerData, RandomAccessDataset test, int incorrectKeys, long seed,
            int evalBatch) throws IOException, TranslateException {
        long start = System.nanoTime();
        KeySearchResult r = attack.run(stolen, attackerData);
        double correctOnBatch;
        try (BatchAccuracy batch = BatchAccuracy.of(stolen.model(), attackerData, attackerBatch)) {
            correctOnBatch = batch.accuracy(key);
        }
        AccessControlResult access;
        try (AccessConditions c = AccessConditions.of(key, incorrectKeys, Seeds.derive(seed, "incorrect-keys"))) {
            access = AccessControl.evaluate(stolen, test, c.correct(), c.incorrect(), evalBatch);
        }
        double estimated = accuracy(stolen, r.estimated(), test, evalBatch);
        double startKey = accuracy(stolen, r.start(), test, evalBatch);
        return new KeyEstimationOutcome(subsetPercent, stolen.spec().toString(), key.id(), r, correctOnBatch, access,
                estimated, startKey, keyBitsAgreeing(r.estimated(), key), (System.nanoTime() - start) / 1e9);
    }

    /** @return the test accuracy of {@code network} with images transformed by {@code key} */
    public static double accuracy(Network network, SecretKey key, RandomAccessDataset test, int batchSize)
            throws IOException, TranslateException {
        try (BlockTransform t = BlockTransform.of(key)) {
            return Predictions.of(network, test, t::encrypt, batchSize).accuracy();
        }
    }

    /**
     * @return the share of the L mask positions at which two NP or FFX keys agree (1 for the same
     *     mask, about 0.5 for unrelated ones)
     */
    public static double keyBitsAgreeing(SecretKey estimated, SecretKey key) {
        if (!(estimated instanceof SecretKey.Masked a) || !(key instanceof SecretKey.Masked b) || a.length() != b.length()) {
            throw new IllegalArgumentException("key bits agree only between masked keys (NP, FFX) of one length, not "
                    + estimated.kind() + " and " + key.kind());
        }
        boolean[] x = a.mask(), y = b.mask();
        int same = 0;
        for (int k = 0; k < x.length; k++) {
            same += x[k] == y[k] ? 1 : 0;
        }
        return (double) same / x.length;
    }

    /** @return one line: the search's cost and speed, its batch accuracy, and the test accuracies in % */
    public String summary() {
        KeySearchResult r = search;
        return String.format("subset %3d %%: search %d evaluations in %.0f s (%.1f/s, plain %.1f/s), batch %.1f %% -> %.1f %% (correct key %.1f %%);"
                + " test: estimated %.1f %%, correct %.1f %%", subsetPercent, r.evaluations(), r.seconds(), r.evaluationsPerSecond(),
                r.plainForwardsPerSecond(), 100 * r.startAccuracy(), 100 * r.accuracy(), 100 * correctOnBatch,
                Numbers.percent(estimatedAccuracy), Numbers.percent(access.correct()));
    }
}
