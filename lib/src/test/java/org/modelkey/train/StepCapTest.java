package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class StepCapTest {

    private static final ModelSpec SPEC = ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4);

    @Test
    void aCappedFitStopsAfterTheStepsEndingItsEpochThereWithoutACheckpoint() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(printed, true, StandardCharsets.UTF_8);
        // 4 steps per epoch, 3 epochs: the cap of 6 ends the fit in the second epoch, after its second step
        TrainingConfig config = TrainingConfig.builder().epochs(3).batchSize(16).seed(3).logEvery(0, log)
                .stepCap(6).build();
        List<Integer> epochsEnded = new ArrayList<>();
        List<Integer> imagesPerStep = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            try (Network net = Network.create(SPEC)) {
                ArrayDataset data = SyntheticImages.dataset(manager, 4, 16, 1, 2, 16);
                TrainingHistory history = new TrainingLoop(net, config).listener(new TrainingListener() {
                    @Override
                    public void onStep(Step step) {
                        imagesPerStep.add(step.images());
                    }

                    @Override
                    public void onEpoch(EpochStats stats, Checkpoint.Progress next) {
                        epochsEnded.add(stats.epoch());
                    }
                }).fit(data, UnaryOperator.identity());
                assertEquals(6, history.steps());
                assertEquals(List.of(1, 2), epochsEnded, "the epoch the cap falls in ends there, its listeners heard");
                assertEquals(6, imagesPerStep.size());
                assertEquals(2, history.epochs().size());
                assertTrue(history.completed(), "nothing is left to resume");
                assertTrue(history.last().loss() > 0, "the cut epoch's loss is over the steps it ran");
            }
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("step cap: this fit of 3 epoch(s) stops after 6 optimizer steps"), text);
        assertTrue(text.contains("epoch 2/3  done") && text.contains("step cap 6 reached"), text);
        assertTrue(config.describe().endsWith(", at most 6 optimizer steps per fit"), config.describe());
    }

    @Test
    void withoutACapTheDescriptionIsUnchangedAndANegativeCapIsRefused() {
        TrainingConfig plain = TrainingConfig.builder().stepCap(0).build();
        assertEquals(0, plain.stepCap());
        assertTrue(!plain.describe().contains("optimizer steps"), plain.describe());
        var e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().stepCap(-1));
        assertTrue(e.getMessage().contains("give 0 for no cap"), e.getMessage());
    }
}
