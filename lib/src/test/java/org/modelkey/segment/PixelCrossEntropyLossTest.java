package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class PixelCrossEntropyLossTest {

    private final PixelCrossEntropyLoss loss = new PixelCrossEntropyLoss(2);

    /** N=1, K=2, H=1, W=3 scores: pixel 0 favours class 0, pixel 1 class 1, pixel 2 neither. */
    private static NDArray scores(NDManager nd) {
        return nd.create(new float[] {2, 0, 0, 0, 1, 0}, new Shape(1, 2, 1, 3));
    }

    private static double nll(double right, double other) {
        return -(right - Math.log(Math.exp(right) + Math.exp(other)));
    }

    @Test
    void isTheMeanNegativeLogLikelihoodOverScoredPixels() {
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray mask = nd.create(new int[] {0, 1, 1}, new Shape(1, 1, 3));
            double expected = (nll(2, 0) + nll(1, 0) + nll(0, 0)) / 3;
            assertEquals(expected, loss.evaluate(new NDList(mask), new NDList(scores(nd))).getFloat(), 1e-6);
        }
    }

    @Test
    void ignoresLabel255EvenWhereTheScoresAreWrong() {
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray mask = nd.create(new int[] {0, 255, 255}, new Shape(1, 1, 3));
            assertEquals(nll(2, 0), loss.evaluate(new NDList(mask), new NDList(scores(nd))).getFloat(), 1e-6);
            NDArray none = nd.full(new Shape(1, 1, 3), 255, DataType.UINT8);
            assertEquals(0f, loss.evaluate(new NDList(none), new NDList(scores(nd))).getFloat());
        }
    }

    @Test
    void ignoredPixelsGetNoGradient() {
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray s = scores(nd);
            s.setRequiresGradient(true);
            NDArray mask = nd.create(new int[] {0, 255, 1}, new Shape(1, 1, 3));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.evaluate(new NDList(mask), new NDList(s)));
            }
            float[] g = s.getGradient().toFloatArray(); // layout K×W: class 0 then class 1
            assertEquals(0f, g[1]);
            assertEquals(0f, g[4]);
            assertTrue(g[0] < 0 && g[5] < 0, "the scored pixels pull their true class up");
        }
    }

    @Test
    void badMasksAreExplained() {
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray wrongSize = nd.zeros(new Shape(1, 2, 3), DataType.INT32);
            String size = assertThrows(IllegalArgumentException.class,
                    () -> loss.evaluate(new NDList(wrongSize), new NDList(scores(nd)))).getMessage();
            assertTrue(size.contains("(1, 2, 3)") && size.contains("(1, 1, 3)"), size);
            NDArray above = nd.create(new int[] {0, 2, 255}, new Shape(1, 1, 3));
            String range = assertThrows(IllegalArgumentException.class,
                    () -> loss.evaluate(new NDList(above), new NDList(scores(nd)))).getMessage();
            assertTrue(range.contains("mask value 2") && range.contains("class count"), range);
            String classes = assertThrows(IllegalArgumentException.class,
                    () -> new PixelCrossEntropyLoss(3).evaluate(new NDList(above), new NDList(scores(nd))))
                    .getMessage();
            assertTrue(classes.contains("N×3×H×W"), classes);
        }
    }
}
