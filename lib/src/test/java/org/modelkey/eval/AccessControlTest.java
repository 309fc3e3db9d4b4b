package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.SyntheticImages;

class AccessControlTest {

    @Test
    void incorrectKeysGiveEachAccuracyTheirMeanAndSpread() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset test = SyntheticImages.dataset(manager, 4, 10, 1, 2, 16);
            UnaryOperator<NDArray> key = SyntheticImages.key(1);
            UnaryOperator<NDArray> other = SyntheticImages.key(2);
            double withKey = Predictions.of(network, test, key, 16).accuracy();
            double withOther = Predictions.of(network, test, other, 16).accuracy();

            AccessControlResult r = AccessControl.evaluate(network, test, key, List.of(key, other), 16);

            assertEquals(withKey, r.correct());
            assertArrayEquals(new double[] {withKey, withOther}, r.incorrect());
            assertEquals((withKey + withOther) / 2, r.incorrectMean(), 1e-12);
            assertEquals(Math.abs(withKey - withOther) / Math.sqrt(2), r.incorrectStd(), 1e-12);
            assertEquals(Predictions.of(network, test, UnaryOperator.identity(), 16).accuracy(), r.plain());
            assertEquals(40, Predictions.of(network, test, key, 7).predicted().length, "a last, smaller batch counts");
        }
    }

    @Test
    void anyScoreFunctionIsEvaluatedOncePerTransform() throws Exception {
        UnaryOperator<NDArray> key = x -> x.mul(2);
        UnaryOperator<NDArray> other = x -> x.mul(3);
        UnaryOperator<NDArray> another = x -> x.mul(5);
        Map<UnaryOperator<NDArray>, Double> iou = new HashMap<>(Map.of(key, 0.7, other, 0.2, another, 0.1));
        List<UnaryOperator<NDArray>> asked = new ArrayList<>();
        AccessControl.Score score = t -> {
            asked.add(t);
            return iou.getOrDefault(t, 0.05); // the identity (plain images) is not in the map
        };

        AccessControlResult r = AccessControl.evaluate(score, key, List.of(other, another));

        assertEquals(0.7, r.correct());
        assertArrayEquals(new double[] {0.2, 0.1}, r.incorrect());
        assertEquals(0.15, r.incorrectMean(), 1e-12);
        assertEquals(0.1 / Math.sqrt(2), r.incorrectStd(), 1e-12);
        assertEquals(0.05, r.plain());
        assertEquals(4, asked.size(), "correct, two incorrect, plain");
    }

    @Test
    void noIncorrectKeysIsRefused() {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset test = SyntheticImages.dataset(manager, 4, 2, 1, 2, 8);
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> AccessControl.evaluate(network, test, x -> x, List.of(), 8)).getMessage().contains("at least one"));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccessControlResult.of(0.9, new double[0], 0.1))
                .getMessage().contains("at least one"));
    }

    @Test
    void aResultOfMeasuredScoresGetsTheIncorrectKeysMeanAndSampleSpread() {
        AccessControlResult r = AccessControlResult.of(0.9, new double[] {0.1, 0.3}, 0.2);
        assertEquals(0.2, r.incorrectMean(), 1e-12);
        assertEquals(Math.sqrt(0.02), r.incorrectStd(), 1e-12);
        assertEquals(0.3, r.incorrectMax(), 1e-12);
        assertEquals(0.0, AccessControlResult.of(0.9, new double[] {0.1}, 0.2).incorrectStd());
    }
}
