package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    /** A grey background and a pure red (class 0) and pure blue (class 1) opaque cut-out. */
    private static Pixels grey() {
        float[] d = new float[3 * 50 * 70];
        Arrays.fill(d, 0.5f);
        return new Pixels(3, 50, 70, d);
    }

    private static SceneGenerator.Cutout solid(int classIndex, int channel, int h, int w) {
        float[] d = new float[4 * h * w];
        Arrays.fill(d, channel * h * w, (channel + 1) * h * w, 1f);
        Arrays.fill(d, 3 * h * w, 4 * h * w, 1f);
        return new SceneGenerator.Cutout(classIndex, classIndex, new Pixels(4, h, w, d));
    }

    @Test
    void maskLabelsExactlyThePixelsOfEachObject() {
        SceneGenerator gen = new SceneGenerator(32, List.of(grey()), false);
        for (int seed = 0; seed < 10; seed++) {
            SceneGenerator.Scene s = gen.compose(new Random(seed), solid(0, 0, 32, 20), List.of(solid(1, 2, 16, 32)));
            float[] img = s.image().data();
            int plane = 32 * 32, objectPixels = 0;
            for (int i = 0; i < plane; i++) {
                int m = s.mask()[i];
                if (m == 1) {
                    assertTrue(img[i] > 0.5f && img[2 * plane + i] < 0.5f, "red under mask 1 at " + i);
                } else if (m == 2) {
                    assertTrue(img[2 * plane + i] > 0.5f && img[i] < 0.5f, "blue under mask 2 at " + i);
                } else {
                    assertEquals(0, m);
                    assertEquals(0.5f, img[plane + i], 1e-6, "grey background at " + i);
                }
                objectPixels += m == 1 ? 1 : 0;
            }
            assertTrue(objectPixels > 0.55 * 0.55 * plane * 20 / 32 * 0.9, "the main object is large: " + objectPixels);
        }
    }

    @Test
    void ignoredEdgesSeparateEveryPairOfClasses() {
        SceneGenerator gen = new SceneGenerator(32, List.of(grey()), true);
        SceneGenerator.Scene s = gen.compose(new Random(1), solid(0, 0, 20, 20), List.of());
        int ignored = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x + 1 < 32; x++) {
                int a = s.mask()[y * 32 + x] & 0xff, b = s.mask()[y * 32 + x + 1] & 0xff;
                assertTrue(a == b || a == Sample.IGNORE || b == Sample.IGNORE, "classes " + a + " and " + b + " touch");
                ignored += a == Sample.IGNORE ? 1 : 0;
            }
        }
        assertTrue(ignored > 0);
    }

    @Test
    void theIgnoredBandIsOnePixelWide() {
        SceneGenerator gen = new SceneGenerator(32, List.of(grey()), true);
        SceneGenerator.Scene s = gen.compose(new Random(1), solid(0, 0, 20, 20), List.of());
        int rows = 0;
        for (int y = 0; y + 1 < 32; y++) {
            if (hasObject(s.mask(), y) && hasObject(s.mask(), y + 1)) {
                int ignored = 0;
                for (int x = 0; x < 32; x++) {
                    ignored += (s.mask()[y * 32 + x] & 0xff) == Sample.IGNORE ? 1 : 0;
                }
                assertEquals(2, ignored, "row " + y + " crosses the square's left and right boundary once each");
                rows++;
            }
        }
        assertTrue(rows > 10, "the square spans many rows: " + rows);
    }

    private static boolean hasObject(byte[] mask, int y) {
        for (int x = 0; x < 32; x++) {
            if (mask[y * 32 + x] == 1) {
                return true;
            }
        }
        return false;
    }
}
