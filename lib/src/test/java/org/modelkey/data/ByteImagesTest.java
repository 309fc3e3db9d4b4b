package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteImagesTest {

    /** Three 3×8×8 scenes with masks (value 255 on one pixel). */
    private static ByteImages scenes() {
        byte[] pixels = new byte[3 * 192];
        byte[] masks = new byte[3 * 64];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k * 7);
        }
        for (int k = 0; k < masks.length; k++) {
            masks[k] = (byte) (k % 64 < 32 ? 0 : 1 + k / 64);
        }
        masks[5] = (byte) 255;
        return new ByteImages(3, 3, 8, 8, ByteBuffer.wrap(pixels), null, ByteBuffer.wrap(masks), null,
                List.of("background", "a", "b", "c"));
    }

    @Test
    void aCopyWithoutChangeHoldsTheSameBytesAndMasks() throws IOException {
        ByteImages src = scenes();
        ByteImages copy = ByteImages.copyOf(src, (s, rng) -> s);
        assertEquals(3, copy.size());
        assertEquals(src.classes(), copy.classes());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(src.bytes(i), copy.bytes(i));
            assertArrayEquals(src.sample(i).mask(), copy.sample(i).mask());
        }
    }

    @Test
    void aResizedCopyMatchesResizingOnTheFlyToEightBits() throws IOException {
        ByteImages src = scenes();
        SampleTransform resize = (s, rng) -> SampleTransform.cropResize(s, 0, 0, 8, 8, 4, 4, false);
        ByteImages copy = ByteImages.copyOf(src, resize);
        assertEquals(4, copy.height());
        assertEquals(4, copy.width());
        for (int i = 0; i < 3; i++) {
            Sample direct = resize.apply(src.sample(i), null);
            float[] expected = direct.image().data();
            float[] held = copy.sample(i).image().data();
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], held[k], 0.5f / 255 + 1e-6f, "image " + i + ", value " + k);
            }
            assertArrayEquals(direct.mask(), copy.sample(i).mask());
        }
    }

    @Test
    void samplesOfDifferentSizesAreExplained() {
        ByteImages src = scenes();
        SampleTransform uneven = (s, rng) -> SampleTransform.cropResize(s, 0, 0, 8, 8, 4, s.maskAt(7, 7) == 1 ? 4 : 8, false);
        var e = assertThrows(IllegalArgumentException.class, () -> ByteImages.copyOf(src, uneven));
        assertTrue(e.getMessage().contains("sample 1") && e.getMessage().contains("one size"), e.getMessage());
    }
}
