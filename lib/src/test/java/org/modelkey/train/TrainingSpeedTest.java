package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;

class TrainingSpeedTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final ModelSpec SPEC = ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4);

    @Test
    void timesEverySetUpInEveryRoundButTheWarmUp() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 4, 1, 2, 8);
            TrainingConfig oneEpoch = TrainingConfig.builder().epochs(1).batchSize(8).logEvery(0, QUIET).build();
            TrainingSpeed.Result result = TrainingSpeed.compare(SPEC, 3, oneEpoch, List.of(
                    new TrainingSpeed.Setup("plain", data, UnaryOperator.identity()),
                    new TrainingSpeed.Setup("negated", data, x -> x.neg().add(1f))), 3);
            assertEquals(List.of("plain", "negated"), List.copyOf(result.timed().keySet()));
            assertEquals(2, result.rounds());
            for (String setup : List.of("plain", "negated")) {
                double median = result.median(setup);
                assertTrue(median > 0 && Double.isFinite(median), setup + ": " + median);
                List<Double> speeds = result.timed().get(setup);
                assertEquals((speeds.get(0) + speeds.get(1)) / 2, median, 1e-9);
            }
            assertThrows(IllegalArgumentException.class, () -> result.median("other"));
        }
    }

    @Test
    void refusesAMeasurementWithNothingTimed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 4, 1, 2, 8);
            TrainingConfig oneEpoch = TrainingConfig.builder().epochs(1).batchSize(8).logEvery(0, QUIET).build();
            List<TrainingSpeed.Setup> one = List.of(new TrainingSpeed.Setup("plain", data, UnaryOperator.identity()));
            String warmUpOnly = assertThrows(IllegalArgumentException.class,
                    () -> TrainingSpeed.compare(SPEC, 3, oneEpoch, one, 1)).getMessage();
            assertTrue(warmUpOnly.contains("at least 2"), warmUpOnly);
            TrainingConfig two = TrainingConfig.builder().epochs(2).batchSize(8).logEvery(0, QUIET).build();
            assertThrows(IllegalArgumentException.class, () -> TrainingSpeed.compare(SPEC, 3, two, one, 2));
            assertThrows(IllegalArgumentException.class, () -> TrainingSpeed.compare(SPEC, 3, oneEpoch,
                    List.of(one.get(0), one.get(0)), 2));
        }
    }
}
