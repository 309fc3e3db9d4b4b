package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.modelkey.Profile;
import org.modelkey.data.CenterCrop;
import org.modelkey.data.HorizontalFlip;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.ImageFolder;
import org.modelkey.data.ImageSource;
import org.modelkey.data.Sample;
import org.modelkey.data.SampleTransform;
import org.modelkey.data.Seeds;
import org.modelkey.data.StampConfig;
import org.modelkey.data.StampScenes;
import org.modelkey.data.StratifiedSubset;
import org.modelkey.data.TrainTestSplit;
import org.modelkey.eval.AccessControl;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.eval.Predictions;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelRegistry;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.model.PretrainedWeights;
import org.modelkey.store.ModelStore;
import org.modelkey.transform.AccessConditions;
import org.modelkey.transform.BlockTransform;

/**
 * The protected models of the transfer-learning paper (ICIP 2021, Sec. 3.3 and Table 1): a plain
 * pre-trained model, fine-tuned on stratified subsets of the training set whose images pass through
 * the block-wise NP transform with one secret key (M = 4). Notebook 03 trains and scores them;
 * notebook 04 attacks them and, through this same recipe, trains any that the model store lacks.
 * Every model is kept in the profile's {@link ModelStore} and reused while its recipe is unchanged.
 */
public final class TransferLearningProtection {

    /** The store's name of the plain pre-trained model (notebook 02 trains the same one at small scale). */
    public static final String BASELINE = "03-baseline";

    /** Environment variable naming the pre-trained ResNet-50 parameter file of the paper profile. */
    public static final String PRETRAINED_ENV = "MODELKEY_PRETRAINED";

    /**
     * The image side of the rehearsal: the smallest multiple of M = 4 above
     * {@link ModelRegistry#SMALL_INPUT}, so ResNet-50 keeps the ImageNet stem (7×7, stride 2, max-pool).
     */
    public static final int REHEARSAL_SIDE = 72;

    /** How the models are made at one profile. */
    public record Settings(int imageSize, int trainCount, int testCount, String architecture, int baseWidth,
            int baselineEpochs, int baselineBatch, float baselineRate, int fineTuneEpochs, int fineTuneBatch,
            float fineTuneRate, int blockSize, List<Double> subsetPercents, int evalBatch, long seed) {

        public Settings {
            subsetPercents = List.copyOf(subsetPercents);
            for (double p : subsetPercents) {
                if (!(p > 0 && p <= 100)) {
                    throw new IllegalArgumentException("subset of " + p + " % is outside (0, 100]: give percentages"
                            + " of the training set such as 10, 20, 30, 100");
                }
            }
        }

        /**
         * The profile's sizes: the paper's (ImageNet 224×224 crops, ResNet-50, 15 fine-tuning epochs,
         * Sec. 4.1), or the embedded 32×32 stamps with a small ResNet for CPU runs. The rehearsal
         * of {@code paper} caps the image side at {@value #REHEARSAL_SIDE} ({@link Profile#rehearsalCap}).
         *
         * @return the settings of {@code profile}
         */
        public static Settings of(Profile profile) {
            return builder().imageSize(profile.rehearsalCap("image side", profile.pick(32, 32, 224), REHEARSAL_SIDE))
                    .counts(profile.pick(200, 4000, 0), profile.pick(50, 1000, 0))
                    .model(profile.pick("resnet8", "resnet20", "resnet50"), profile.pick(4, 8, 0))
                    .baseline(profile.pick(1, 8, 0), profile.pick(32, 64, 128), 0.1f)
                    .fineTuning(profile.pick(1, 15, 15), profile.pick(16, 64, 128), 0.05f)
                    .blockSize(4).subsetPercents(List.of(10.0, 20.0, 30.0, 100.0))
                    .evalBatch(profile.pick(250, 250, 100)).seed(profile.seed()).build();
        }

        /** @return a builder with the demo profile's settings, to change by name */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Settings} by name; each group of settings has one method. */
        public static final class Builder {
            private int imageSize = 32;
            private int trainCount = 4000;
            private int testCount = 1000;
            private String architecture = "resnet20";
            private int baseWidth = 8;
            private int baselineEpochs = 8;
            private int baselineBatch = 64;
            private float baselineRate = 0.1f;
            private int fineTuneEpochs = 15;
            private int fineTuneBatch = 64;
            private float fineTuneRate = 0.05f;
            private int blockSize = 4;
            private List<Double> subsetPercents = List.of(10.0, 20.0, 30.0, 100.0);
            private int evalBatch = 250;
            private long seed = 42;

            private Builder() {}

            /** Side of the square images the models take. */
            public Builder imageSize(int side) {
                imageSize = side;
                return this;
            }

            /** Training and test images to use (0: all). */
            public Builder counts(int train, int test) {
                trainCount = train;
                testCount = test;
                return this;
            }

            /** The architecture and its first-stage width (0: the architecture's own). */
            public Builder model(String name, int width) {
                architecture = name;
                baseWidth = width;
                return this;
            }

            /** The plain baseline's epochs (0: the pre-trained file of the paper profile), batch and peak rate. */
            public Builder baseline(int epochs, int batch, float peakRate) {
                baselineEpochs = epochs;
                baselineBatch = batch;
                baselineRate = peakRate;
                return this;
            }

            /** The NP fine-tuning's epochs, batch and peak rate. */
            public Builder fineTuning(int epochs, int batch, float peakRate) {
                fineTuneEpochs = epochs;
                fineTuneBatch = batch;
                fineTuneRate = peakRate;
                return this;
            }

            public Builder blockSize(int m) {
                blockSize = m;
                return this;
            }

            /** Subsets of the training set, in percent, one protected model each. */
            public Builder subsetPercents(List<Double> percents) {
                subsetPercents = percents;
                return this;
            }

            public Builder evalBatch(int batch) {
                evalBatch = batch;
                return this;
            }

            public Builder seed(long value) {
                seed = value;
                return this;
            }

            /** @throws IllegalArgumentException if a subset is outside (0, 100] */
            public Settings build() {
                return new Settings(imageSize, trainCount, testCount, architecture, baseWidth, baselineEpochs,
                        baselineBatch, baselineRate, fineTuneEpochs, fineTuneBatch, fineTuneRate, blockSize,
                        subsetPercents, evalBatch, seed);
            }
        }
    }

    private final Settings settings;
    private final TrainTestSplit<? extends ImageSource> data;
    private final String dataset;
    private final ModelSpec spec;
    private final SampleTransform augmentation;
    private final SampleTransform testCrop;
    private final RandomAccessDataset testSet;
    private final ModelStore store;
    private final Path pretrained;
    private final PrintStream log;

    /**
     * @param dataset the data set's name, recorded in every model's card
     * @param augmentation applied to training images before the key (e.g. a flip)
     * @param testCrop applied to test images ({@code null}: none)
     * @param pretrained parameter file of the pre-trained model, or {@code null} to train the plain
     *     baseline from scratch on the whole plain training set
     * @param log where training prints its progress
     */
    public TransferLearningProtection(Settings settings, TrainTestSplit<? extends ImageSource> data, String dataset,
            SampleTransform augmentation, SampleTransform testCrop, ModelStore store, Path pretrained,
            PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.dataset = dataset;
        this.augmentation = augmentation;
        this.store = store;
        this.pretrained = pretrained;
        this.log = log;
        this.testCrop = testCrop;
        this.spec = ModelSpec.of(settings.architecture(), data.train().classes().size(), 3, settings.imageSize(),
                settings.imageSize()).withBaseWidth(settings.baseWidth());
        ImageDataset.Builder test = ImageDataset.builder(data.test()).setSampling(settings.evalBatch(), false);
        this.testSet = (testCrop == null ? test : test.optTransform(testCrop, settings.seed())).build();
    }

    /**
     * The profile's models: the embedded stamps, or at {@code paper} ImageNet from
     * {@code MODELKEY_IMAGENET} and the pre-trained ResNet-50 from {@value #PRETRAINED_ENV}.
     *
     * @throws IllegalStateException at {@code paper} when the parameter file is missing
     */
    public static TransferLearningProtection of(Profile profile, PrintStream log) throws IOException {
        Settings s = Settings.of(profile);
        if (!profile.isPaper()) {
            TrainTestSplit<? extends ImageSource> stamps = StampScenes.load(Profile.cacheDir(),
                    StampConfig.classification(s.imageSize(), s.trainCount(), s.testCount(), s.seed()));
            return new TransferLearningProtection(s, stamps, name("stamps-" + s.imageSize() + "px", stamps),
                    new HorizontalFlip(0.5), null, ModelStore.of(profile), null, log);
        }
        String file = System.getenv(PRETRAINED_ENV);
        if (file == null || file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("the paper profile fine-tunes a pre-trained ResNet-50: set " + PRETRAINED_ENV
                    + " to its TorchScript export (torch.jit.script(torchvision.models.resnet50(weights=\"IMAGENET1K_V1\"))"
                    + ".save(\"resnet50.pt\")) or to a parameter file (PretrainedWeights.save or DJL Model.save),"
                    + " 1000 ImageNet classes; got " + file);
        }
        TrainTestSplit<? extends ImageSource> imageNet = ImageFolder.imageNetFromEnvironment();
        return new TransferLearningProtection(s, imageNet, name("ImageNet-" + s.imageSize(), imageNet),
                SampleTransform.standardAugmentation(s.imageSize()), CenterCrop.of(s.imageSize()),
                ModelStore.of(profile), Path.of(file), log);
    }

    private static String name(String prefix, TrainTestSplit<? extends ImageSource> data) {
        return prefix + " " + data.train().size() + "+" + data.test().size();
    }

    public Settings settings() {
        return settings;
    }

    public TrainTestSplit<? extends ImageSource> data() {
        return data;
    }

    /** The data set's name as the model cards record it, e.g. {@code stamps-32px 4000+1000}. */
    public String dataset() {
        return dataset;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The test set in order (centre-cropped at {@code paper}), batches of {@code settings.evalBatch()}. */
    public RandomAccessDataset testSet() {
        return testSet;
    }

    public ModelStore store() {
        return store;
    }

    /** The secret key β that protects every subset model: NP with block size M (Sec. 3.2). */
    public SecretKey key() {
        return SecretKey.fromSeed(KeyKind.NP, settings.blockSize(), 3, Seeds.derive(settings.seed(), "np-key"));
    }

    /** A shuffled training set of {@code source} with the augmentation, batches of {@code batch}. */
    public ImageDataset trainingSet(ImageSource source, int batch) {
        return ImageDataset.builder(source).setSampling(batch, true).optTransform(augmentation, settings.seed()).build();
    }

    /**
     * Plain images of {@code source} as the models take them, unaugmented: centre-cropped as the test
     * images are when the recipe crops them (ImageNet photographs come in every size), shuffled,
     * batches of {@code batch}; e.g. the attacker's images in notebook 04.
     */
    public ImageDataset plainSet(ImageSource source, int batch) {
        ImageDataset.Builder plain = ImageDataset.builder(source).setSampling(batch, true);
        return (testCrop == null ? plain : plain.optTransform(testCrop, settings.seed())).build();
    }

    /** The store's name of the model fine-tuned on {@code percent} % of the training set. */
    public String subsetName(double percent) {
        return String.format("03-np-m%d-subset-%d", settings.blockSize(), Math.round(percent));
    }

    /** The stratified subset of {@code percent} % of the training set (every class cut to the same share). */
    public ImageSource subset(double percent) throws IOException {
        return StratifiedSubset.of(data.train(), percent, settings.seed());
    }

    /**
     * The plain pre-trained model: loaded from the store, read from the parameter file, or trained
     * from scratch with a one-cycle schedule on the whole plain training set.
     */
    public ModelStore.Stored baseline() throws IOException, TranslateException {
        // at paper the baseline is the pre-trained file: 0 epochs, no training config to build
        TrainingConfig config = pretrained != null ? null
                : oneCycle(settings.baselineEpochs(), settings.baselineBatch(), settings.baselineRate());
        String training = pretrained != null ? "pre-trained parameters " + pretrained.getFileName() + " "
                + sha256(pretrained).substring(0, 12) : config.describe(augmentation);
        ModelStore.Recipe recipe = new ModelStore.Recipe(dataset, data.train().classes(), settings.seed(),
                settings.baselineEpochs(), training, null);
        return store.getOrTrain(BASELINE, spec, recipe, network -> {
            if (pretrained != null) {
                PretrainedWeights.load(network, pretrained);
            } else {
                new TrainingLoop(network, config).fit(trainingSet(data.train(), settings.baselineBatch()),
                        UnaryOperator.identity());
            }
            return accuracy(network, UnaryOperator.identity());
        });
    }

    /**
     * The NP-protected model fine-tuned from the baseline on {@code percent} % of the training set
     * (the whole network, Sec. 3.3): loaded from the store, or trained now (the baseline first, when
     * it is missing). Its card names the subset and a hash of the baseline's parameters, so a
     * retrained baseline invalidates it.
     */
    public ModelStore.Stored subsetModel(double percent) throws IOException, TranslateException {
        if (!settings.subsetPercents().contains(percent)) {
            throw new IllegalArgumentException(percent + " % is not one of this recipe's subsets "
                    + settings.subsetPercents() + ": give one of them");
        }
        baseline().close();
        Path baselineParameters = store.folder(BASELINE).resolve(ModelStore.PARAMETERS);
        ImageSource subset = subset(percent);
        SecretKey key = key();
        String recipeData = String.format("%s, %.0f %% subset (%d images), from %s %s", dataset, percent,
                subset.size(), BASELINE, sha256(baselineParameters).substring(0, 12));
        TrainingConfig fineTuning = oneCycle(settings.fineTuneEpochs(), settings.fineTuneBatch(), settings.fineTuneRate());
        ModelStore.Recipe recipe = new ModelStore.Recipe(recipeData, data.train().classes(), settings.seed(),
                settings.fineTuneEpochs(), fineTuning.describe(augmentation), key);
        return store.getOrTrain(subsetName(percent), spec, recipe, network -> {
            try (BlockTransform np = BlockTransform.of(key)) {
                UnaryOperator<NDArray> encrypt = np::encrypt;
                PretrainedWeights.load(network, baselineParameters);
                new TrainingLoop(network, fineTuning).fit(trainingSet(subset, settings.fineTuneBatch()), encrypt);
                return accuracy(network, encrypt);
            }
        });
    }

    /** Training of {@code epochs} epochs in batches of {@code batch}, one-cycle schedule peaking at {@code rate}. */
    private TrainingConfig oneCycle(int epochs, int batch, float rate) {
        return TrainingConfig.builder().epochs(epochs).batchSize(batch).schedule(LearningRateSchedule.oneCycle(rate))
                .seed(settings.seed()).logEvery(0, log).build();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java lacks SHA-256, which every Java must provide", e);
        }
    }

    /**
     * Access control (ICIP 2021, Table 1): every subset model with the recipe's key, the same
     * {@code incorrectKeys} incorrect keys (drawn from the seed derived as {@code "incorrect-keys"})
     * and plain images; one line per model to the log.
     *
     * @param baselinePlain the baseline's plain test accuracy, as already measured
     * @param subsetModels the models of {@link #subsetModel} by subset percent, in table order
     */
    public TransferLearningResult accessControl(ModelStore.Stored baseline, double baselinePlain,
            Map<Double, ModelStore.Stored> subsetModels, int incorrectKeys) throws IOException, TranslateException {
        SecretKey key = key();
        List<TransferLearningResult.Subset> subsets = new ArrayList<>();
        try (AccessConditions conditions = AccessConditions.of(key, incorrectKeys, Seeds.derive(settings.seed(), "incorrect-keys"))) {
            for (var e : subsetModels.entrySet()) {
                long start = System.nanoTime();
                AccessControlResult r = AccessControl.evaluate(e.getValue().network(), testSet, conditions.correct(),
                        conditions.incorrect(), settings.evalBatch());
                double seconds = (System.nanoTime() - start) / 1e9;
                subsets.add(new TransferLearningResult.Subset(e.getKey(), subset(e.getKey()).size(), e.getValue().key().id(),
                        r, e.getValue().card().trainSeconds(), seconds));
                log.printf("%3.0f %% subset: correct %.1f %%, incorrect %.1f ± %.1f %% (%d keys), plain %.1f %%%n", e.getKey(),
                        100 * r.correct(), 100 * r.incorrectMean(), 100 * r.incorrectStd(), r.incorrect().length, 100 * r.plain());
            }
        }
        return new TransferLearningResult(dataset, spec.toString(), incorrectKeys, settings.seed(),
                data.test().size(), data.train().size(), baselinePlain, baseline.card().trainSeconds(), subsets);
    }

    /** Names of the set-ups {@link #trainingSpeed} times. */
    public static final String IN_MEMORY = "in-memory tensors", EMBEDDED = "embedded data set",
            EMBEDDED_WITH_KEY = "embedded data set + NP key";

    /**
     * Training speed and the input pipeline (ICIP 2021, Table 3; issue 6): one epoch over the first
     * {@code images} training images, from tensors already in memory ({@link #IN_MEMORY}: the images
     * centre-cropped to the network's input as the test images are, when the recipe crops them), through the
     * embedded data set ({@link #EMBEDDED}: decode, augment, batch) and the same with the key applied
     * to each batch ({@link #EMBEDDED_WITH_KEY}), timed by {@link TrainingSpeed#compare}.
     *
     * @param oneEpoch the training settings of one timed epoch
     * @param key the recipe key's transform on NDArrays
     * @param rounds rounds of every set-up, the first a warm-up (at least 2)
     */
    public TrainingSpeed.Result trainingSpeed(int images, TrainingConfig oneEpoch, UnaryOperator<NDArray> key, int rounds)
            throws IOException, TranslateException {
        ImageSource head = data.train().select(IntStream.range(0, images).toArray());
        int side = settings.imageSize(), size = 3 * side * side;
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] pixels = new float[images * size];
            float[] labels = new float[images];
            for (int i = 0; i < images; i++) {
                Sample s = testCrop == null ? head.sample(i) : testCrop.apply(head.sample(i), null);
                System.arraycopy(s.image().data(), 0, pixels, i * size, size);
                labels[i] = s.label();
            }
            ArrayDataset inMemory = new ArrayDataset.Builder()
                    .setData(manager.create(pixels, new Shape(images, 3, side, side)))
                    .optLabels(manager.create(labels)).setSampling(oneEpoch.batchSize(), true).build();
            ImageDataset embedded = trainingSet(head, oneEpoch.batchSize());
            return TrainingSpeed.compare(spec, (int) settings.seed(), oneEpoch, List.of(
                    new TrainingSpeed.Setup(IN_MEMORY, inMemory, UnaryOperator.identity()),
                    new TrainingSpeed.Setup(EMBEDDED, embedded, UnaryOperator.identity()),
                    new TrainingSpeed.Setup(EMBEDDED_WITH_KEY, embedded, key)), rounds);
        }
    }

    /** Accuracy of {@code network} on the test set through {@code transform}. */
    public double accuracy(Network network, UnaryOperator<NDArray> transform) throws IOException, TranslateException {
        return Predictions.of(network, testSet, transform, settings.evalBatch()).accuracy();
    }
}
