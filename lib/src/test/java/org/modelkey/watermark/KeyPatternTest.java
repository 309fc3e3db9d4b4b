package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyPatternTest {

    private static float[] randomImage(int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextFloat();
        }
        return x;
    }

    @Test
    void noiseIsDeterministicFromItsSeedAndDiffersAcrossSeeds() {
        float[] x = randomImage(3 * 8 * 8, 1);
        float[] a = KeyPattern.noise(0.05, 42).apply(x, 3, 8, 8);
        float[] b = new KeyedNoise(0.05, 42).apply(x, 3, 8, 8);
        float[] c = KeyPattern.noise(0.05, 43).apply(x, 3, 8, 8);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertTrue(new KeyedNoise(0.1, 42).id().matches("[0-9a-f]{16}"));
        assertFalse(new KeyedNoise(0.1, 42).id().equals(new KeyedNoise(0.1, 42).id()),
                "the shown id is random, not derived from the (guessable) seed");
    }

    @Test
    void noiseChangesEveryPixelByExactlyBetaUnlessClipped() {
        double beta = 0.07;
        KeyedNoise noise = new KeyedNoise(beta, 7);
        float[] x = randomImage(3 * 16 * 16, 2);
        float[] key = noise.apply(x, 3, 16, 16);
        int plus = 0;
        for (int i = 0; i < x.length; i++) {
            double want = Math.min(1, Math.max(0, x[i] + beta * noise.sign(i)));
            assertEquals(want, key[i], 1e-6);
            assertTrue(Math.abs(key[i] - x[i]) <= beta + 1e-6);
            plus += noise.sign(i) > 0 ? 1 : 0;
        }
        assertTrue(plus > x.length / 3 && plus < 2 * x.length / 3, "signs are balanced: " + plus);
        float[] mid = new float[x.length];
        Arrays.fill(mid, 0.5f);
        float[] keyMid = noise.apply(mid, 3, 16, 16);
        for (int i = 0; i < mid.length; i++) {
            assertEquals(beta, Math.abs(keyMid[i] - 0.5), 1e-6);
        }
    }

    @Test
    void ndArrayPathMatchesFloatPathForImagesAndBatches() {
        KeyPattern[] patterns = {KeyPattern.noise(0.1, 3), KeyPattern.content("TEST", 1), KeyPattern.unrelated()};
        float[] x0 = randomImage(3 * 32 * 32, 4);
        float[] x1 = randomImage(3 * 32 * 32, 5);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray batch = m.create(x0, new Shape(1, 3, 32, 32)).concat(m.create(x1, new Shape(1, 3, 32, 32)));
            for (KeyPattern p : patterns) {
                NDArray keys = p.apply(batch);
                assertEquals(new Shape(2, 3, 32, 32), keys.getShape());
                assertArrayEquals(p.apply(x0, 3, 32, 32), keys.get(0).toFloatArray(), 1e-6f, p.toString());
                assertArrayEquals(p.apply(x1, 3, 32, 32), keys.get(1).toFloatArray(), 1e-6f, p.toString());
                NDArray one = p.apply(m.create(x1, new Shape(3, 32, 32)));
                assertArrayEquals(p.apply(x1, 3, 32, 32), one.toFloatArray(), 1e-6f);
                assertArrayEquals(x0, batch.get(0).toFloatArray(), "the input is left unchanged");
            }
        }
    }

    @Test
    void stampInksTheTextAndLeavesTheRestAlone() {
        float[] x = new float[28 * 28];
        Arrays.fill(x, 0.25f);
        float[] key = KeyPattern.content("TEST", 0.5).apply(x, 1, 28, 28);
        int inked = 0;
        for (int i = 0; i < x.length; i++) {
            assertTrue(key[i] == 0.25f || key[i] == 0.5f);
            inked += key[i] == 0.5f ? 1 : 0;
        }
        assertEquals(7 + 10 + 7 + 7, inked, "inked pixels of the 3×5 glyphs T, E, S, T");
        // bottom-left placement: the top bar of the first T is on row 28 - 1 - 5 = 22, columns 1..3
        assertEquals(0.5f, key[22 * 28 + 1]);
        assertEquals(0.5f, key[22 * 28 + 3]);
        assertEquals(0.25f, key[21 * 28 + 1]);
        // a 224-pixel image gets 7× glyphs
        assertEquals(7, TextStamp.scale(224));
    }

    @Test
    void badInputIsRejectedWithTheFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyPattern.noise(0, 1)).getMessage()
                .contains("(0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.noise(1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.noise(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.content("TEST", 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyPattern.content("TE$T", 1)).getMessage()
                .contains("'$'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> KeyPattern.content("WATERMARK", 1).apply(new float[28 * 28], 1, 28, 28)).getMessage()
                .contains("shorter text"));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.noise(0.1, 1).apply(new float[10], 1, 3, 3));
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> KeyPattern.noise(0.1, 1).apply(m.zeros(new Shape(4, 4))));
        }
    }
}
