package org.modelkey.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretKeyTest {

    @Test
    void sameSeedSameKeyDifferentSeedsDifferentKeys() {
        for (KeyKind kind : KeyKind.values()) {
            assertEquals(SecretKey.fromSeed(kind, 4, 3, 7), SecretKey.fromSeed(kind, 4, 3, 7));
            HashSet<SecretKey> keys = new HashSet<>();
            for (long seed = 0; seed < 50; seed++) {
                keys.add(SecretKey.fromSeed(kind, 4, 3, seed));
            }
            assertEquals(50, keys.size(), kind + ": 50 seeds must give 50 different keys");
        }
    }

    @Test
    void shfIsAPermutationAndMasksSelectHalf() {
        SecretKey.Shf shf = (SecretKey.Shf) SecretKey.fromSeed(KeyKind.SHF, 4, 3, 1);
        assertEquals(48, shf.length());
        int[] sorted = shf.permutation();
        Arrays.sort(sorted);
        for (int i = 0; i < 48; i++) {
            assertEquals(i, sorted[i]);
        }
        for (KeyKind kind : new KeyKind[] {KeyKind.NP, KeyKind.FFX}) {
            SecretKey.Masked k = (SecretKey.Masked) SecretKey.fromSeed(kind, 2, 3, 1);
            int selected = 0;
            for (boolean b : k.mask()) {
                selected += b ? 1 : 0;
            }
            assertEquals(6, selected);
        }
        assertEquals(16, ((SecretKey.Ffx) SecretKey.fromSeed(KeyKind.FFX, 2, 3, 1)).password().length());
        assertTrue(SecretKey.fromSeed(KeyKind.NP, 2, 3, 1) instanceof SecretKey.Np);
    }

    @Test
    void secureRandomKeysDiffer() {
        assertNotEquals(SecretKey.random(KeyKind.NP, 4, 3), SecretKey.random(KeyKind.NP, 4, 3));
    }

    @Test
    void givenPasswordReplacesTheDrawnOne() {
        SecretKey.Ffx k = ((SecretKey.Ffx) SecretKey.fromSeed(KeyKind.FFX, 4, 3, 3)).withPassword("password");
        assertEquals("password", k.password());
        assertArrayEquals(SecretKey.fromSeed(KeyKind.FFX, 4, 3, 3).positions(), k.positions());
    }

    @Test
    void incorrectKeysAreDistinctAndNeverTheCorrectOne() {
        SecretKey correct = SecretKey.fromSeed(KeyKind.NP, 2, 3, 5);
        List<SecretKey> wrong = correct.incorrectKeys(100, 9);
        assertEquals(100, wrong.size());
        assertEquals(100, new HashSet<>(wrong).size());
        assertFalse(wrong.contains(correct));
        for (SecretKey k : wrong) {
            assertEquals(correct.kind(), k.kind());
            assertEquals(correct.blockSize(), k.blockSize());
        }
        assertEquals(wrong, correct.incorrectKeys(100, 9));
        // a whole-image SHF key (L = 150528) must not compute L! to check the count
        assertEquals(2, SecretKey.fromSeed(KeyKind.SHF, 224, 3, 0).incorrectKeys(2, 1).size());
        // M=1, C=2: NP has only C(2,1) = 2 masks, so one incorrect key at most.
        SecretKey tiny = SecretKey.fromSeed(KeyKind.NP, 1, 2, 0);
        assertEquals(1, tiny.incorrectKeys(1, 0).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.incorrectKeys(2, 0));
        assertTrue(e.getMessage().contains("allows only 1"), e.getMessage());
    }

    @Test
    void incorrectFfxKeysKeepThePasswordUnlessAskedForOtherPasswords() {
        SecretKey.Ffx correct = (SecretKey.Ffx) SecretKey.fromSeed(KeyKind.FFX, 2, 3, 5);
        List<SecretKey> sameMask = correct.incorrectKeys(50, 9);
        assertEquals(50, new HashSet<>(sameMask).size());
        for (SecretKey k : sameMask) {
            assertEquals(correct.password(), ((SecretKey.Ffx) k).password());
            assertFalse(java.util.Arrays.equals(correct.positions(), k.positions()), "only the mask tells them apart");
        }
        List<SecretKey> strict = correct.incorrectKeysWithOtherPasswords(50, 9);
        assertTrue(strict.stream().allMatch(k -> !((SecretKey.Ffx) k).password().equals(correct.password())));
        // M=1, C=2: C(2,1) = 2 masks, so one incorrect key keeps the password, many more change it
        SecretKey tiny = SecretKey.fromSeed(KeyKind.FFX, 1, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.incorrectKeys(2, 0));
        assertTrue(e.getMessage().contains("allows only 1 with the same password"), e.getMessage());
        assertEquals(5, tiny.incorrectKeysWithOtherPasswords(5, 0).size());
        // keys without a password: both ways give the same keys
        SecretKey np = SecretKey.fromSeed(KeyKind.NP, 2, 3, 5);
        assertEquals(np.incorrectKeys(10, 3), np.incorrectKeysWithOtherPasswords(10, 3));
    }

    @Test
    void keySpaceIsFactorialForShfAndBinomialForNp() {
        assertEquals(BigInteger.valueOf(479001600L), SecretKey.fromSeed(KeyKind.SHF, 2, 3, 0).keySpace()); // 12!
        assertEquals(BigInteger.valueOf(924), SecretKey.fromSeed(KeyKind.NP, 2, 3, 0).keySpace()); // C(12,6)
    }

    @Test
    void theIdIsRandomEvenForASeededKeyAndToStringHidesTheSecret() {
        SecretKey.Ffx k = (SecretKey.Ffx) SecretKey.fromSeed(KeyKind.FFX, 4, 3, 11);
        assertTrue(k.id().matches("[0-9a-f]{16}"));
        assertTrue(k.toString().contains(k.id()));
        assertFalse(k.toString().contains(k.password()));
        SecretKey again = SecretKey.fromSeed(KeyKind.FFX, 4, 3, 11);
        assertEquals(k, again, "the same material is the same key");
        assertNotEquals(k.id(), again.id(), "a seed (small, guessable) must not determine the published id");
        assertEquals(k.id(), k.withId(k.id()).id());
        assertThrows(IllegalArgumentException.class, () -> k.withId("3f9a0c1b77de"));
    }

    @Test
    void keySpaceBitsAgreeWithTheCountAndScaleToWholeImageBlocks() {
        assertEquals(Math.log(924) / Math.log(2), SecretKey.fromSeed(KeyKind.NP, 2, 3, 0).keySpaceBits(), 1e-9);
        assertEquals(Math.log(479001600.0) / Math.log(2), SecretKey.fromSeed(KeyKind.SHF, 2, 3, 0).keySpaceBits(), 1e-9);
        assertTrue(SecretKey.fromSeed(KeyKind.SHF, 224, 3, 0).keySpaceBits() > 2_000_000);
    }

    @Test
    void badPartsAreRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKey.of(KeyKind.SHF, 1, 3, new int[] {0, 0, 1}, null));
        assertTrue(e.getMessage().contains("exactly once"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SecretKey.of(KeyKind.NP, 1, 4, new int[] {0}, null));
        assertTrue(e.getMessage().contains("select exactly 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SecretKey.of(KeyKind.FFX, 1, 4, new int[] {0, 1}, null));
        assertTrue(e.getMessage().contains("needs a password"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SecretKey.fromSeed(KeyKind.NP, 0, 3, 0));
        assertTrue(e.getMessage().contains("M=0"), e.getMessage());
    }
}
