package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleTransformTest {

    /** A 40×60 image, white where the mask is 1 (a disc), black elsewhere. */
    private static Sample disc() {
        int h = 40, w = 60;
        float[] data = new float[3 * h * w];
        byte[] mask = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((y - 20) * (y - 20) + (x - 35) * (x - 35) < 15 * 15) {
                    mask[y * w + x] = 1;
                    for (int c = 0; c < 3; c++) {
                        data[c * h * w + y * w + x] = 1f;
                    }
                }
            }
        }
        return Sample.masked(new Pixels(3, h, w, data), mask);
    }

    @Test
    void augmentationIsDeterministicGivenTheSeed() {
        SampleTransform aug = SampleTransform.standardAugmentation(32);
        Sample a = aug.apply(disc(), new Random(3));
        Sample b = aug.apply(disc(), new Random(3));
        Sample c = aug.apply(disc(), new Random(4));
        assertEquals(a.image(), b.image());
        assertArrayEquals(a.mask(), b.mask());
        assertNotEquals(a.image(), c.image());
        assertEquals(32, a.image().height());
        assertEquals(32, a.image().width());
    }

    @Test
    void theMaskFollowsTheImageThroughCropsAndFlips() {
        SampleTransform aug = new RandomResizedCrop(48, 0.3, 1.0).andThen(new HorizontalFlip(0.5));
        for (int seed = 0; seed < 20; seed++) {
            Sample s = aug.apply(disc(), new Random(seed));
            int agree = 0, n = s.mask().length;
            for (int i = 0; i < n; i++) {
                boolean white = s.image().data()[i] > 0.5f;
                agree += white == (s.mask()[i] == 1) ? 1 : 0;
            }
            assertTrue(agree >= 0.97 * n, "seed " + seed + ": mask and image agree on " + agree + " of " + n);
        }
    }

    @Test
    void flipMirrorsImageAndMaskExactly() {
        Sample s = disc();
        Sample f = new HorizontalFlip(1).apply(s, new Random(0));
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                assertEquals(s.maskAt(y, x), f.maskAt(y, 59 - x));
                assertEquals(s.image().data()[y * 60 + x], f.image().data()[y * 60 + 59 - x]);
            }
        }
        assertEquals(s, new HorizontalFlip(0).apply(s, new Random(0)));
    }

    @Test
    void centreCropKeepsTheCentre() {
        Sample s = new CenterCrop(20, 20).apply(disc(), new Random(0));
        assertEquals(20, s.image().height());
        assertEquals(20, s.image().width());
        assertEquals(1, s.maskAt(10, 13)); // disc centre (20, 35): the 40×40 window starts at column 10, halved → (10, 12.5)
        assertEquals(new CenterCrop(224, 256), CenterCrop.of(224));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(32, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HorizontalFlip(1.5));
        var e = assertThrows(IllegalArgumentException.class, () -> new CenterCrop(256, 224));
        assertTrue(e.getMessage().contains("224 from 256"), e.getMessage());
    }
}
