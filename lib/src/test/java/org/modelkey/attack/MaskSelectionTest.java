package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockTransform;

class MaskSelectionTest {

    @ParameterizedTest
    @EnumSource(value = KeyKind.class, names = {"NP", "FFX"})
    void selectingGivesExactlyTheCipherOutput(KeyKind kind) {
        SecretKey built = SecretKey.fromSeed(kind, 4, 3, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.randomUniform(0, 1, new Shape(3, 3, 8, 12));
            try (MaskSelection selection = MaskSelection.of(built, images)) {
                for (long seed = 2; seed < 6; seed++) {
                    SecretKey drawn = SecretKey.fromSeed(kind, 4, 3, seed);
                    SecretKey key = kind == KeyKind.FFX ? ((SecretKey.Ffx) drawn).withPassword(((SecretKey.Ffx) built).password()) : drawn;
                    assertTrue(selection.fits(key));
                    try (NDManager scope = m.newSubManager(); BlockTransform t = BlockTransform.of(key)) {
                        NDArray expected = t.encrypt(images);
                        NDArray selected = selection.encrypt(key, scope);
                        assertArrayEquals(expected.toFloatArray(), selected.toFloatArray(), 0f, key.toString());
                        expected.close();
                    }
                }
                if (kind == KeyKind.FFX) {
                    SecretKey otherPassword = SecretKey.fromSeed(kind, 4, 3, 9);
                    assertFalse(selection.fits(otherPassword));
                    var e = assertThrows(IllegalArgumentException.class, () -> selection.encrypt(otherPassword, m));
                    assertTrue(e.getMessage().contains("build a selection"), e.getMessage());
                }
            }
        }
    }

    @Test
    void anOddBlockLengthHasNoComplementaryMask() {
        SecretKey odd = SecretKey.fromSeed(KeyKind.NP, 3, 1, 1);
        assertFalse(MaskSelection.supports(odd));
        assertFalse(MaskSelection.supports(SecretKey.fromSeed(KeyKind.SHF, 4, 3, 1)));
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(IllegalArgumentException.class, () -> MaskSelection.of(odd, m.zeros(new Shape(1, 1, 3, 3))));
            assertTrue(e.getMessage().contains("even M·M·C"), e.getMessage());
        }
    }
}
