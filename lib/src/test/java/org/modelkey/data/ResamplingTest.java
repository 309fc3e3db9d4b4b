package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplingTest {

    private static Pixels ramp(int c, int h, int w) {
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 251) / 250f;
        }
        return new Pixels(c, h, w, d);
    }

    @Test
    void shrinkingAveragesTheCoveredPixels() {
        Pixels src = new Pixels(1, 2, 4, new float[] {0, 0.2f, 0.4f, 0.6f, 1, 0.8f, 0.6f, 0.4f});
        Pixels out = Resampling.resize(src, 1, 2);
        assertEquals((0 + 0.2f + 1 + 0.8f) / 4, out.data()[0], 1e-6);
        assertEquals((0.4f + 0.6f + 0.6f + 0.4f) / 4, out.data()[1], 1e-6);
    }

    @Test
    void sameSizeIsTheIdentityAndFlipMirrorsExactly() {
        Pixels src = ramp(3, 5, 7);
        assertEquals(src, Resampling.resize(src, 5, 7));
        Pixels flipped = Resampling.crop(src, 0, 0, 5, 7, 5, 7, true);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    assertEquals(src.data()[(c * 5 + y) * 7 + x], flipped.data()[(c * 5 + y) * 7 + 6 - x]);
                }
            }
        }
    }

    @Test
    void constantImagesStayConstantAtAnyScale() {
        float[] d = new float[3 * 40 * 30];
        java.util.Arrays.fill(d, 0.3f);
        Pixels src = new Pixels(3, 40, 30, d);
        for (int[] size : new int[][] {{7, 5}, {40, 30}, {97, 61}}) {
            for (float v : Resampling.crop(src, 3.5, 2.25, 30, 20, size[0], size[1], true).data()) {
                assertEquals(0.3f, v, 1e-5);
            }
        }
    }

    @Test
    void masksUseNearestNeighbourAndKeepTheirValues() {
        byte[] mask = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        assertArrayEquals(new byte[] {5, 7, 13, 15}, Resampling.cropMask(mask, 4, 4, 0, 0, 4, 4, 2, 2, false));
        assertArrayEquals(new byte[] {3, 2, 1, 0}, Resampling.cropMask(mask, 4, 4, 0, 0, 1, 4, 1, 4, true));
    }

    @Test
    void aWindowOutsideTheImageIsRejectedWithTheBounds() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Resampling.crop(ramp(1, 4, 4), 2, 0, 3, 4, 2, 2, false));
        assertTrue(e.getMessage().contains("4×4"), e.getMessage());
    }
}
