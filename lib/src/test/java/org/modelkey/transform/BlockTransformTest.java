package org.modelkey.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;

class BlockTransformTest {

    static final int[] BLOCK_SIZES = {1, 2, 4, 8, 16};

    /** Random values in [0,1], or 8-bit values k/255 when {@code eightBit}. */
    static float[] randomImages(int count, int channels, int height, int width, long seed, boolean eightBit) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * channels * height * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = eightBit ? rng.nextInt(256) / 255f : (float) rng.nextDouble();
        }
        x[0] = 0f;
        x[1] = 1f;
        return x;
    }

    static SecretKey key(KeyKind kind, int m, int c, long seed) {
        // NP/FFX need L >= 2; M = 1 with C = 1 has a single position
        return SecretKey.fromSeed(kind, m, c, seed);
    }

    @Test
    void decryptInvertsEncryptForEveryKindAndBlockSize() {
        for (KeyKind kind : KeyKind.values()) {
            for (int m : BLOCK_SIZES) {
                for (int c : new int[] {1, 3}) {
                    if (m * m * c < 2) {
                        continue;
                    }
                    BlockTransform bt = BlockTransform.of(key(kind, m, c, m * 31L + c));
                    boolean eightBit = kind != KeyKind.SHF; // NP and FFX are exact on 8-bit images
                    float[] x = randomImages(3, c, 32, 48, m + 7L * c, eightBit);
                    float[] y = bt.encrypt(x, 3, 32, 48);
                    assertFalse(Arrays.equals(x, y), kind + " M=" + m + " C=" + c + " left the images unchanged");
                    assertArrayEquals(x, bt.decrypt(y, 3, 32, 48), kind + " M=" + m + " C=" + c);
                }
            }
        }
    }

    @Test
    void aBatchGivesTheSameValuesAsItsImagesOneByOne() {
        for (KeyKind kind : KeyKind.values()) {
            BlockTransform bt = BlockTransform.of(key(kind, 4, 3, 12));
            int size = 3 * 16 * 8;
            float[] batch = randomImages(3, 3, 16, 8, 21, true);
            float[] together = bt.encrypt(batch, 3, 16, 8);
            for (int i = 2; i >= 0; i--) {
                float[] one = Arrays.copyOfRange(batch, i * size, (i + 1) * size);
                assertArrayEquals(Arrays.copyOfRange(together, i * size, (i + 1) * size), bt.encrypt(one, 16, 8), kind + " image " + i);
            }
        }
    }

    @Test
    void wholeImageBlockWorks() {
        for (KeyKind kind : KeyKind.values()) {
            BlockTransform bt = BlockTransform.of(key(kind, 32, 3, 1));
            float[] x = randomImages(1, 3, 32, 32, 5, true);
            assertArrayEquals(x, bt.decrypt(bt.encrypt(x, 32, 32), 32, 32), kind.name());
        }
    }

    @Test
    void shufflePinnedByHandOnOneChannelLastBlock() {
        // p[k] = (k + 1) mod 12: the flattened block [0,4,8, 1,5,9, 2,6,10, 3,7,11] becomes
        // [4,8,1, 5,9,2, 6,10,3, 7,11,0]; merged back: channel 0 = 4,5,6,7; 1 = 8..11; 2 = 1,2,3,0.
        int[] p = new int[12];
        for (int k = 0; k < 12; k++) {
            p[k] = (k + 1) % 12;
        }
        BlockTransform bt = BlockTransform.of(SecretKey.of(KeyKind.SHF, 2, 3, p, null));
        float[] expected = BlockLayoutTest.sixteenths(4, 5, 6, 7, 8, 9, 10, 11, 1, 2, 3, 0);
        assertArrayEquals(expected, bt.encrypt(BlockLayoutTest.handImage(), 2, 2));
    }

    @Test
    void everyKindMatchesItsDefinitionBlockByBlock() {
        for (KeyKind kind : KeyKind.values()) {
            SecretKey key = key(kind, 4, 3, 77);
            BlockTransform bt = BlockTransform.of(key);
            BlockLayout layout = bt.layout(16, 24);
            float[] x = randomImages(1, 3, 16, 24, 3, false);
            float[] blocks = layout.split(x);
            float[] expected = new float[blocks.length];
            int length = key.length();
            for (int b = 0; b < blocks.length; b += length) {
                for (int k = 0; k < length; k++) {
                    float v = blocks[b + k];
                    expected[b + k] = switch (kind) {
                        case SHF -> blocks[b + ((SecretKey.Shf) key).permutation()[k]];
                        case NP -> ((SecretKey.Masked) key).mask()[k] ? (255f - 255f * v) / 255f : v;
                        case FFX -> {
                            FfxTransform ffx = (FfxTransform) bt;
                            int level = (int) (v * 255f);
                            yield (float) (((SecretKey.Masked) key).mask()[k] ? ffx.lookupTable()[level] : level) / ffx.scale();
                        }
                    };
                }
            }
            assertArrayEquals(layout.merge(expected), bt.encrypt(x, 16, 24), kind.name());
        }
    }

    @Test
    void negativePositiveIs255MinusValueOnEightBits() {
        SecretKey key = key(KeyKind.NP, 16, 1, 4);
        BlockTransform bt = BlockTransform.of(key);
        float[] x = new float[256]; // one 16×16 block holding every 8-bit level once
        for (int k = 0; k < 256; k++) {
            x[k] = k / 255f;
        }
        float[] y = bt.encrypt(x, 16, 16);
        boolean[] mask = ((SecretKey.Np) key).mask();
        BlockLayout layout = bt.layout(16, 16);
        for (int o = 0; o < 256; o++) {
            int v = Math.round(y[o] * 255f);
            int selectedPos = layout.position(0, o / 16, o % 16);
            assertEquals(mask[selectedPos] ? 255 - o : o, v, "level " + o);
            assertEquals(mask[selectedPos] ? (255 ^ o) : o, v);
        }
    }

    @Test
    void ffxTableIsABijectionIntoThreeDigitsAndRoundTripsEveryLevel() {
        FfxTransform bt = (FfxTransform) BlockTransform.of(((SecretKey.Ffx) key(KeyKind.FFX, 16, 1, 9)).withPassword("password"));
        int[] table = bt.lookupTable();
        assertEquals(256, Arrays.stream(table).distinct().count());
        assertTrue(Arrays.stream(table).allMatch(e -> e >= 0 && e <= 999));
        assertEquals(Arrays.stream(table).max().orElseThrow(), bt.scale());
        float[] x = new float[256];
        for (int k = 0; k < 256; k++) {
            x[k] = k / 255f;
        }
        float[] y = bt.encrypt(x, 16, 16);
        assertTrue(Arrays.stream(bt.key().positions()).anyMatch(p -> y[p] != x[p] * 255f / bt.scale()));
        assertEquals(1f, max(y));
        assertArrayEquals(x, bt.decrypt(y, 16, 16));
    }

    @Test
    void differentPasswordsGiveDifferentTables() {
        SecretKey.Ffx k = (SecretKey.Ffx) key(KeyKind.FFX, 4, 3, 1);
        int[] a = ((FfxTransform) BlockTransform.of(k.withPassword("a"))).lookupTable();
        int[] b = ((FfxTransform) BlockTransform.of(k.withPassword("b"))).lookupTable();
        assertNotEquals(Arrays.toString(a), Arrays.toString(b));
    }

    @Test
    void badInputIsRejectedWithTheFix() {
        BlockTransform bt = BlockTransform.of(key(KeyKind.SHF, 4, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bt.encrypt(new float[3 * 30 * 32], 30, 32));
        assertTrue(e.getMessage().contains("height 30 is not a multiple of block size M=4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bt.encrypt(new float[32 * 32], 32, 32));
        assertTrue(e.getMessage().contains("C=3"), e.getMessage());
        float[] big = new float[3 * 32 * 32];
        big[5] = 255f;
        e = assertThrows(IllegalArgumentException.class, () -> bt.encrypt(big, 32, 32));
        assertTrue(e.getMessage().contains("[0,1]") && e.getMessage().contains("255"), e.getMessage());
        float[] nan = new float[3 * 32 * 32];
        nan[9] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> bt.decrypt(nan, 32, 32));
        float[] negative = new float[3 * 32 * 32];
        negative[0] = -0.5f;
        assertThrows(IllegalArgumentException.class, () -> BlockTransform.of(key(KeyKind.FFX, 4, 3, 1)).encrypt(negative, 32, 32));
    }

    @Test
    void rangeIsExactlyZeroToOneIncludingNegativeZero() {
        for (KeyKind kind : KeyKind.values()) {
            BlockTransform bt = BlockTransform.of(key(kind, 2, 1, 3));
            float[] edges = {-0f, 0f, 1f, 0.5f};
            assertEquals(4, bt.encrypt(edges, 2, 2).length);
            float[] above = {0f, Math.nextUp(1f), 0f, 0f};
            assertThrows(IllegalArgumentException.class, () -> bt.encrypt(above, 2, 2), kind.name());
            float[] below = {0f, 0f, -Float.MIN_VALUE, 0f};
            assertThrows(IllegalArgumentException.class, () -> bt.decrypt(below, 2, 2), kind.name());
        }
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
