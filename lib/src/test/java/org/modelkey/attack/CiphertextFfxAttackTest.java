package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.BlockTransform;
import org.modelkey.transform.FfxTransform;
import tech.tablesaw.api.Table;

class CiphertextFfxAttackTest {

    private static final BlockLayout LAYOUT = new BlockLayout(4, 3, 32, 32);
    private static final SecretKey.Ffx KEY = (SecretKey.Ffx) SecretKey.fromSeed(KeyKind.FFX, 4, 3, 41);

    private static float[] encrypted(float[] plain, int count) {
        try (BlockTransform t = BlockTransform.of(KEY)) {
            return t.encrypt(plain, count, 32, 32);
        }
    }

    @Test
    void oneImageGivesTheSelectedPositionsTheDivisorAndTheUnselectedHalfInClear() {
        float[] plain = SmoothImages.batch(1, 3, 32, 2, 6);
        float[] observed = encrypted(plain, 1);
        FfxRecovery r = new CiphertextFfxAttack(NaturalImagePrior.DEFAULT).recover(observed, 1, LAYOUT);
        assertArrayEquals(KEY.positions(), r.positions());
        assertEquals(48, CiphertextScore.of(r, KEY).right());
        try (FfxTransform t = (FfxTransform) BlockTransform.of(KEY)) {
            assertEquals(t.scale(), r.scale());
        }
        float[] decrypted = r.decrypt(observed, 1, 32, 32);
        boolean[] mask = KEY.mask();
        for (int i = 0; i < plain.length; i++) {
            if (!mask[LAYOUT.position(i / 1024, i % 1024 / 32, i % 32)]) {
                assertEquals(plain[i], decrypted[i], 1e-6f, "unselected value " + i);
            }
        }
    }

    @Test
    void manyImagesGiveTheTableToWithinAFewLevels() {
        float[] plain = SmoothImages.batch(100, 3, 32, 2, 7);
        FfxRecovery r = new CiphertextFfxAttack(NaturalImagePrior.DEFAULT).recover(encrypted(plain, 100), 100, LAYOUT);
        assertEquals(256, r.codesSeen());
        assertTrue(r.ranked());
        CiphertextScore score = CiphertextScore.of(r, KEY);
        assertTrue(score.ffx().meanError() < 2, "mean table error " + score.ffx().meanError() + " levels");
        assertTrue(score.ffx().tableRight() > 100, "table entries right: " + score.ffx().tableRight());
        Table t = score.toTable();
        assertEquals("true", t.stringColumn(CiphertextScore.DIVISOR_RIGHT).get(0));
        assertEquals(score.ffx().tableRight(), t.doubleColumn(CiphertextScore.TABLE_RIGHT).get(0));
        assertEquals(48, t.intColumn(CiphertextScore.RIGHT).get(0));
        assertEquals(48, t.intColumn(CiphertextScore.CHOSEN_RIGHT).get(0));
    }

    @Test
    void theTrueTableEncryptsAsTheTransformDoes() {
        int[] table;
        int scale;
        try (FfxTransform t = (FfxTransform) BlockTransform.of(KEY)) {
            table = t.lookupTable();
            scale = t.scale();
        }
        int[] inverse = new int[1000];
        java.util.Arrays.fill(inverse, -1);
        for (int v = 0; v < 256; v++) {
            inverse[table[v]] = v;
        }
        FfxRecovery exact = new FfxRecovery(4, 3, KEY.positions(), scale, inverse, table, new int[48][0], 256, true, 0, 0, 0);
        float[] plain = SmoothImages.batch(2, 3, 32, 2, 8);
        float[] observed = encrypted(plain, 2);
        assertArrayEquals(observed, exact.encrypt(plain, 2, 32, 32));
        assertArrayEquals(plain, exact.decrypt(observed, 2, 32, 32), 1e-6f);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = manager.create(plain, new Shape(2, 3, 32, 32));
            assertArrayEquals(observed, exact.encrypt(batch).toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> exact.encrypt(batch.reshape(6, 32, 32)));
        }
    }

    @Test
    void valuesThatAreNotIntegerCodesAreRefused() {
        float[] resized = SmoothImages.batch(1, 3, 32, 2, 9);
        for (int i = 0; i < resized.length; i++) {
            resized[i] = resized[i] * 0.9937f + 0.0011f;
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CiphertextFfxAttack(NaturalImagePrior.DEFAULT).recover(resized, 1, LAYOUT));
        assertTrue(e.getMessage().contains("not FFX ciphertexts"), e.getMessage());
    }
}
