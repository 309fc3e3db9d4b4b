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
import java.util.Objects;
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
 * the block-wise NP transform with one secret key (M = 4). The pre-trained model is the ResNet-50
 * parameter file at {@code paper} and, on the embedded data, notebook 02's plain baseline
 * ({@link PreTrained}). Notebook 03 trains and scores them; notebook 04 attacks them and, through
 * this same recipe, trains any that the model store lacks. Every model is kept in the profile's
 * {@link ModelStore} and reused while its recipe is unchanged.
 */
public final class TransferLearningProtection {

    /** The store's name of the pre-trained model read from a parameter file ({@link PreTrained#file}). */
    public static final String PRETRAINED = "03-pretrained";

    /** Environment variable naming the pre-trained ResNet-50 parameter file of the paper profile. */
    public static final String PRETRAINED_ENV = "MODELKEY_PRETRAINED";

    /**
     * The image side of the rehearsal: the smallest multiple of M = 4 above
     * {@link ModelRegistry#SMALL_INPUT}, so ResNet-50 keeps the ImageNet stem (7×7, stride 2, max-pool).
     */
    public static final int REHEARSAL_SIDE = 72;

    /**
     * The plain pre-trained model the protected models are fine-tuned from (ICIP 2021, Sec. 3.3),
     * with the recipe's architecture and classes.
     */
    @FunctionalInterface
    public interface PreTrained {

        /** @return the plain model, loaded from the recipe's store or made now */
        ModelStore.Stored get(TransferLearningProtection recipe) throws IOException, TranslateException;

        /**
         * A pre-trained parameter file (the paper's ImageNet ResNet-50: a TorchScript export, or a
         * file of {@link PretrainedWeights#save} or DJL {@code Model.save}), stored as {@value #PRETRAINED}.
         */
        static PreTrained file(Path parameters) {
            return recipe -> recipe.fromFile(parameters);
        }

        /**
         * The plain baseline of APSIPA 2021's protocol ({@link ProtectedTraining#baseline}), trained
         * from scratch on the whole plain training set; {@code training} must hold the recipe's data.
         */
        static PreTrained fromScratch(ProtectedTraining training) {
            return recipe -> training.baseline();
        }
    }

    /** Labelled plain images that none of the recipe's models trained or was tested on. */
    @FunctionalInterface
    public interface FreshImages {

        /** @return {@code count} such images */
        ImageSource draw(int count) throws IOException;
    }

    /** How the models are made at one profile. */
    public record Settings(int imageSize, String architecture, int baseWidth,
            int fineTuneEpochs, int fineTuneBatch, float fineTuneRate, int blockSize, List<Double> subsetPercents,
            int evalBatch, long seed) {

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
         * Sec. 4.1), or on the embedded data notebook 02's stamp instances, architecture and
         * evaluation batch ({@link ProtectedTraining.Settings#of}), fine-tuned for the paper's 15
         * epochs. The rehearsal of {@code paper} caps the image side at {@value #REHEARSAL_SIDE}
         * ({@link Profile#rehearsalCap}).
         *
         * @return the settings of {@code profile}
         */
        public static Settings of(Profile profile) {
            Builder b = builder().fineTuning(profile.pick(1, 15, 15), profile.pick(16, 64, 128), 0.05f).blockSize(4)
                    .subsetPercents(List.of(10.0, 20.0, 30.0, 100.0)).seed(profile.seed());
            if (profile.isPaper()) {
                return b.imageSize(profile.rehearsalCap("image side", 224, REHEARSAL_SIDE)).model("resnet50", 0)
                        .evalBatch(100).build();
            }
            ProtectedTraining.Settings scratch = ProtectedTraining.Settings.of(profile);
            return b.imageSize(scratch.imageSize()).model(scratch.architecture(), scratch.baseWidth())
                    .evalBatch(scratch.evalBatch()).build();
        }

        /** @return a builder with the demo profile's settings, to change by name */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Settings} by name; each group of settings has one method. */
        public static final class Builder {
            private int imageSize = 32;
            private String architecture = "resnet20";
            private int baseWidth = 8;
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

            /** The architecture and its first-stage width (0: the architecture's own). */
            public Builder model(String name, int width) {
                architecture = name;
                baseWidth = width;
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
                return new Settings(imageSize, architecture, baseWidth, fineTuneEpochs,
                        fineTuneBatch, fineTuneRate, blockSize, subsetPercents, evalBatch, seed);
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
    private final PreTrained pretrained;
    private final FreshImages fresh;
    private final PrintStream log;
    private String baselineName;   // the pre-trained model's name in the store, once it is there

    /**
     * @param dataset the data set's name, recorded in every model's card
     * @param augmentation applied to training images before the key (e.g. a flip)
     * @param testCrop applied to test images ({@code null}: none)
     * @param pretrained the plain model the subsets are fine-tuned from
     * @param fresh images beside the data set for {@link #attackerImages}, or {@code null} where the data
     *     set has none (ImageNet: the attacker then holds part of the training set)
     * @param log where training prints its progress
     */
    public TransferLearningProtection(Settings settings, TrainTestSplit<? extends ImageSource> data, String dataset,
            SampleTransform augmentation, SampleTransform testCrop, ModelStore store, PreTrained pretrained,
            FreshImages fresh, PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.dataset = dataset;
        this.augmentation = augmentation;
        this.store = store;
        this.pretrained = Objects.requireNonNull(pretrained, "pre-trained model");
        this.fresh = fresh;
        this.log = log;
        this.testCrop = testCrop;
        this.spec = ModelSpec.of(settings.architecture(), data.train().classes().size(), 3, settings.imageSize(),
                settings.imageSize()).withBaseWidth(settings.baseWidth());
        ImageDataset.Builder test = ImageDataset.builder(data.test()).setSampling(settings.evalBatch(), false);
        this.testSet = (testCrop == null ? test : test.optTransform(testCrop, settings.seed())).build();
    }

    /**
     * The profile's models: on the embedded data notebook 02's stamp instances and plain baseline
     * ({@link ProtectedTraining#of}), or at {@code paper} ImageNet from {@code MODELKEY_IMAGENET}
     * and the pre-trained ResNet-50 from {@value #PRETRAINED_ENV}.
     *
     * @throws IllegalStateException at {@code paper} when the parameter file is missing
     */
    public static TransferLearningProtection of(Profile profile, PrintStream log) throws IOException {
        Settings s = Settings.of(profile);
        if (!profile.isPaper()) {
            ProtectedTraining scratch = ProtectedTraining.of(profile, log);
            return new TransferLearningProtection(s, scratch.data(), scratch.dataset(), new HorizontalFlip(0.5), null,
                    scratch.store(), PreTrained.fromScratch(scratch),
                    count -> ProtectedTraining.freshScenes(profile, count, "attacker-images"), log);
        }
        String file = System.getenv(PRETRAINED_ENV);
        if (file == null || file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("the paper profile fine-tunes a pre-trained ResNet-50: set " + PRETRAINED_ENV
                    + " to its TorchScript export (torch.jit.script(torchvision.models.resnet50(weights=\"IMAGENET1K_V1\"))"
                    + ".save(\"resnet50.pt\")) or to a parameter file (PretrainedWeights.save or DJL Model.save),"
                    + " 1000 ImageNet classes; got " + file);
        }
        TrainTestSplit<? extends ImageSource> imageNet = ImageFolder.imageNetFromEnvironment();
        String name = "ImageNet-" + s.imageSize() + " " + imageNet.train().size() + "+" + imageNet.test().size();
        return new TransferLearningProtection(s, imageNet, name, SampleTransform.standardAugmentation(s.imageSize()),
                CenterCrop.of(s.imageSize()), ModelStore.of(profile), PreTrained.file(Path.of(file)), null, log);
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

    /**
     * The attacker's own labelled plain images of notebook 04 (ICIP 2021, Sec. 3.4), as many as
     * {@code percent} % of the training set: images no model trained or was tested on where the
     * recipe has such ({@link FreshImages}), else a stratified part of the training set (seed
     * {@code "attacker-images"}), which the models saw.
     */
    public ImageSource attackerImages(double percent) throws IOException {
        return fresh != null ? fresh.draw((int) Math.round(data.train().size() * percent / 100))
                : StratifiedSubset.of(data.train(), percent, Seeds.derive(settings.seed(), "attacker-images"));
    }

    /** The stratified subset of {@code percent} % of the training set (every class cut to the same share). */
    public ImageSource subset(double percent) throws IOException {
        return StratifiedSubset.of(data.train(), percent, settings.seed());
    }

    /**
     * The plain pre-trained model ({@link PreTrained}), loaded from the store or made now.
     *
     * @throws IllegalStateException if its architecture or classes are not the recipe's
     */
    public ModelStore.Stored baseline() throws IOException, TranslateException {
        ModelStore.Stored stored = pretrained.get(this);
        if (!stored.card().spec().equals(spec)) {
            String found = stored.card().spec().toString();
            stored.close();
            throw new IllegalStateException("the pre-trained model is " + found + " but this recipe fine-tunes " + spec
                    + ": give a pre-trained model of the recipe's architecture, image size and classes");
        }
        return stored;
    }

    /** The store's name of the pre-trained model, made or loaded on the first call. */
    private String baselineName() throws IOException, TranslateException {
        if (baselineName == null) {
            try (ModelStore.Stored baseline = baseline()) {
                baselineName = baseline.card().name();
            }
        }
        return baselineName;
    }

    /** The parameter file as the stored pre-trained model {@value #PRETRAINED} (no training: 0 epochs). */
    private ModelStore.Stored fromFile(Path parameters) throws IOException, TranslateException {
        String training = "pre-trained parameters " + parameters.getFileName() + " " + sha256(parameters).substring(0, 12);
        ModelStore.Recipe recipe = new ModelStore.Recipe(dataset, data.train().classes(), settings.seed(), 0, training, null);
        return store.getOrTrain(PRETRAINED, spec, recipe, network -> {
            PretrainedWeights.load(network, parameters);
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
        String baselineName = baselineName();
        Path baselineParameters = store.folder(baselineName).resolve(ModelStore.PARAMETERS);
        ImageSource subset = subset(percent);
        SecretKey key = key();
        String recipeData = String.format("%s, %.0f %% subset (%d images), from %s %s", dataset, percent,
                subset.size(), baselineName, sha256(baselineParameters).substring(0, 12));
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
