package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MeanIoUTest {

    private static final int I = MeanIoU.IGNORE;

    @Test
    void perfectPredictionScoresOne() {
        int[] mask = {0, 0, 1, 1, 2, 2};
        MeanIoU m = new MeanIoU(3).add(mask.clone(), mask);
        assertEquals(1.0, m.value(), 1e-12);
        assertEquals(1.0, m.pixelAccuracy(), 1e-12);
    }

    @Test
    void disjointPredictionScoresZero() {
        MeanIoU m = new MeanIoU(2).add(new int[] {1, 1, 0, 0}, new int[] {0, 0, 1, 1});
        assertEquals(0.0, m.value(), 1e-12);
        assertEquals(0.0, m.pixelAccuracy(), 1e-12);
    }

    @Test
    void partialOverlapIsIntersectionOverUnionPerClass() {
        // truth: 4 background then 4 object; prediction marks one background pixel as object
        // and misses one object pixel: class 0 IoU = 3/5, class 1 IoU = 3/5
        int[] truth = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] guess = {0, 0, 0, 1, 1, 1, 1, 0};
        MeanIoU m = new MeanIoU(2).add(guess, truth);
        assertArrayEquals(new double[] {0.6, 0.6}, m.classIoU(), 1e-12);
        assertEquals(0.6, m.value(), 1e-12);
        assertEquals(6.0 / 8, m.pixelAccuracy(), 1e-12);
        assertArrayEquals(new long[][] {{3, 1}, {1, 3}}, m.confusion());
    }

    @Test
    void unequalClassIoUsAreAveragedOverClassesPresentOnly() {
        // class 0: hit 2, union 3 -> 2/3; class 1: hit 1, union 2 -> 1/2; class 2 absent
        MeanIoU m = new MeanIoU(3).add(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1});
        double[] iou = m.classIoU();
        assertEquals(2.0 / 3, iou[0], 1e-12);
        assertEquals(0.5, iou[1], 1e-12);
        assertTrue(Double.isNaN(iou[2]));
        assertEquals((2.0 / 3 + 0.5) / 2, m.value(), 1e-12);
    }

    @Test
    void ignoredPixelsCountNowhereWhateverIsPredicted() {
        MeanIoU m = new MeanIoU(2).add(new int[] {0, 1, 1, 0, 1}, new int[] {0, 1, I, I, I});
        assertEquals(2, m.pixels());
        assertEquals(1.0, m.value(), 1e-12);
    }

    @Test
    void accumulatesOverBatchesLikeOneBigSet() {
        int[] truth = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] guess = {0, 0, 0, 1, 1, 1, 1, 0};
        MeanIoU split = new MeanIoU(2);
        split.add(java.util.Arrays.copyOf(guess, 3), java.util.Arrays.copyOf(truth, 3));
        split.add(java.util.Arrays.copyOfRange(guess, 3, 8), java.util.Arrays.copyOfRange(truth, 3, 8));
        assertEquals(new MeanIoU(2).add(guess, truth).value(), split.value(), 1e-12);
        split.reset();
        assertEquals(0, split.pixels());
    }

    @Test
    void scoresOnTheEngineAreArgMaxedOverTheClassAxis() {
        try (NDManager nd = NDManager.newBaseManager()) {
            // N=1, K=2, H=1, W=3: predicted classes 1, 0, 1
            NDArray scores = nd.create(new float[] {0, 5, 0, 9, 1, 2}, new Shape(1, 2, 1, 3));
            NDArray mask = nd.create(new byte[] {1, 0, 0}, new Shape(1, 1, 3)).toType(DataType.UINT8, false);
            MeanIoU m = new MeanIoU(2).addScores(scores, mask);
            assertArrayEquals(new long[][] {{1, 1}, {0, 1}}, m.confusion());
        }
    }

    @Test
    void badInputIsExplained() {
        MeanIoU m = new MeanIoU(3);
        String above = assertThrows(IllegalArgumentException.class,
                () -> m.add(new int[] {0, 1}, new int[] {0, 7})).getMessage();
        assertTrue(above.contains("mask value 7") && above.contains("class count"), above);
        String predicted = assertThrows(IllegalArgumentException.class,
                () -> m.add(new int[] {0, 3}, new int[] {0, 1})).getMessage();
        assertTrue(predicted.contains("predicted class 3"), predicted);
        assertThrows(IllegalArgumentException.class, () -> new MeanIoU(1));
        assertTrue(assertThrows(IllegalStateException.class, m::value).getMessage().contains("no scored pixels"));
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray pred = nd.zeros(new Shape(2, 4, 4), DataType.INT32);
            NDArray mask = nd.zeros(new Shape(2, 8, 8), DataType.INT32);
            String size = assertThrows(IllegalArgumentException.class, () -> m.add(pred, mask)).getMessage();
            assertTrue(size.contains("(2, 4, 4)") && size.contains("(2, 8, 8)"), size);
            String floats = assertThrows(IllegalArgumentException.class,
                    () -> m.add(pred.toType(DataType.FLOAT32, false), pred)).getMessage();
            assertTrue(floats.contains("not an integer type"), floats);
        }
    }

    @Test
    void bootstrapOverImagesIsDeterministicAndBracketsTheScore() {
        MeanIoU m = new MeanIoU(2);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int image = 0; image < 40; image++) {
            int[] truth = new int[16], guess = new int[16];
            for (int p = 0; p < 16; p++) {
                truth[p] = p < 8 ? 1 : 0;
                guess[p] = r.nextInt(10) < 8 ? truth[p] : 1 - truth[p];
            }
            m.add(guess, truth);
        }
        assertEquals(40, m.images());
        var a = m.bootstrap(300, 5);
        assertEquals(a, m.bootstrap(300, 5));
        assertTrue(a.low() < m.value() && m.value() < a.high(), a + " around " + m.value());
        m.reset();
        assertEquals(0, m.images());
    }

    @Test
    void aBatchCountsEachImageApartForTheBootstrap() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray predicted = manager.create(new int[] {0, 1, 1, 1, 0, 0, 0, 1}, new Shape(2, 2, 2));
            NDArray masks = manager.create(new int[] {0, 1, 1, 1, 1, 1, 0, 1}, new Shape(2, 2, 2));
            MeanIoU m = new MeanIoU(2).add(predicted, masks);
            assertEquals(2, m.images());
            assertEquals(8, m.pixels());
        }
    }

    /** Forty images with {@code errorsInTen} of every ten pixels guessed wrong, drawn from {@code seed}. */
    private static MeanIoU noisy(int errorsInTen, long seed) {
        MeanIoU m = new MeanIoU(2);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int image = 0; image < 40; image++) {
            int[] truth = new int[16], guess = new int[16];
            for (int p = 0; p < 16; p++) {
                truth[p] = p < 8 ? 1 : 0;
                guess[p] = r.nextInt(10) < errorsInTen ? 1 - truth[p] : truth[p];
            }
            m.add(guess, truth);
        }
        return m;
    }

    @Test
    void theMeanOfSeveralEvaluationsIsBootstrappedOverTheirCommonImages() {
        MeanIoU good = noisy(1, 3), bad = noisy(5, 4);
        assertEquals(good.bootstrap(300, 5), MeanIoU.bootstrapMean(java.util.List.of(good), 300, 5),
                "one evaluation: the interval of its own mean IoU");
        assertEquals(good.bootstrap(300, 5), MeanIoU.bootstrapMean(java.util.List.of(good, good), 300, 5),
                "the mean of an evaluation with itself");
        var both = MeanIoU.bootstrapMean(java.util.List.of(good, bad), 300, 5);
        double mean = (good.value() + bad.value()) / 2;
        assertTrue(both.low() < mean && mean < both.high(), both + " around " + mean);
        MeanIoU fewer = new MeanIoU(2).add(new int[] {0, 1}, new int[] {0, 1});
        var e = assertThrows(IllegalArgumentException.class, () -> MeanIoU.bootstrapMean(java.util.List.of(good, fewer), 300, 5));
        assertTrue(e.getMessage().contains("40 and 1 images"), e.getMessage());
    }
}
