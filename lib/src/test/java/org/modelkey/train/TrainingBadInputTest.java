package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class TrainingBadInputTest {

    private static final TrainingConfig CONFIG = TrainingConfig.builder().batchSize(8)
            .logEvery(0, new PrintStream(OutputStream.nullOutputStream())).build();

    private static String failure(Network network, ArrayDataset data) {
        return assertThrows(IllegalArgumentException.class,
                () -> new TrainingLoop(network, CONFIG).fit(data, UnaryOperator.identity())).getMessage();
    }

    @Test
    void imagesOfAnotherShapeAreRefusedBeforeTraining() {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset gray = new ArrayDataset.Builder().setData(manager.zeros(new Shape(16, 1, 8, 8)))
                    .optLabels(manager.zeros(new Shape(16))).setSampling(8, false).build();
            String message = failure(network, gray);
            assertTrue(message.contains("(1, 8, 8)") && message.contains("3x8x8"), message);
        }
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset data = new ArrayDataset.Builder().setData(manager.zeros(new Shape(16, 3, 8, 8)))
                    .optLabels(manager.full(new Shape(16), 7f)).setSampling(8, false).build();
            String message = failure(network, data);
            assertTrue(message.contains("label 7.0") && message.contains("0..3"), message);
        }
    }

    @Test
    void fewerImagesThanOneBatchAreRefused() {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 1, 1, 2, 8);
            String message = failure(network, data);
            assertTrue(message.contains("fewer than one batch of 8"), message);
        }
    }

    @Test
    void stoppingEarlyWithoutACheckpointIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().stopAfterSteps(5).build());
        assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());
    }
}
