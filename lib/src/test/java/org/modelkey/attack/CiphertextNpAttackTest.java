package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.BlockTransform;
import tech.tablesaw.api.Table;

class CiphertextNpAttackTest {

    private static final BlockLayout LAYOUT = new BlockLayout(4, 3, 32, 32);

    @Test
    void oneEncryptedImageGivesEveryBitUpToTheFlip() {
        SecretKey key = SecretKey.fromSeed(KeyKind.NP, 4, 3, 21);
        float[] plain = SmoothImages.batch(1, 3, 32, 2, 3);
        float[] observed = BlockTransform.of(key).encrypt(plain, 32, 32);
        CiphertextRecovery r = new CiphertextNpAttack().recover(observed, 1, LAYOUT);
        assertEquals(2, r.candidates().size());
        assertEquals(48, r.right(key), "all 48 bits, up to the global flip");
        int first = CiphertextScore.right(r.candidates().get(0), key);
        int second = CiphertextScore.right(r.candidates().get(1), key);
        assertEquals(48, first + second, "the two candidates are a mask and its complement");
        assertTrue(first == 48 || second == 48);
        assertEquals(1, r.images());
        assertEquals(64, r.blocks());
    }

    @Test
    void theTableNamesItsColumnsAndShowsOnlyTheKeyId() {
        SecretKey key = SecretKey.fromSeed(KeyKind.NP, 4, 3, 22);
        float[] observed = BlockTransform.of(key).encrypt(SmoothImages.batch(2, 3, 32, 2, 4), 2, 32, 32);
        Table t = CiphertextScore.of(new CiphertextNpAttack().recover(observed, 2, LAYOUT), key).toTable();
        assertEquals(1, t.rowCount());
        assertEquals(48, t.intColumn(CiphertextScore.RIGHT).get(0));
        assertEquals(48, t.intColumn(CiphertextScore.OUT_OF).get(0));
        assertEquals(2, t.intColumn(CiphertextScore.IMAGES_OBSERVED).get(0));
        assertEquals(2, t.intColumn(CiphertextScore.CANDIDATES).get(0));
        assertEquals("bits", t.stringColumn(CiphertextScore.UNIT).get(0));
        assertEquals(key.id(), t.stringColumn(CiphertextScore.KEY_ID).get(0));
        assertTrue(t.doubleColumn(CiphertextScore.SECONDS).get(0) >= 0);
        assertTrue(t.intColumn(CiphertextScore.CHOSEN_RIGHT).isMissing(0), "no model chose");
        assertEquals(1.0, t.doubleColumn(CiphertextScore.SHARE_RIGHT).get(0));
        assertTrue(t.doubleColumn(CiphertextScore.TABLE_RIGHT).isMissing(0), "no table for NP");
    }

    @Test
    void constantImagesAreRefusedWithTheReason() {
        float[] grey = new float[3 * 32 * 32];
        java.util.Arrays.fill(grey, 0.5f);
        var e = assertThrows(IllegalArgumentException.class, () -> new CiphertextNpAttack().recover(grey, 1, LAYOUT));
        assertTrue(e.getMessage().contains("do not vary"), e.getMessage());
    }

    @Test
    void aBatchOfTheWrongSizeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CiphertextNpAttack().recover(new float[100], 1, LAYOUT));
        assertTrue(e.getMessage().contains("need 3072"), e.getMessage());
    }
}
