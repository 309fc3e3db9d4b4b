package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.Profile;
import org.modelkey.data.ByteImages;
import org.modelkey.data.HorizontalFlip;
import org.modelkey.data.ImageOverlap;
import org.modelkey.data.ImageSource;
import org.modelkey.data.TrainTestSplit;
import org.modelkey.data.Seeds;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.store.ModelStore;
import org.modelkey.transform.AccessConditions;
import org.modelkey.transform.BlockTransform;

class ProtectedTrainingRecipeTest {

    private static final List<String> CLASSES = List.of("dark", "bright");

    @TempDir
    Path dir;

    /** Two classes of 8×8 images: dark with noise, or bright with noise (three of every four dark). */
    private static ByteImages images(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 3 * 8 * 8];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 4 == 3 ? 1 : 0;
            for (int p = 0; p < 3 * 8 * 8; p++) {
                pixels[i * 192 + p] = (byte) (labels[i] * 160 + random.nextInt(96));
            }
        }
        return ByteImages.labelled(3, 8, 8, pixels, labels, CLASSES);
    }

    private static final ProtectedTraining.Settings TINY = new ProtectedTraining.Settings(8, 0, 0, "resnet8", 4, 1, 8,
            0.1f, 4, 2, 16, 5, "tiny-baseline");

    @Test
    void freshScenesAreNoneOfTheEmbeddedImagesAndShareTheirClasses() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(Profile.cacheDir().resolve("tuxpaint")),
                "run environment/setup-data first");
        Profile smoke = Profile.parse("smoke");
        TrainTestSplit<? extends ImageSource> data = ProtectedTraining.of(smoke, new PrintStream(new ByteArrayOutputStream())).data();
        ImageSource fresh = ProtectedTraining.freshScenes(smoke, 40, "attacker-images");
        assertEquals(40, fresh.size());
        assertEquals(data.train().classes(), fresh.classes());
        assertEquals(0, ImageOverlap.count(fresh, data.train()), "no training scene");
        assertEquals(0, ImageOverlap.count(fresh, data.test()), "no test scene");
        var e = assertThrows(IllegalArgumentException.class, () -> ProtectedTraining.freshScenes(Profile.parse("paper"), 1, "x"));
        assertTrue(e.getMessage().contains("embedded stamps"), e.getMessage());
    }

    private ProtectedTraining recipe(ByteArrayOutputStream log) {
        return new ProtectedTraining(TINY, new TrainTestSplit<>(images(24, 1), images(8, 2)), "two-tone 8px 24+8",
                new HorizontalFlip(0.5), new ModelStore(dir), new PrintStream(log, true));
    }

    @Test
    void theProfilesSettingsAreNotebook02s() {
        ProtectedTraining.Settings smoke = ProtectedTraining.Settings.of(Profile.parse("smoke"));
        assertEquals(new ProtectedTraining.Settings(32, 332, 166, "resnet8", 4, 1, 32, 0.1f, 4, 2, 250,
                Profile.parse("smoke").seed(), "02-baseline"), smoke);
        ProtectedTraining.Settings demo = ProtectedTraining.Settings.of(Profile.parse("demo"));
        assertEquals(List.of(16_600, 1660, "resnet20", 8, 10, 64, 20), List.of(demo.trainCount(), demo.testCount(),
                demo.architecture(), demo.baseWidth(), demo.epochs(), demo.batchSize(), demo.incorrectKeys()));
        assertEquals("02-baseline", ProtectedTraining.Settings.of(Profile.parse("paper")).baselineName());
    }

    @Test
    void keysNamesAndChanceFollowTheSeed() throws Exception {
        ProtectedTraining recipe = recipe(new ByteArrayOutputStream());
        assertEquals(SecretKey.fromSeed(KeyKind.FFX, 4, 3, 5 + KeyKind.FFX.ordinal()), recipe.key(KeyKind.FFX));
        assertEquals("02-shf-m4", recipe.modelName(KeyKind.SHF));
        assertArrayEquals(new int[] {6, 2}, recipe.testPerClass());
        assertEquals(0.75, recipe.chance(), 1e-12);
    }

    @Test
    void aModelIsTrainedOnTheKeyedBatchesOnceAndThenLoaded() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProtectedTraining recipe = recipe(log);
        try (NDManager manager = NDManager.newBaseManager(); ModelStore.Stored np = recipe.protectedModel(KeyKind.NP)) {
            assertTrue(np.trainedNow());
            assertEquals(recipe.key(KeyKind.NP), np.key());
            assertEquals("02-np-m4", np.card().name());
            assertEquals("two-tone 8px 24+8", np.card().dataset());
            assertEquals("batch 8, SGD momentum 0.9, weight decay 5.0E-4, one-cycle, max rate 0.1,"
                    + " augmentation HorizontalFlip[probability=0.5]", np.card().training());
            assertTrue(log.toString().contains("02-np-m4: ") && log.toString().contains("trained in"), log.toString());
            try (BlockTransform t = BlockTransform.of(np.key())) {
                assertEquals(np.card().accuracy(), recipe.accuracy(np.network(), t::encrypt), 1e-12,
                        "the card's accuracy is the test set's through the key");
            }
            NDArray batch = manager.randomUniform(0, 1, new Shape(2, 3, 8, 8));
            try (ModelStore.Stored again = recipe.protectedModel(KeyKind.NP)) {
                assertFalse(again.trainedNow(), "the stored model is loaded, not retrained");
                assertArrayEquals(np.network().logits(batch).toFloatArray(), again.network().logits(batch).toFloatArray());
            }
        }
    }

    @Test
    void accessControlScoresTheBaselineAndEachModelUnderTheThreeConditions() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProtectedTraining recipe = recipe(log);
        try (ModelStore.Stored baseline = recipe.baseline(); ModelStore.Stored np = recipe.protectedModel(KeyKind.NP)) {
            ProtectedTrainingResult result = recipe.accessControl(baseline, List.of(np));
            assertEquals(recipe.accuracy(baseline.network(), UnaryOperator.identity()), result.baselinePlain(), 1e-12);
            AccessControlResult access = result.access().get("NP");
            assertEquals(List.of("NP"), List.copyOf(result.access().keySet()));
            assertEquals(np.card().accuracy(), access.correct(), 1e-12, "the correct key scores as on the card");
            assertEquals(recipe.accuracy(np.network(), UnaryOperator.identity()), access.plain(), 1e-12);
            assertEquals(TINY.incorrectKeys(), access.incorrect().length);
            try (AccessConditions c = AccessConditions.of(np.key(), TINY.incorrectKeys(), Seeds.derive(TINY.seed(), "incorrect-keys"))) {
                assertEquals(recipe.accuracy(np.network(), c.incorrect().get(1)), access.incorrect()[1], 1e-12,
                        "incorrect keys come from the seed derived as 'incorrect-keys'");
            }
            assertEquals(np.key().id(), result.protectedModels().get(0).keyId());
            assertEquals(8, result.testImages());
            assertTrue(log.toString().contains("NP   correct "), log.toString());
        }
    }

    @Test
    void theStricterFfxConditionDrawsKeysWithOtherPasswords() throws Exception {
        ProtectedTraining recipe = recipe(new ByteArrayOutputStream());
        try (ModelStore.Stored ffx = recipe.protectedModel(KeyKind.FFX); ModelStore.Stored np = recipe.protectedModel(KeyKind.NP)) {
            AccessControlResult strict = recipe.otherPasswords(ffx);
            assertEquals(TINY.incorrectKeys(), strict.incorrect().length);
            assertEquals(ffx.card().accuracy(), strict.correct(), 1e-12);
            SecretKey other = ffx.key().incorrectKeysWithOtherPasswords(1, Seeds.derive(TINY.seed(), "incorrect-keys")).get(0);
            try (BlockTransform t = BlockTransform.of(other)) {
                assertEquals(recipe.accuracy(ffx.network(), t::encrypt), strict.incorrect()[0], 1e-12);
            }
            var e = assertThrows(IllegalArgumentException.class, () -> recipe.otherPasswords(np));
            assertTrue(e.getMessage().contains("give the FFX model"), e.getMessage());
        }
    }

    /** A model stored by notebook 02's cells before this class existed (the same recipe, built by hand) still loads. */
    @Test
    void aModelStoredByTheFormerNotebookCellsLoadsUnchanged() throws Exception {
        ProtectedTraining recipe = recipe(new ByteArrayOutputStream());
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(8)
                .schedule(LearningRateSchedule.oneCycle(0.1f)).seed(5).logEvery(0, new PrintStream(new ByteArrayOutputStream()))
                .build();
        ModelStore.Recipe former = new ModelStore.Recipe("two-tone 8px 24+8", CLASSES, 5, 1,
                config.describe(new HorizontalFlip(0.5)), null);
        new ModelStore(dir).getOrTrain("tiny-baseline", recipe.spec(), former,
                network -> recipe.accuracy(network, UnaryOperator.identity())).close();
        try (ModelStore.Stored baseline = recipe.baseline()) {
            assertFalse(baseline.trainedNow());
            assertEquals(null, baseline.key());
        }
    }

    @Test
    void aBlockSizeThatDoesNotDivideTheImageIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProtectedTraining.Settings(
                32, 0, 0, "resnet8", 4, 1, 8, 0.1f, 5, 2, 16, 5, "b"));
        assertTrue(e.getMessage().contains("does not divide the image side 32"), e.getMessage());
    }
}
