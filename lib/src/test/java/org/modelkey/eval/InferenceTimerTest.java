package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.SyntheticImages;
import tech.tablesaw.api.Table;

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
    void onTheFirstBatchTimesOneImageAndTheWholeBatch() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(4))) {
            var test = SyntheticImages.dataset(manager, 10, 2, 1, 3, 12);
            InferenceTimes timings = InferenceTimer.onFirstBatch(network, test, SyntheticImages.key(1), 1, 2);
            assertEquals(List.of(1, 12), List.copyOf(timings.byBatch().keySet()));
            assertEquals(12, timings.largestBatch());
            assertTrue(timings.at(12).plainMillisPerImage() > 0, timings.toString());
            Table t = timings.toTable();
            assertEquals(List.of(InferenceTimes.BATCH, InferenceTimes.PLAIN_MS_PER_IMAGE, InferenceTimes.KEYED_MS_PER_IMAGE,
                    InferenceTimes.INFERENCE_OVERHEAD_PERCENT), t.columnNames());
            assertEquals(List.of(1, 12), t.intColumn(InferenceTimes.BATCH).asList());
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
