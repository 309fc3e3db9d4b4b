package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class AfterStepHookTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theHookRunsAfterEveryOptimiserStep() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 4, 1, 2, 8); // 16 images: 2 steps an epoch
            Parameter head = network.block().getParameters().valueAt(network.block().getParameters().size() - 2);
            AtomicInteger calls = new AtomicInteger();
            TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(8).logEvery(0, QUIET).build();
            TrainingHistory history = new TrainingLoop(network, config)
                    .afterStep(() -> {
                        calls.incrementAndGet();
                        NDArray w = head.getArray();
                        w.set(w.zerosLike().toByteBuffer()); // what a pruning mask of rate 1 would do
                    })
                    .fit(data, UnaryOperator.identity());
            assertEquals(4, calls.get());
            assertEquals(4, history.steps());
            assertEquals(0, head.getArray().countNonzero().getLong(),
                    "the hook ran after the last optimiser step, so its change survives");
        }
    }

    @Test
    void theCheckpointIsVisibleToCallers(@TempDir Path dir) {
        assertTrue(TrainingConfig.builder().build().checkpoint().isEmpty());
        Path file = dir.resolve("run.ckpt");
        assertEquals(file, TrainingConfig.builder().checkpoint(file, 0).build().checkpoint().orElseThrow());
    }

    @Test
    void aMissingHookIsRefused() {
        try (Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            TrainingLoop loop = new TrainingLoop(network, TrainingConfig.builder().build());
            assertThrows(NullPointerException.class, () -> loop.afterStep(null));
        }
    }
}
