package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class CheckpointTest {

    private static final ModelSpec SPEC = ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private static Network seeded(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return Network.create(SPEC);
    }

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder().epochs(2).batchSize(16).seed(3).logEvery(0, QUIET)
                .schedule(LearningRateSchedule.oneCycle(0.05f));
    }

    private static void assertSameParameters(Network a, Network b) {
        ParameterList pa = a.block().getParameters();
        ParameterList pb = b.block().getParameters();
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertTrue(pa.get(i).getValue().getArray().contentEquals(pb.get(i).getValue().getArray()),
                    "parameter " + pa.get(i).getKey() + " differs");
        }
    }

    @Test
    void saveAndLoadRoundTripExactly() throws Exception {
        Path file = dir.resolve("run.ckpt");
        try (NDManager manager = NDManager.newBaseManager(); Network trained = seeded(1); Network fresh = seeded(2)) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 16, 1, 2, 16);
            TrainingConfig cfg = config().checkpoint(file, 0).stopAfterSteps(3).build();
            TrainingHistory partial = new TrainingLoop(trained, cfg).fit(data, UnaryOperator.identity());
            assertFalse(partial.completed());
            assertEquals(3, partial.steps());

            Checkpoint.Settings settings = new Checkpoint.Settings(SPEC.toString(), 16, 4, 2, 3);
            SelectiveDecaySgd optimizer = new SelectiveDecaySgd(fresh.block().getParameters(),
                    LearningRateSchedule.oneCycle(0.05f).tracker(4, 2), 0.9f, 5e-4f);
            Checkpoint.Progress progress = Checkpoint.load(file, fresh, optimizer, settings);
            assertEquals(new Checkpoint.Progress(0, 3, 3, progress.lossSum(), progress.correct(), 48), progress);
            assertSameParameters(trained, fresh);

            // the momentum comes back too: saved again and loaded elsewhere, every buffer is the same
            Path again = dir.resolve("again.ckpt");
            Checkpoint.save(again, fresh, optimizer, settings, progress);
            try (Network other = seeded(3)) {
                SelectiveDecaySgd otherSgd = new SelectiveDecaySgd(other.block().getParameters(),
                        LearningRateSchedule.oneCycle(0.05f).tracker(4, 2), 0.9f, 5e-4f);
                Checkpoint.load(again, other, otherSgd, settings);
                assertSameParameters(fresh, other);
                assertEquals(optimizer.velocities().keySet(), otherSgd.velocities().keySet());
                optimizer.velocities().forEach((name, v) ->
                        assertTrue(v.contentEquals(otherSgd.velocities().get(name)), "momentum of " + name));
            }
            assertEquals(fresh.block().getParameters().size() - 2 * 9, optimizer.velocities().size(),
                    "a momentum buffer for every learnable parameter (not the 9 BatchNorms' running statistics)");
        }
    }

    @Test
    void aResumedRunEndsExactlyWhereAnUninterruptedOneDoes() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); Network straight = seeded(1);
                Network interrupted = seeded(1); Network resumed = seeded(9)) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 16, 1, 2, 16);
            UnaryOperator<NDArray> key = SyntheticImages.key(4);
            TrainingHistory full = new TrainingLoop(straight, config().build()).fit(data, key);

            Path file = dir.resolve("split.ckpt");
            TrainingHistory first = new TrainingLoop(interrupted, config().checkpoint(file, 0).stopAfterSteps(6).build())
                    .fit(data, key);
            assertEquals(1, first.epochs().size());
            TrainingHistory rest = new TrainingLoop(resumed, config().checkpoint(file, 0).build()).fit(data, key);

            assertTrue(rest.completed());
            assertEquals(2, rest.steps());
            assertSameParameters(straight, resumed);
            assertEquals(full.last().loss(), rest.last().loss(), 1e-12);
            assertEquals(full.last().accuracy(), rest.last().accuracy(), 1e-12);
        }
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefused() throws Exception {
        Path file = dir.resolve("other.ckpt");
        try (NDManager manager = NDManager.newBaseManager(); Network a = seeded(1); Network b = seeded(1)) {
            ArrayDataset data = SyntheticImages.dataset(manager, 4, 16, 1, 2, 16);
            new TrainingLoop(a, config().epochs(1).checkpoint(file, 0).build()).fit(data, UnaryOperator.identity());
            TrainingConfig otherBatch = config().batchSize(8).checkpoint(file, 0).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new TrainingLoop(b, otherBatch).fit(data, UnaryOperator.identity()));
            assertTrue(e.getMessage().contains("resume with the same settings"), e.getMessage());
        }
    }

}
