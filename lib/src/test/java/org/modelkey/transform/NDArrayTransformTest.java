package org.modelkey.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;

class NDArrayTransformTest {

    @Test
    void ndArrayPathEqualsArrayPathForBatchesAndSingleImages() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (KeyKind kind : KeyKind.values()) {
                for (int m : new int[] {2, 4, 16}) {
                    try (BlockTransform bt = BlockTransform.of(SecretKey.fromSeed(kind, m, 3, m))) {
                        float[] x = BlockTransformTest.randomImages(4, 3, 32, 48, m, kind != KeyKind.SHF);
                        float[] y = bt.encrypt(x, 4, 32, 48);
                        NDArray batch = manager.create(x, new Shape(4, 3, 32, 48));
                        NDArray encrypted = bt.encrypt(batch);
                        assertEquals(batch.getShape(), encrypted.getShape());
                        assertSame(manager, encrypted.getManager());
                        assertArrayEquals(y, encrypted.toFloatArray(), kind + " M=" + m);
                        assertArrayEquals(x, bt.decrypt(encrypted).toFloatArray(), kind + " M=" + m);

                        float[] one = java.util.Arrays.copyOf(x, 3 * 32 * 48);
                        NDArray image = manager.create(one, new Shape(3, 32, 48));
                        assertArrayEquals(bt.encrypt(one, 32, 48), bt.encrypt(image).toFloatArray());
                        // the float decrypt path on arbitrary values in [0,1] also matches (FFX: rounding rules agree)
                        float[] noise = BlockTransformTest.randomImages(2, 3, 32, 48, 99, false);
                        assertArrayEquals(bt.decrypt(noise, 2, 32, 48),
                                bt.decrypt(manager.create(noise, new Shape(2, 3, 32, 48))).toFloatArray());
                    }
                }
            }
        }
    }

    @Test
    void worksAsAUnaryOperatorForTraining() {
        try (NDManager manager = NDManager.newBaseManager();
                BlockTransform bt = BlockTransform.of(SecretKey.fromSeed(KeyKind.NP, 4, 3, 1))) {
            UnaryOperator<NDArray> op = bt::encrypt;
            NDArray x = manager.randomUniform(0f, 1f, new Shape(2, 3, 8, 8));
            assertEquals(x.getShape(), op.apply(x).getShape());
        }
    }

    @Test
    void badArraysAreRejectedWithTheFix() {
        try (NDManager manager = NDManager.newBaseManager();
                BlockTransform bt = BlockTransform.of(SecretKey.fromSeed(KeyKind.FFX, 4, 3, 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> bt.encrypt(manager.zeros(new Shape(2, 1, 8, 8))));
            assertTrue(e.getMessage().contains("1 channels") && e.getMessage().contains("C=3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> bt.encrypt(manager.zeros(new Shape(3, 10, 8))));
            assertTrue(e.getMessage().contains("height 10"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> bt.encrypt(manager.ones(new Shape(3, 8, 8)).mul(2)));
            assertTrue(e.getMessage().contains("[0,1]"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> bt.encrypt(manager.zeros(new Shape(3, 8, 8), DataType.UINT8)));
            assertTrue(e.getMessage().contains("float32"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> bt.encrypt(manager.zeros(new Shape(8, 8))));
            assertTrue(e.getMessage().contains("N×C×H×W"), e.getMessage());
        }
    }
}
