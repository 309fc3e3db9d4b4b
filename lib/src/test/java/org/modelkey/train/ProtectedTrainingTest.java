package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.eval.AccessControl;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class ProtectedTrainingTest {

    @Test
    void learnsKeyTransformedImagesAndFailsWithoutTheKey() throws Exception {
        Engine.getInstance().setRandomSeed(7);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(8))) {
            ArrayDataset train = SyntheticImages.dataset(manager, 10, 32, 1, 2, 32);
            ArrayDataset test = SyntheticImages.dataset(manager, 10, 16, 1, 3, 32);
            UnaryOperator<NDArray> key = SyntheticImages.key(11);
            TrainingConfig config = TrainingConfig.builder().epochs(6).batchSize(32)
                    .schedule(LearningRateSchedule.oneCycle(0.1f))
                    .logEvery(4, new PrintStream(log, true, StandardCharsets.UTF_8)).seed(5).build();

            TrainingHistory history = new TrainingLoop(network, config).fit(train, key);
            AccessControlResult result = AccessControl.evaluate(network, test, key,
                    List.of(SyntheticImages.key(12), SyntheticImages.key(13), SyntheticImages.key(14)), 64);

            String printed = log.toString(StandardCharsets.UTF_8);
            assertTrue(history.completed());
            assertTrue(printed.contains("epoch 1/6  step 4/10") && printed.contains("epoch 6/6  done"), printed);
            assertTrue(result.correct() > 0.9, "correct-key accuracy " + result.correct());
            assertTrue(result.plain() < result.correct() - 0.3, "plain accuracy " + result.plain());
            assertTrue(result.incorrectMean() < result.correct() - 0.3, "incorrect-key accuracy " + result.incorrectMean());
        }
    }
}
