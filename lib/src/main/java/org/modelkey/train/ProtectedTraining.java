package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.modelkey.Profile;
import org.modelkey.data.CifarBinary;
import org.modelkey.data.ClassCounts;
import org.modelkey.data.HorizontalFlip;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.ImageSource;
import org.modelkey.data.SampleTransform;
import org.modelkey.data.StampConfig;
import org.modelkey.data.StampScenes;
import org.modelkey.data.TrainTestSplit;
import org.modelkey.data.Seeds;
import org.modelkey.eval.AccessControl;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.eval.Predictions;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.store.ModelStore;
import org.modelkey.transform.AccessConditions;
import org.modelkey.transform.BlockTransform;

/**
 * The protocol of APSIPA 2021 (Sec. 3, model training with a secret key): a non-protected
 * baseline and one model per block-wise transform (SHF, NP, FFX), each trained from scratch with the
 * same architecture and schedule on batches transformed with its key (the identity for the
 * baseline). Notebook 02 trains and scores them; notebook 07 attacks them and, through this same
 * recipe, trains any that the profile's {@link ModelStore} lacks; on the embedded data notebook 03
 * fine-tunes its protected models from the baseline ({@link TransferLearningProtection.PreTrained#fromScratch}).
 * Every model is kept in the store and reused while its recipe is unchanged.
 */
public final class ProtectedTraining {

    /**
     * How the models are made at one profile.
     *
     * @param baselineName the store's name of the baseline
     * @param incorrectKeys incorrect keys per transform in the access-control test
     */
    public record Settings(int imageSize, int trainCount, int testCount, String architecture, int baseWidth,
            int epochs, int batchSize, float maxRate, int blockSize, int incorrectKeys, int evalBatch, long seed,
            String baselineName) {

        public Settings {
            if (epochs < 1 || batchSize < 1 || evalBatch < 1) {
                throw new IllegalArgumentException("epochs " + epochs + ", batch " + batchSize + ", evaluation batch "
                        + evalBatch + ": each must be at least 1");
            }
            if (blockSize < 1 || imageSize % blockSize != 0) {
                throw new IllegalArgumentException("block size M = " + blockSize + " does not divide the image side "
                        + imageSize + ": choose M among its divisors");
            }
        }

        /**
         * The profile's sizes: CIFAR-10 and ResNet-18 for 30 epochs at {@code paper}, the embedded
         * 32×32 stamp instances (166 classes, {@link StampConfig#instances}) with a small ResNet for
         * CPU runs; M = 4 everywhere. The rehearsal of {@code paper} caps the incorrect keys at 5
         * ({@link Profile#rehearsalCap}).
         */
        public static Settings of(Profile profile) {
            return new Settings(32, profile.pick(332, 16_600, 50_000), profile.pick(166, 1660, 10_000),
                    profile.pick("resnet8", "resnet20", "resnet18"), profile.pick(4, 8, 0), profile.pick(1, 10, 30),
                    profile.pick(32, 64, 128), 0.1f, 4, profile.rehearsalCap("incorrect keys per model", profile.pick(2, 20, 100), 5), 250, profile.seed(),
                    "02-baseline");
        }
    }

    /**
     * The embedded set's split: the test scenes are composed on the right half of every background
     * photograph, the training scenes on the left half (with whole photographs held out, an
     * instance baseline reached 44.7 % in a trial against 63.0 % this way, both at 6 epochs).
     */
    static final double EMBEDDED_TEST_REGION = 0.5;

    private final Settings settings;
    private final TrainTestSplit<? extends ImageSource> data;
    private final String dataset;
    private final ModelSpec spec;
    private final SampleTransform augmentation;
    private final ImageDataset trainSet;
    private final ImageDataset testSet;
    private final TrainingConfig trainingConfig;
    private final ModelStore store;
    private final PrintStream log;

    /**
     * @param dataset the data set's name, recorded in every model's card
     * @param augmentation applied to training images before the key (seeded, the same for every model)
     * @param log where training prints its progress and each model one line
     */
    public ProtectedTraining(Settings settings, TrainTestSplit<? extends ImageSource> data, String dataset,
            SampleTransform augmentation, ModelStore store, PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.dataset = dataset;
        this.augmentation = augmentation;
        this.store = store;
        this.log = log;
        this.spec = ModelSpec.of(settings.architecture(), data.train().classes().size(), 3, settings.imageSize(),
                settings.imageSize()).withBaseWidth(settings.baseWidth());
        this.trainSet = ImageDataset.builder(data.train()).setSampling(settings.batchSize(), true)
                .optTransform(augmentation, settings.seed()).build();
        this.testSet = ImageDataset.builder(data.test()).setSampling(settings.evalBatch(), false).build();
        this.trainingConfig = TrainingConfig.builder().epochs(settings.epochs()).batchSize(settings.batchSize())
                .schedule(LearningRateSchedule.oneCycle(settings.maxRate())).seed(settings.seed()).logEvery(0, log)
                .build();
    }

    /**
     * The profile's models: at {@code paper} CIFAR-10 from {@code MODELKEY_CIFAR10}, otherwise the
     * embedded stamps; a random horizontal flip for training.
     */
    public static ProtectedTraining of(Profile profile, PrintStream log) throws IOException {
        Settings s = Settings.of(profile);
        TrainTestSplit<? extends ImageSource> data = profile.isPaper()
                ? CifarBinary.fromEnvironment(CifarBinary.Variant.CIFAR10)
                : embedded(s, s.trainCount(), s.testCount(), s.seed());
        String name = (profile.isPaper() ? "CIFAR-10" : "stamp instances " + s.imageSize() + "px") + " " + data.train().size()
                + "+" + data.test().size();
        return new ProtectedTraining(s, data, name, new HorizontalFlip(0.5), ModelStore.of(profile), log);
    }

    /** The embedded stamp-instance scenes of the recipe's split ({@link #EMBEDDED_TEST_REGION}), composed from {@code seed}. */
    private static TrainTestSplit<? extends ImageSource> embedded(Settings s, int train, int test, long seed) throws IOException {
        return StampScenes.load(Profile.cacheDir(), StampConfig.instances(s.imageSize(), train, test, seed)
                .withSplit(StampConfig.Split.BY_REGION, EMBEDDED_TEST_REGION));
    }

    /**
     * {@code count} labelled scenes that no model of the embedded data trained or was tested on:
     * composed as the training scenes are (the same stamps, the training half of every photograph),
     * from the seed derived as {@code purpose}; e.g. the attacker's own images of notebook 04 (ICIP
     * 2021, Sec. 3.4: the authors' attacker used test images, which the models never saw).
     *
     * @throws IllegalArgumentException at {@code paper}, whose data sets have no third part to draw from
     */
    public static ImageSource freshScenes(Profile profile, int count, String purpose) throws IOException {
        if (profile.isPaper()) {
            throw new IllegalArgumentException("fresh scenes are composed from the embedded stamps; at profile "
                    + profile.label() + " draw the images from the data set itself");
        }
        Settings s = Settings.of(profile);
        return embedded(s, count, 1, Seeds.derive(s.seed(), purpose)).train();
    }

    public Settings settings() {
        return settings;
    }

    public TrainTestSplit<? extends ImageSource> data() {
        return data;
    }

    /** The data set's name as the model cards record it, e.g. {@code stamp instances 32px 16600+1660}. */
    public String dataset() {
        return dataset;
    }

    public List<String> classes() {
        return data.train().classes();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The training schedule every model shares (SGD, one-cycle), as the model cards describe it. */
    public TrainingConfig trainingConfig() {
        return trainingConfig;
    }

    /** The test set in order, batches of {@code settings.evalBatch()}. */
    public ImageDataset testSet() {
        return testSet;
    }

    public ModelStore store() {
        return store;
    }

    /** Test images per class. */
    public int[] testPerClass() throws IOException {
        return ClassCounts.of(data.test()).perClass();
    }

    /** The best constant guess on the test set: the share of its most frequent class. */
    public double chance() throws IOException {
        return ClassCounts.of(data.test()).bestConstantGuess();
    }

    /** The secret key of {@code kind}, with block size M and C = 3, drawn from the seed. */
    public SecretKey key(KeyKind kind) {
        return SecretKey.fromSeed(kind, settings.blockSize(), 3, settings.seed() + kind.ordinal());
    }

    /** The store's name of the model protected with {@code kind}, e.g. {@code 02-np-m4}. */
    public String modelName(KeyKind kind) {
        return "02-" + kind.name().toLowerCase(Locale.ROOT) + "-m" + settings.blockSize();
    }

    /** The non-protected baseline, loaded from the store or trained now on plain images. */
    public ModelStore.Stored baseline() throws IOException, TranslateException {
        return trainOrLoad(settings.baselineName(), null);
    }

    /** The model protected with the key of {@code kind}, loaded from the store or trained now. */
    public ModelStore.Stored protectedModel(KeyKind kind) throws IOException, TranslateException {
        return trainOrLoad(modelName(kind), key(kind));
    }

    /** Accuracy of {@code network} on the test set through {@code transform}. */
    public double accuracy(Network network, UnaryOperator<NDArray> transform) throws IOException, TranslateException {
        return Predictions.of(network, testSet, transform, settings.evalBatch()).accuracy();
    }

    /**
     * Access control (APSIPA 2021): the baseline on plain test images, then each protected model with
     * its correct key, {@code settings().incorrectKeys()} incorrect keys of its kind (drawn from the
     * seed derived as {@code "incorrect-keys"}) and plain images; one line per model to the log.
     *
     * @param protectedModels the models of {@link #protectedModel}, in the order of the table's rows
     */
    public ProtectedTrainingResult accessControl(ModelStore.Stored baseline, Collection<ModelStore.Stored> protectedModels)
            throws IOException, TranslateException {
        long start = System.nanoTime();
        double baselinePlain = accuracy(baseline.network(), UnaryOperator.identity());
        double baselineEval = (System.nanoTime() - start) / 1e9;
        List<ProtectedTrainingResult.Row> rows = new ArrayList<>();
        for (ModelStore.Stored model : protectedModels) {
            SecretKey key = model.key();
            AccessControlResult r;
            try (AccessConditions c = AccessConditions.of(key, settings.incorrectKeys(), incorrectKeySeed())) {
                start = System.nanoTime();
                r = AccessControl.evaluate(model.network(), testSet, c.correct(), c.incorrect(), settings.evalBatch());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(new ProtectedTrainingResult.Row(key.kind().name(), key.blockSize(), key.id(), r,
                    model.card().trainSeconds(), seconds));
            log.printf("%-4s correct %.1f %%, incorrect %.1f ± %.1f %% over %d keys, plain %.1f %%%n", key.kind(),
                    100 * r.correct(), 100 * r.incorrectMean(), 100 * r.incorrectStd(), r.incorrect().length, 100 * r.plain());
        }
        return new ProtectedTrainingResult(dataset, spec.toString(), settings.epochs(), settings.incorrectKeys(),
                settings.seed(), data.test().size(), baselinePlain, baseline.card().trainSeconds(), baselineEval, rows);
    }

    /**
     * The stricter condition for an FFX model: {@code settings().incorrectKeys()} incorrect keys that
     * differ from its key in the password as well as the mask (the access-control test's FFX keys
     * keep the password, as the papers' fixed password; {@link SecretKey#incorrectKeysWithOtherPasswords}).
     *
     * @throws IllegalArgumentException if {@code ffx} was not trained with an FFX key
     */
    public AccessControlResult otherPasswords(ModelStore.Stored ffx) throws IOException, TranslateException {
        if (ffx.key() == null || ffx.key().kind() != KeyKind.FFX) {
            throw new IllegalArgumentException("model " + ffx.card().name() + " was trained with "
                    + (ffx.key() == null ? "no key" : "an " + ffx.key().kind() + " key") + ": give the FFX model");
        }
        SecretKey key = ffx.key();
        try (AccessConditions c = AccessConditions.of(key, key.incorrectKeysWithOtherPasswords(settings.incorrectKeys(),
                incorrectKeySeed()))) {
            return AccessControl.evaluate(ffx.network(), testSet, c.correct(), c.incorrect(), settings.evalBatch());
        }
    }

    /** The seed of every model's incorrect keys, derived from the run's seed as {@code "incorrect-keys"}. */
    private long incorrectKeySeed() {
        return Seeds.derive(settings.seed(), "incorrect-keys");
    }

    private ModelStore.Stored trainOrLoad(String name, SecretKey key) throws IOException, TranslateException {
        ModelStore.Recipe recipe = new ModelStore.Recipe(dataset, classes(), settings.seed(), settings.epochs(),
                trainingConfig.describe(augmentation), key);
        ModelStore.Stored stored = store.getOrTrain(name, spec, recipe, network -> {
            try (BlockTransform transform = key == null ? null : BlockTransform.of(key)) {
                UnaryOperator<NDArray> onBatch = key == null ? UnaryOperator.identity() : transform::encrypt;
                trainSet.restartAugmentation();
                new TrainingLoop(network, trainingConfig).fit(trainSet, onBatch);
                return accuracy(network, onBatch);
            }
        });
        log.printf("%s: %s, held-out accuracy %.2f %% (%s)%n", name, stored.card().spec(),
                100 * stored.card().accuracy(), stored.trainedNow()
                        ? String.format("trained in %.0f s", stored.card().trainSeconds())
                        : "loaded from the model store, trained earlier with the same recipe");
        return stored;
    }
}
