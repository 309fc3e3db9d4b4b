package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.SyntheticImages;

class InferenceTimerTest {

    @Test
    void timesBothPathsPerImageAndKeepsMemoryFlat() {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            NDArray batch = manager.randomUniform(0, 1, network.spec().batchShape(16));
            int arraysBefore = manager.getManagedArrays().size();
            InferenceTime time = InferenceTimer.measure(network, batch, SyntheticImages.key(1), 1, 3);
            assertTrue(time.plainMillisPerImage() > 0 && time.keyedMillisPerImage() > 0, time.toString());
            assertTrue(Double.isFinite(time.overhead()) && time.plainImagesPerSecond() > 0, time.toString());
            assertTrue(manager.getManagedArrays().size() == arraysBefore, "timing rounds leave arrays behind");
        }
    }

    @Test
    void badRepeatsOrShapesAreRefused() {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            NDArray batch = manager.zeros(network.spec().batchShape(2));
            assertThrows(IllegalArgumentException.class, () -> InferenceTimer.measure(network, batch, x -> x, 0, 0));
            NDArray wrong = manager.zeros(new ai.djl.ndarray.types.Shape(2, 3, 16, 16));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> InferenceTimer.measure(network, wrong, x -> x, 0, 1)).getMessage().contains("does not fit"));
        }
    }
}
