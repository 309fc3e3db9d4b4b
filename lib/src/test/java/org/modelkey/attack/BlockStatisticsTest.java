package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modelkey.transform.BlockLayout;

class BlockStatisticsTest {

    private static final BlockLayout LAYOUT = new BlockLayout(4, 3, 32, 32);

    @Test
    void withinBlockCorrelationsAreSymmetricWithOnesOnTheDiagonal() {
        BlockStatistics s = BlockStatistics.of(SmoothImages.batch(2, 3, 32, 2, 1), 2, LAYOUT);
        double[][] r = s.within();
        for (int i = 0; i < r.length; i++) {
            assertEquals(1, r[i][i], 1e-9);
            for (int j = 0; j < r.length; j++) {
                assertEquals(r[i][j], r[j][i], 1e-9);
                assertTrue(Math.abs(r[i][j]) <= 1 + 1e-9);
            }
        }
        assertEquals(2, s.images());
        assertEquals(128, s.blocks());
    }

    @Test
    void neighboursCorrelateMoreAcrossTheSharedEdgeThanAcrossTheBlock() {
        BlockStatistics s = BlockStatistics.of(SmoothImages.batch(5, 3, 32, 2, 2), 5, LAYOUT);
        int rightEdge = LAYOUT.position(0, 0, 3);
        int leftEdge = LAYOUT.position(0, 0, 0);
        double[][] right = s.right();
        assertTrue(right[rightEdge][leftEdge] > right[leftEdge][rightEdge] + 0.2,
                "edge pair " + right[rightEdge][leftEdge] + " vs far pair " + right[leftEdge][rightEdge]);
        int bottom = LAYOUT.position(0, 3, 0);
        double[][] down = s.down();
        assertTrue(down[bottom][leftEdge] > down[leftEdge][bottom] + 0.2);
    }

    @Test
    void eachImageIsCentredSoABrighterCopyAddsNothing() {
        float[] one = SmoothImages.batch(1, 3, 32, 2, 3);
        float[] two = new float[2 * one.length];
        for (int i = 0; i < one.length; i++) {
            two[i] = one[i] * 0.5f;
            two[one.length + i] = one[i] * 0.5f + 0.5f;
        }
        double[][] a = BlockStatistics.of(one, 1, LAYOUT).within();
        double[][] b = BlockStatistics.of(two, 2, LAYOUT).within();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[i][j], b[i][j], 1e-4, "position pair " + i + "," + j);
            }
        }
    }

    @Test
    void oneBlockIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BlockStatistics.of(new float[48], 1, new BlockLayout(4, 3, 4, 4)));
        assertTrue(e.getMessage().contains("at least two blocks"), e.getMessage());
    }
}
