package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.data.ByteImages;
import org.modelkey.data.HorizontalFlip;
import org.modelkey.data.ImageOverlap;
import org.modelkey.data.ImageSource;
import org.modelkey.data.TrainTestSplit;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.model.PretrainedWeights;
import org.modelkey.store.ModelStore;
import org.modelkey.transform.BlockTransform;

class TransferLearningProtectionTest {

    private static final List<String> CLASSES = List.of("bird", "fruit");

    @TempDir
    Path dir;

    /** Two classes of 8×8 images: dark with noise, or bright with noise. */
    private static ByteImages images(int perClass, long seed) {
        Random random = new Random(seed);
        int n = 2 * perClass;
        byte[] pixels = new byte[n * 3 * 8 * 8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 3 * 8 * 8; p++) {
                pixels[i * 192 + p] = (byte) (labels[i] * 160 + random.nextInt(96));
            }
        }
        return ByteImages.labelled(3, 8, 8, pixels, labels, CLASSES);
    }

    /** 8×8 images, all of them, a ResNet-8 of width 4, fine-tuned one epoch at batch 4. */
    private static TransferLearningProtection.Settings.Builder tiny() {
        return TransferLearningProtection.Settings.builder().imageSize(8).model("resnet8", 4)
                .fineTuning(1, 4, 0.05f).blockSize(4).evalBatch(16).seed(5);
    }

    private static TrainTestSplit<ByteImages> twoTone() {
        return new TrainTestSplit<>(images(10, 1), images(4, 2));
    }

    /** APSIPA 2021's protocol on the same data: its plain baseline, one epoch at batch 8, is the pre-trained model. */
    private static TransferLearningProtection.PreTrained scratch(TrainTestSplit<ByteImages> data, ModelStore store,
            String architecture, PrintStream log) {
        ProtectedTraining.Settings settings = new ProtectedTraining.Settings(8, 0, 0, architecture, 4, 1, 8, 0.1f, 4, 2,
                16, 5, "02-baseline");
        return TransferLearningProtection.PreTrained.fromScratch(new ProtectedTraining(settings, data, "two-tone 8px 20+8",
                new HorizontalFlip(0.5), store, log));
    }

    private TransferLearningProtection recipe(ByteArrayOutputStream log) {
        TransferLearningProtection.Settings settings = tiny().subsetPercents(List.of(50.0, 100.0)).build();
        TrainTestSplit<ByteImages> data = twoTone();
        ModelStore store = new ModelStore(dir);
        PrintStream out = new PrintStream(log, true);
        return new TransferLearningProtection(settings, data, "two-tone 8px 20+8", new HorizontalFlip(0.5), null, store,
                scratch(data, store, "resnet8", out), count -> images(count / 2, 3), out);
    }

    @Test
    void thePaperPreTrainedModelIsTheParameterFile() throws Exception {
        TransferLearningProtection.Settings settings = tiny().subsetPercents(List.of(100.0)).build();
        Path file;
        Engine.getInstance().setRandomSeed(9);
        try (Network source = Network.create(ModelSpec.of("resnet8", 2, 3, 8, 8).withBaseWidth(4))) {
            file = PretrainedWeights.save(source, dir.resolve("pretrained.params"));
        }
        TransferLearningProtection recipe = new TransferLearningProtection(settings, twoTone(), "two-tone 8px 20+8",
                new HorizontalFlip(0.5), null, new ModelStore(dir.resolve("store")),
                TransferLearningProtection.PreTrained.file(file), null, new PrintStream(new ByteArrayOutputStream(), true));
        try (ModelStore.Stored baseline = recipe.baseline()) {
            assertTrue(baseline.trainedNow());
            assertEquals(TransferLearningProtection.PRETRAINED, baseline.card().name());
            assertEquals(0, baseline.card().epochs(), "nothing is trained");
            assertTrue(baseline.card().training().startsWith("pre-trained parameters pretrained.params "),
                    baseline.card().training());
        }
    }

    @Test
    void aPreTrainedModelOfAnotherArchitectureIsRefused() {
        TrainTestSplit<ByteImages> data = twoTone();
        ModelStore store = new ModelStore(dir);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        TransferLearningProtection recipe = new TransferLearningProtection(tiny().subsetPercents(List.of(100.0)).build(),
                data, "two-tone 8px 20+8", new HorizontalFlip(0.5), null, store, scratch(data, store, "resnet20", quiet), null, quiet);
        IllegalStateException e = assertThrows(IllegalStateException.class, recipe::baseline);
        assertTrue(e.getMessage().contains("give a pre-trained model of the recipe's architecture"), e.getMessage());
    }

    @Test
    void aMissingSubsetModelIsTrainedFromTheBaselineAndThenReused() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TransferLearningProtection recipe = recipe(log);
        try (NDManager manager = NDManager.newBaseManager();
                ModelStore.Stored half = recipe.subsetModel(50)) {
            assertTrue(half.trainedNow());
            assertTrue(recipe.store().contains("02-baseline"), "the baseline is trained first");
            assertEquals(recipe.key(), half.key());
            assertEquals("03-np-m4-subset-50", half.card().name());
            assertTrue(half.card().dataset().startsWith("two-tone 8px 20+8, 50 % subset (10 images), from 02-baseline "),
                    half.card().dataset());
            assertEquals("batch 4, SGD momentum 0.9, weight decay 5.0E-4, one-cycle, max rate 0.05,"
                    + " augmentation HorizontalFlip[probability=0.5]", half.card().training(), "the card records how it was trained");
            assertFalse(log.toString().isEmpty(), "training reports its progress");
            NDArray batch = manager.randomUniform(0, 1, new Shape(2, 3, 8, 8));
            try (ModelStore.Stored baseline = recipe.baseline()) {
                assertFalse(baseline.trainedNow());
                assertFalse(Arrays.equals(baseline.network().logits(batch).toFloatArray(),
                        half.network().logits(batch).toFloatArray()), "fine-tuning changed the baseline's weights");
            }
            try (ModelStore.Stored again = recipe.subsetModel(50)) {
                assertFalse(again.trainedNow(), "the stored model is loaded, not retrained");
                assertArrayEquals(half.network().logits(batch).toFloatArray(), again.network().logits(batch).toFloatArray());
            }
        }
    }

    @Test
    void accessControlScoresEverySubsetModelAndTrainingSpeedTimesTheThreeSetUps() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TransferLearningProtection recipe = recipe(log);
        try (ModelStore.Stored baseline = recipe.baseline(); ModelStore.Stored half = recipe.subsetModel(50);
                BlockTransform key = BlockTransform.of(recipe.key())) {
            Map<Double, ModelStore.Stored> models = new LinkedHashMap<>();
            models.put(50.0, half);
            double plain = recipe.accuracy(baseline.network(), UnaryOperator.identity());
            TransferLearningResult result = recipe.accessControl(baseline, plain, models, 2);
            AccessControlResult r = result.access().get(50.0);
            assertEquals(half.card().accuracy(), r.correct(), 1e-12, "the correct key scores as on the card");
            assertEquals(recipe.accuracy(half.network(), UnaryOperator.identity()), r.plain(), 1e-12);
            assertEquals(2, r.incorrect().length);
            assertEquals(10, result.subsets().get(0).trainImages());
            assertEquals(List.of(8, 20, plain), List.of(result.testImages(), result.baselineImages(), result.baselinePlain()));
            assertEquals(half.key().id(), result.subsets().get(0).keyId(), "the id in the stored model's key file");
            assertTrue(log.toString().contains(" 50 % subset: correct "), log.toString());

            TrainingConfig oneEpoch = TrainingConfig.builder().epochs(1).batchSize(4).seed(5)
                    .logEvery(0, new PrintStream(new ByteArrayOutputStream())).build();
            TrainingSpeed.Result speeds = recipe.trainingSpeed(8, oneEpoch, key::encrypt, 2);
            assertEquals(List.of(TransferLearningProtection.IN_MEMORY, TransferLearningProtection.EMBEDDED,
                    TransferLearningProtection.EMBEDDED_WITH_KEY), List.copyOf(speeds.timed().keySet()));
            assertTrue(speeds.median(TransferLearningProtection.EMBEDDED_WITH_KEY) > 0);
        }
    }

    @Test
    void theTrainingSpeedOfPhotographsLargerThanTheInputCropsTheInMemoryTensors() throws Exception {
        // as at paper: the photographs (here 6×6, as the rehearsal's 64 px for a 72 px input) are not of
        // the network's input size (8×8); the augmentation and the test crop bring them to it
        Random random = new Random(3);
        byte[] pixels = new byte[16 * 3 * 6 * 6];
        random.nextBytes(pixels);
        int[] labels = new int[16];
        Arrays.setAll(labels, i -> i % 2);
        ByteImages photos = ByteImages.labelled(3, 6, 6, pixels, labels, CLASSES);
        TrainTestSplit<ByteImages> data = new TrainTestSplit<>(photos, photos);
        ModelStore store = new ModelStore(dir);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        TransferLearningProtection recipe = new TransferLearningProtection(tiny().subsetPercents(List.of(100.0)).build(),
                data, "photographs 6px 16+16", org.modelkey.data.CenterCrop.of(8), org.modelkey.data.CenterCrop.of(8),
                store, scratch(data, store, "resnet8", quiet), null, quiet);
        TrainingConfig oneEpoch = TrainingConfig.builder().epochs(1).batchSize(4).seed(5)
                .logEvery(0, new PrintStream(new ByteArrayOutputStream())).build();
        TrainingSpeed.Result speeds = recipe.trainingSpeed(8, oneEpoch, UnaryOperator.identity(), 2);
        assertTrue(speeds.median(TransferLearningProtection.IN_MEMORY) > 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(new Shape(3, 8, 8), recipe.plainSet(photos, 4).get(manager, 0).getData().head().getShape(),
                    "plain images come as the model's input too");
        }
    }

    @Test
    void theAttackersImagesAreFreshWhereTheRecipeHasSuchAndPartOfTheTrainingSetElsewhere() throws Exception {
        TransferLearningProtection withFresh = recipe(new ByteArrayOutputStream());
        ImageSource attacker = withFresh.attackerImages(50);
        assertEquals(10, attacker.size(), "as many as 50 % of the 20 training images");
        assertEquals(0, ImageOverlap.count(attacker, withFresh.data().train()));
        assertEquals(0, ImageOverlap.count(attacker, withFresh.data().test()));

        TrainTestSplit<ByteImages> data = twoTone();
        ModelStore store = new ModelStore(dir.resolve("other"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        TransferLearningProtection without = new TransferLearningProtection(tiny().subsetPercents(List.of(100.0)).build(),
                data, "two-tone 8px 20+8", new HorizontalFlip(0.5), null, store, scratch(data, store, "resnet8", quiet), null, quiet);
        ImageSource part = without.attackerImages(50);
        assertEquals(10, part.size());
        assertEquals(10, ImageOverlap.count(part, data.train()), "a stratified half of the training set");
    }

    @Test
    void aSubsetOutsideTheRecipeOrOutsideTheRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recipe(new ByteArrayOutputStream())
                .subsetModel(30));
        assertTrue(e.getMessage().contains("not one of this recipe's subsets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tiny().subsetPercents(List.of(0.0)).build());
        assertTrue(e.getMessage().contains("outside (0, 100]"), e.getMessage());
    }
}
