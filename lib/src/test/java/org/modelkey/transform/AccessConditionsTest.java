package org.modelkey.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;

class AccessConditionsTest {

    @Test
    void theConditionsAreTheKeyItsIncorrectKeysAndPlainImages() {
        SecretKey key = SecretKey.fromSeed(KeyKind.NP, 2, 3, 1);
        try (NDManager nd = NDManager.newBaseManager();
                AccessConditions c = AccessConditions.of(key, 3, 7);
                BlockTransform own = BlockTransform.of(key)) {
            NDArray x = nd.randomUniform(0, 1, new Shape(2, 3, 4, 4)).mul(255).floor().div(255);
            assertArrayEquals(own.encrypt(x).toFloatArray(), c.correct().apply(x).toFloatArray());
            List<SecretKey> others = key.incorrectKeys(3, 7);
            assertEquals(3, c.incorrect().size());
            for (int i = 0; i < 3; i++) {
                try (BlockTransform other = BlockTransform.of(others.get(i))) {
                    float[] expected = other.encrypt(x).toFloatArray();
                    assertArrayEquals(expected, c.incorrect().get(i).apply(x).toFloatArray());
                    assertFalse(Arrays.equals(expected, c.correct().apply(x).toFloatArray()), "key " + i + " is the correct one");
                }
            }
            assertArrayEquals(x.toFloatArray(), c.plain().apply(x).toFloatArray());
        }
        assertThrows(IllegalArgumentException.class, () -> AccessConditions.of(key, 0, 7));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccessConditions.of(key, java.util.List.of()))
                .getMessage().contains("at least one"));
    }
}
