package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.eval.Predictions;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.SyntheticImages;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;
import org.modelkey.transform.BlockTransform;
import tech.tablesaw.api.Table;

/** Every attack as a {@link ModelAttack} on a tiny ResNet protected with a real NP key (M=2), trained once. */
class AttacksOnProtectedModelTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final SecretKey KEY = SecretKey.fromSeed(KeyKind.NP, 2, 3, 17);
    private static NDManager manager;
    private static Network network;
    private static ArrayDataset train;
    private static ArrayDataset test;
    private static BlockTransform correct;
    private static List<UnaryOperator<NDArray>> incorrect;

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().epochs(epochs).batchSize(32).schedule(LearningRateSchedule.oneCycle(0.1f))
                .logEvery(0, QUIET).seed(5).build();
    }

    @BeforeAll
    static void trainProtectedModel() throws Exception {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
        network = Network.create(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(8));
        train = SyntheticImages.dataset(manager, 10, 24, 1, 2, 32);
        test = SyntheticImages.dataset(manager, 10, 16, 1, 3, 32);
        correct = BlockTransform.of(KEY);
        incorrect = KEY.incorrectKeys(2, 1).stream()
                .map(k -> (UnaryOperator<NDArray>) BlockTransform.of(k)::encrypt).toList();
        new TrainingLoop(network, config(5)).fit(train, correct::encrypt);
    }

    @AfterAll
    static void close() {
        correct.close();
        network.close();
        manager.close();
    }

    private static double accuracyWithKey() throws Exception {
        return Predictions.of(network, test, correct::encrypt, 160).accuracy();
    }

    @Test
    void theKeyEstimationAttackKeepsAMonotoneCurveOnTheProtectedModel() throws Exception {
        KeySearchAttack attack = new KeySearchAttack(new KeyEstimationAttack(1), new AttackerKnowledge(KeyKind.NP, 2, 3), 32);
        KeySearchResult r = attack.run(network, test);
        var kept = r.curve().doubleColumn("kept_accuracy");
        for (int e = 1; e < kept.size(); e++) {
            assertTrue(kept.getDouble(e) >= kept.getDouble(e - 1), "kept accuracy fell at evaluation " + e);
        }
        assertEquals(new AttackerKnowledge(KeyKind.NP, 2, 3).randomKey(3), r.start());
        assertTrue(r.plainForwardsPerSecond() > 0 && r.evaluationsPerSecond() > 0);
        assertTrue(r.transformShare() > 0 && r.transformShare() < 1, "share " + r.transformShare());
        assertTrue(r.accuracy() >= r.startAccuracy());
    }

    @Test
    void startedFromTheCorrectKeyTheSearchKeepsItsAccuracy() throws Exception {
        try (BatchAccuracy objective = BatchAccuracy.of(network.model(), test, 32)) {
            double withKey = objective.accuracy(KEY);
            KeySearchResult r = new KeyEstimationAttack(1).search(objective, KEY);
            assertEquals(withKey, r.startAccuracy());
            assertTrue(r.accuracy() >= withKey);
        }
    }

    @Test
    void aKeyEstimationOutcomeScoresEveryKeyOnTheTestSet() throws Exception {
        KeySearchAttack attack = new KeySearchAttack(new RandomKeySearch(5), new AttackerKnowledge(KeyKind.NP, 2, 4), 32);
        KeyEstimationOutcome o = KeyEstimationOutcome.run(100, network, KEY, attack, 32, train, test, 2, 11, 160);
        assertEquals(attack.run(network, train).estimated(), o.search().estimated(), "the search ran on the attacker's data");
        assertEquals(accuracyWithKey(), o.access().correct(), 1e-12);
        assertEquals(KeyEstimationOutcome.accuracy(network, o.search().estimated(), test, 160), o.estimatedAccuracy(), 1e-12);
        assertEquals(KeyEstimationOutcome.accuracy(network, o.search().start(), test, 160), o.startAccuracy(), 1e-12);
        assertEquals(2, o.access().incorrect().length);
        assertEquals(KeyEstimationOutcome.keyBitsAgreeing(o.search().estimated(), KEY), o.keyBitsAgreeing());
        try (BatchAccuracy batch = BatchAccuracy.of(network.model(), train, 32)) {
            assertEquals(batch.accuracy(KEY), o.correctOnBatch(), 1e-12, "the correct key on the attacker's batch");
        }
        assertEquals(KEY.id(), o.keyId());
        assertTrue(o.summary().startsWith("subset 100 %: search 5 evaluations"), o.summary());
    }

    @Test
    void aRandomKeySearchOnTheModelIsRepeatable() throws Exception {
        KeySearchAttack attack = new KeySearchAttack(new RandomKeySearch(10), new AttackerKnowledge(KeyKind.NP, 2, 9), 32);
        KeySearchResult a = attack.run(network, test);
        Table b = attack.run(network, test).toTable();
        assertEquals(1, b.rowCount());
        assertTrue(b.stringColumn("estimated_key").get(0).matches("[0-9a-f]{16}"), "a random key id, never the key");
        assertEquals(a.estimated(), attack.run(network, test).estimated(), "the same key material each run");
        assertEquals(a.accuracy(), b.doubleColumn("accuracy").get(0), 0.0);
        assertTrue(b.doubleColumn("speed_vs_plain").get(0) > 0);
    }

    @Test
    void pruningRatesAreMetAndTheStolenWeightsComeBack() throws Exception {
        double before = accuracyWithKey();
        Table t = new PruningAttack(new double[] {0.0, 0.5, 0.9}, MagnitudePruning.Scope.GLOBAL, correct::encrypt, incorrect, 160)
                .run(network, test).toTable();
        assertEquals(3, t.rowCount());
        assertEquals(List.of(0.0, 0.5, 0.9), t.doubleColumn("rate").asList());
        for (int r = 0; r < 3; r++) {
            assertEquals(t.doubleColumn("rate").get(r), t.doubleColumn("sparsity").get(r), 1e-3);
        }
        assertEquals(before, t.doubleColumn("correct").get(0), 1e-12, "rate 0 is the stolen model");
        assertEquals(before, accuracyWithKey(), 1e-12, "weights restored");
    }

    @Test
    void prunedWeightsStayZeroWhileTheAttackerFineTunes() throws Exception {
        double before = accuracyWithKey();
        Table t = new PruningAttack(new double[] {0.5, 0.8}, MagnitudePruning.Scope.PER_LAYER, correct::encrypt,
                incorrect, 160).withFineTuning(config(1), test).run(network, train).toTable();
        assertTrue(t.name().contains("fine-tuned"), t.name());
        for (int r = 0; r < 2; r++) {
            assertEquals(t.doubleColumn("rate").get(r), t.doubleColumn("sparsity").get(r), 1e-3,
                    "the sparsity measured after fine-tuning is the pruning rate");
        }
        assertEquals(before, accuracyWithKey(), 1e-12, "weights restored");
    }

    @Test
    void anAttackerConfigThatNamesACheckpointIsRefused(@TempDir Path dir) {
        TrainingConfig resumable = TrainingConfig.builder().checkpoint(dir.resolve("attack.ckpt"), 0).build();
        var fine = assertThrows(IllegalArgumentException.class,
                () -> new FineTuningAttack(new double[] {0.1}, resumable, test, correct::encrypt, 8, 1));
        assertTrue(fine.getMessage().contains("without checkpoint"), fine.getMessage());
        PruningAttack pruning = new PruningAttack(new double[] {0.5}, MagnitudePruning.Scope.GLOBAL, correct::encrypt,
                incorrect, 8);
        var pruned = assertThrows(IllegalArgumentException.class, () -> pruning.withFineTuning(resumable, test));
        assertTrue(pruned.getMessage().contains("attack.ckpt"), pruned.getMessage());
    }

    @Test
    void fineTuningOnPlainImagesStartsFromTheStolenModelAndRestoresIt() throws Exception {
        double before = accuracyWithKey();
        Table t = new FineTuningAttack(new double[] {0.2, 0.5}, config(1), test, correct::encrypt, 160, 4)
                .run(network, train).toTable();
        assertEquals(List.of(0.0, 0.2, 0.5), t.doubleColumn("fraction").asList());
        assertEquals(List.of(0, 48, 120), t.intColumn("images").asList());
        assertEquals(before, t.doubleColumn("correct_key").get(0), 1e-12);
        assertTrue(before > 0.9, "the protected model works with its key: " + before);
        assertTrue(t.doubleColumn("plain").get(0) < before - 0.3, "and not on plain images");
        assertEquals(before, accuracyWithKey(), 1e-12, "weights restored");
        assertTrue(t.doubleColumn("from_scratch_plain").isMissing(0), "the stolen model has no from-scratch twin");
        for (int r = 1; r < 3; r++) {
            double scratch = t.doubleColumn("from_scratch_plain").get(r);
            assertTrue(scratch >= 0 && scratch <= 1, "a test accuracy: " + scratch);
        }
        Table again = new FineTuningAttack(new double[] {0.2}, config(1), test, correct::encrypt, 160, 4).run(network, train).toTable();
        assertEquals(t.doubleColumn("from_scratch_plain").get(1), again.doubleColumn("from_scratch_plain").get(1), 0.0,
                "the from-scratch network starts from seeded weights");
    }

    @Test
    void dataOfAnotherSizeThanTheModelIsRejected() {
        ArrayDataset small = SyntheticImages.dataset(manager, 10, 2, 1, 2, 32); // 8×8 images
        try (Network wide = Network.create(ModelSpec.of("resnet8", 10, 3, 16, 16).withBaseWidth(4))) {
            KeySearchAttack attack = new KeySearchAttack(new KeyEstimationAttack(1), new AttackerKnowledge(KeyKind.NP, 2, 3), 8);
            var e = assertThrows(IllegalArgumentException.class, () -> attack.run(wide, small));
            assertTrue(e.getMessage().contains("16"), e.getMessage());
        }
    }

    @Test
    void badSettingsAreRejected() {
        var rate = assertThrows(IllegalArgumentException.class,
                () -> new PruningAttack(new double[] {0.5, 1.0}, MagnitudePruning.Scope.GLOBAL, correct::encrypt, incorrect, 8));
        assertTrue(rate.getMessage().contains("outside [0, 1)"), rate.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> new PruningAttack(new double[] {-0.1}, MagnitudePruning.Scope.PER_LAYER, correct::encrypt, incorrect, 8));
        assertTrue(negative.getMessage().contains("outside [0, 1)"), negative.getMessage());
        var fraction = assertThrows(IllegalArgumentException.class,
                () -> new FineTuningAttack(new double[] {0.0}, config(1), test, correct::encrypt, 8, 1));
        assertTrue(fraction.getMessage().contains("outside (0, 1]"), fraction.getMessage());
        var batch = assertThrows(IllegalArgumentException.class,
                () -> new KeySearchAttack(new RandomKeySearch(1), new AttackerKnowledge(KeyKind.NP, 2, 1), 0));
        assertTrue(batch.getMessage().contains("at least 1 labelled image"), batch.getMessage());
    }
}
