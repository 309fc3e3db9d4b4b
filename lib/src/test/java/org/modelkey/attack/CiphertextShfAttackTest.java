package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.BlockTransform;

class CiphertextShfAttackTest {

    private static final BlockLayout LAYOUT = new BlockLayout(4, 3, 32, 32);

    @Test
    void aFewEncryptedImagesPlaceMostPositions() {
        SecretKey key = SecretKey.fromSeed(KeyKind.SHF, 4, 3, 31);
        float[] observed = BlockTransform.of(key).encrypt(SmoothImages.batch(5, 3, 32, 2, 5), 5, 32, 32);
        CiphertextRecovery r = new CiphertextShfAttack(NaturalImagePrior.DEFAULT, 2, 20, 1).recover(observed, 5, LAYOUT);
        assertEquals(6, r.candidates().size(), "one candidate per relabelling of the 3 channels");
        assertTrue(r.right(key) >= 40, "positions right: " + r.right(key) + " of 48");
        assertTrue(r.unresolved().contains("channel"), r.unresolved());
    }

    @Test
    void theSwapGainIsTheChangeOfTheAgreement() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 12;
        double[][][] s = new double[3][n][n];
        double[][][] p = new double[3][n][n];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[t][i][j] = rng.nextDouble() - 0.5;
                    p[t][i][j] = rng.nextDouble();
                }
            }
        }
        int[] q = {3, 7, 1, 0, 11, 5, 2, 9, 4, 10, 6, 8};
        double before = CiphertextShfAttack.agreement(q, s, p);
        double gain = 0;
        for (int t = 0; t < 3; t++) {
            gain += CiphertextShfAttack.swapGain(q, 2, 9, s[t], p[t]);
        }
        int[] swapped = q.clone();
        swapped[2] = q[9];
        swapped[9] = q[2];
        assertEquals(CiphertextShfAttack.agreement(swapped, s, p) - before, gain, 1e-9);
    }

    @Test
    void theChannelRelabellingsAreAllPermutationsIdentityFirst() {
        List<int[]> all = CiphertextShfAttack.channelPermutations(3);
        assertEquals(6, all.size());
        Set<String> distinct = new HashSet<>();
        all.forEach(p -> distinct.add(java.util.Arrays.toString(p)));
        assertEquals(6, distinct.size());
        assertEquals("[0, 1, 2]", java.util.Arrays.toString(all.get(0)));
        assertEquals(1, CiphertextShfAttack.channelPermutations(1).size());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CiphertextShfAttack(NaturalImagePrior.DEFAULT, 0, 20, 1));
        assertThrows(IllegalArgumentException.class, () -> new NaturalImagePrior(0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new NaturalImagePrior(2, 1.5));
    }
}
