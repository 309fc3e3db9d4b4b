package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class MemoryTest {

    /** Arrays left on the network's manager by one call of fit running {@code epochs} epochs. */
    private static int arraysLeftBy(int epochs, List<NDManager> batchManagers) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4))) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 16, 1, 2, 16);
            UnaryOperator<NDArray> recording = x -> {
                batchManagers.add(x.getManager());
                return x.mul(0.5f);
            };
            TrainingConfig config = TrainingConfig.builder().epochs(epochs).batchSize(16)
                    .logEvery(0, new PrintStream(OutputStream.nullOutputStream())).build();
            int before = network.model().getNDManager().getManagedArrays().size();
            new TrainingLoop(network, config).fit(data, recording);
            return network.model().getNDManager().getManagedArrays().size() - before;
        }
    }

    @Test
    void memoryStaysFlatOverSteps() throws Exception {
        List<NDManager> batchManagers = new ArrayList<>();
        int afterOneEpoch = arraysLeftBy(1, batchManagers);
        int afterFourEpochs = arraysLeftBy(4, batchManagers);
        // DJL's first Trainer.step checks the gradients once and leaves a few arrays; nothing may grow per step
        assertEquals(afterOneEpoch, afterFourEpochs, "arrays accumulate on the network's manager step after step");
        assertEquals(4 + 16, batchManagers.size());
        for (NDManager m : batchManagers) {
            assertFalse(m.isOpen(), "a batch's manager was left open");
        }
    }
}
