package org.modelkey.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockLayoutTest {

    /** A 3×2×2 image whose value at (ch, y, x) is ch·4 + y·2 + x, over 16 to stay in [0,1]. */
    static float[] handImage() {
        float[] image = new float[12];
        for (int i = 0; i < 12; i++) {
            image[i] = i / 16f;
        }
        return image;
    }

    static float[] sixteenths(int... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / 16f;
        }
        return out;
    }

    @Test
    void flattensChannelLastByHand() {
        BlockLayout layout = new BlockLayout(2, 3, 2, 2);
        // index (r*M + c)*C + ch: (r,c) = (0,0) channels 0,1,2, then (0,1), (1,0), (1,1)
        float[] expected = sixteenths(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
        assertArrayEquals(expected, layout.split(handImage()));
        assertArrayEquals(handImage(), layout.merge(expected));
    }

    @Test
    void numbersBlocksRowByRow() {
        BlockLayout layout = new BlockLayout(2, 1, 2, 4);
        // image rows [0 1 2 3] and [4 5 6 7]: left block 0,1,4,5 then right block 2,3,6,7
        float[] image = sixteenths(0, 1, 2, 3, 4, 5, 6, 7);
        assertArrayEquals(sixteenths(0, 1, 4, 5, 2, 3, 6, 7), layout.split(image));
        assertEquals(2, layout.blockCount());
    }

    @Test
    void mergeInvertsSplitOnLargerImages() {
        BlockLayout layout = new BlockLayout(4, 3, 8, 12);
        float[] image = new float[layout.imageSize()];
        for (int i = 0; i < image.length; i++) {
            image[i] = i;
        }
        assertArrayEquals(image, layout.merge(layout.split(image)));
    }

    @Test
    void sidesMustBeMultiplesOfTheBlockSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlockLayout(4, 3, 30, 32));
        assertEquals("image height 30 is not a multiple of block size M=4: crop or resize to a multiple of 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BlockLayout(4, 3, 32, 30));
        assertTrue(e.getMessage().startsWith("image width 30"), e.getMessage());
    }

    @Test
    void levelsAreTheBlocksEightBitValuesChannelLast() {
        // 3×2×4 image of levels ch·8 + y·4 + x; M = 2 gives two blocks, the second starting at x = 2.
        float[] image = new float[24];
        for (int i = 0; i < 24; i++) {
            image[i] = i / 255f;
        }
        BlockLayout layout = new BlockLayout(2, 3, 2, 4);
        assertArrayEquals(new int[] {0, 8, 16, 1, 9, 17, 4, 12, 20, 5, 13, 21}, layout.levels(image, 0));
        assertArrayEquals(new int[] {2, 10, 18, 3, 11, 19, 6, 14, 22, 7, 15, 23}, layout.levels(image, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> layout.levels(image, 2));
        assertTrue(e.getMessage().contains("outside the image's 2 blocks"));
    }
}
