package org.modelkey.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.SampleTransform;
import org.modelkey.data.Seeds;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelSpec;
import org.modelkey.store.ModelStore;
import org.modelkey.train.TrainingConfig;
import org.modelkey.transform.AccessConditions;
import org.modelkey.transform.BlockTransform;

/**
 * The segmentation paper's experiment (Ito et al. 2021, Sec. 3): an {@link Fcn} for each transform
 * (SHF, NP, FFX) and block size M, and the non-protected baseline, every one trained with the
 * paper's settings ({@link SegmentationTraining#paperSettings}) from the same initial weights on the
 * same augmented records, then scored on the test set with its correct key (Table 1), with
 * incorrect keys of its kind and on plain images (Fig. 6). Models go through the {@link ModelStore},
 * so a second run loads them instead of training again.
 *
 * <pre>{@code
 * BlockSizeSweep sweep = new BlockSizeSweep(settings, train, validation, test, augmentation, scale, store, System.out);
 * List<SegmentationRun> runs = sweep.run(new int[] {2, 4, 8, 16, 32});
 * List<SegmentationExample> fig5 = sweep.examples();
 * }</pre>
 */
public final class BlockSizeSweep {

    /**
     * The sweep's settings.
     *
     * @param architecture the FCN's ResNet ({@code resnet20}, {@code resnet50}…)
     * @param baseWidth its first-stage filters (0: the architecture's own)
     * @param incorrectKeys incorrect keys per protected model (the paper's Fig. 6: 100)
     * @param examples test images shown per model in Fig. 5
     */
    public record Settings(String architecture, int baseWidth, int epochs, int batchSize, int incorrectKeys,
            int evalBatch, int examples, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || evalBatch < 1) {
                throw new IllegalArgumentException("epochs " + epochs + ", batch " + batchSize + " and evaluation batch "
                        + evalBatch + " must all be at least 1");
            }
            if (incorrectKeys < 1) {
                throw new IllegalArgumentException(incorrectKeys + " incorrect keys: give at least one (the paper uses 100)");
            }
            if (examples < 0) {
                throw new IllegalArgumentException(examples + " Fig. 5 examples: give 0 or more");
            }
        }
    }

    private final Settings settings;
    private final ImageDataset train;
    private final ImageDataset validation;
    private final ImageDataset test;
    private final SampleTransform augmentation;
    private final SegmentationScale scale;
    private final ModelStore store;
    private final PrintStream log;
    private final ModelSpec spec;
    private final TrainingConfig training;
    private final List<SegmentationExample> examples = new ArrayList<>();

    /**
     * @param train the training images, sampled in shuffled batches of {@code settings.batchSize()}
     *     and augmented by {@code augmentation} (recorded in the model cards)
     * @param validation the images that select each model's epoch (lowest validation loss)
     * @param scale what the models' cards and the tables name the data and model by
     */
    public BlockSizeSweep(Settings settings, ImageDataset train, ImageDataset validation, ImageDataset test,
            SampleTransform augmentation, SegmentationScale scale, ModelStore store, PrintStream log) throws IOException {
        if (test.size() < settings.examples()) {
            throw new IllegalArgumentException("Fig. 5 asks for " + settings.examples() + " examples but the test set has "
                    + test.size() + " images: ask for fewer");
        }
        this.settings = settings;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.augmentation = augmentation;
        this.scale = scale;
        this.store = store;
        this.log = log;
        this.spec = ModelSpec.of(settings.architecture(), train.source().classes().size(), 3, scale.side(), scale.side())
                .withBaseWidth(settings.baseWidth());
        this.training = SegmentationTraining.paperSettings(settings.epochs(), settings.batchSize(), settings.seed())
                .logEvery(0, log).build();
    }

    /** The shared training settings (the paper's SGD and cosine schedule with warm restarts). */
    public TrainingConfig training() {
        return training;
    }

    /** The FCN's spec: the ResNet, K classes (background included), 3×side×side. */
    public ModelSpec spec() {
        return spec;
    }

    /** The key of {@code kind} with block size {@code blockSize}, drawn from the sweep's seed. */
    public SecretKey key(KeyKind kind, int blockSize) {
        return SecretKey.fromSeed(kind, blockSize, 3, settings.seed());
    }

    /**
     * The baseline, then every transform at every block size (in {@link KeyKind} order); Fig. 5's
     * examples are kept for the baseline and the smallest block size.
     *
     * @param blockSizes the block sizes M, each dividing the image side
     */
    public List<SegmentationRun> run(int[] blockSizes) throws IOException, TranslateException {
        if (blockSizes.length == 0) {
            throw new IllegalArgumentException("no block sizes given: give at least one M dividing " + scale.side());
        }
        int smallest = Arrays.stream(blockSizes).min().getAsInt();
        List<SegmentationRun> runs = new ArrayList<>();
        runs.add(baseline());
        for (KeyKind kind : KeyKind.values()) {
            for (int m : blockSizes) {
                runs.add(protectedModel(kind, m, m == smallest));
            }
        }
        return List.copyOf(runs);
    }

    /** The non-protected FCN, trained and tested on plain images. */
    public SegmentationRun baseline() throws IOException, TranslateException {
        return model(null, true);
    }

    /** The FCN protected by {@link #key(KeyKind, int)}, scored under every condition of Fig. 6. */
    public SegmentationRun protectedModel(KeyKind kind, int blockSize) throws IOException, TranslateException {
        return protectedModel(kind, blockSize, false);
    }

    private SegmentationRun protectedModel(KeyKind kind, int blockSize, boolean example)
            throws IOException, TranslateException {
        if (blockSize < 1 || scale.side() % blockSize != 0) {
            throw new IllegalArgumentException("block size M = " + blockSize + " does not divide the image side "
                    + scale.side() + ": choose M among its divisors");
        }
        return model(key(kind, blockSize), example);
    }

    /** Fig. 5's rows so far: the baseline and, from {@link #run}, each transform at its smallest block size. */
    public List<SegmentationExample> examples() {
        return List.copyOf(examples);
    }

    /** The store's name of a model, e.g. {@code 05-fcn-np-m4} or {@code 05-fcn-baseline}. */
    public static String modelName(SecretKey key) {
        return key == null ? "05-fcn-baseline" : "05-fcn-" + key.kind().name().toLowerCase(Locale.ROOT) + "-m" + key.blockSize();
    }

    /** @param example whether Fig. 5 keeps this model's maps of the first test images */
    private SegmentationRun model(SecretKey drawn, boolean example) throws IOException, TranslateException {
        int[] bestEpoch = {-1};
        try (ModelStore.Stored stored = trainOrLoad(drawn, bestEpoch)) {
            return score(stored, stored.key(), stored.trainedNow() ? bestEpoch[0] : -1, example);
        }
    }

    /** {@code baseline} or e.g. {@code SHF M=4}, as {@link SegmentationRun#label()}. */
    private static String label(SecretKey key) {
        return key == null ? SegmentationRun.BASELINE : key.kind() + " M=" + key.blockSize();
    }

    /**
     * The model of {@code key} from the store, or trained now (its best epoch then in {@code bestEpoch[0]});
     * its key is the stored one, under the stored id.
     */
    private ModelStore.Stored trainOrLoad(SecretKey key, int[] bestEpoch) throws IOException, TranslateException {
        log.println("== " + label(key));
        ModelStore.Recipe recipe = new ModelStore.Recipe(scale.describe(), train.source().classes(), settings.seed(),
                settings.epochs(), training.describe(augmentation), key);
        return store.getOrTrain(modelName(key), spec, Fcn::withResNet, recipe, network -> {
            try (BlockTransform transform = key == null ? null : BlockTransform.of(key)) {
                train.restartAugmentation();
                SegmentationTraining.History history = SegmentationTraining.fit(network, training, train, validation,
                        key == null ? UnaryOperator.identity() : transform::encrypt);
                bestEpoch[0] = history.bestEpoch();
                return history.best().validation().meanIoU();
            }
        });
    }

    private SegmentationRun score(ModelStore.Stored stored, SecretKey key, int bestEpoch, boolean example)
            throws IOException, TranslateException {
        try (BlockTransform transform = key == null ? null : BlockTransform.of(key)) {
            UnaryOperator<NDArray> correct = key == null ? UnaryOperator.identity() : transform::encrypt;
            long start = System.nanoTime();
            SegmentationEvaluation.Score correctScore = score(stored, correct);
            SegmentationRun run;
            if (key == null) {
                run = new SegmentationRun(SegmentationRun.BASELINE, 0, "none", bestEpoch, correctScore, null, List.of(),
                        correctScore, stored.card().trainSeconds(), seconds(start));
            } else {
                List<SegmentationEvaluation.Score> incorrect = new ArrayList<>();
                try (AccessConditions conditions = AccessConditions.of(key, settings.incorrectKeys(),
                        Seeds.derive(settings.seed(), "incorrect-keys"))) {
                    for (UnaryOperator<NDArray> other : conditions.incorrect()) {
                        incorrect.add(score(stored, other));
                    }
                }
                SegmentationEvaluation.Score plain = score(stored, UnaryOperator.identity());
                AccessControlResult access = AccessControlResult.of(correctScore.meanIoU(),
                        incorrect.stream().mapToDouble(SegmentationEvaluation.Score::meanIoU).toArray(), plain.meanIoU());
                run = new SegmentationRun(key.kind().name(), key.blockSize(), key.id(), bestEpoch, correctScore, access,
                        incorrect, plain, stored.card().trainSeconds(), seconds(start));
            }
            if (example) {
                examples.add(example(run.label(), stored, correct));
            }
            log.printf("%s: test mean IoU %.4f%s; %s, scoring %.0f s%n", run.label(), correctScore.meanIoU(),
                    key == null ? "" : String.format(", incorrect keys %.4f ± %.4f (%d keys), plain %.4f",
                            run.access().incorrectMean(), run.access().incorrectStd(), run.incorrect().size(),
                            run.access().plain()),
                    stored.trainedNow() ? String.format("trained in %.0f s", run.trainSeconds()) : "loaded from the model store",
                    run.scoreSeconds());
            return run;
        }
    }

    private SegmentationEvaluation.Score score(ModelStore.Stored stored, UnaryOperator<NDArray> transform)
            throws IOException, TranslateException {
        return SegmentationEvaluation.score(stored.network().model(), test, settings.evalBatch(), transform);
    }

    private SegmentationExample example(String label, ModelStore.Stored stored, UnaryOperator<NDArray> transform)
            throws IOException {
        int n = settings.examples();
        try (NDManager scope = stored.network().model().getNDManager().newSubManager()) {
            NDList images = new NDList(), masks = new NDList();
            for (int i = 0; i < n; i++) {
                Record r = test.get(scope, i);
                images.add(r.getData().head());
                masks.add(r.getLabels().head());
            }
            NDArray batch = NDArrays.stack(images);
            NDArray truth = NDArrays.stack(masks);
            NDArray predicted = SegmentationEvaluation.predict(stored.network().model(), batch, transform);
            double[] iou = new double[n];
            for (int i = 0; i < n; i++) {
                iou[i] = new MeanIoU(spec.classes()).add(predicted.get(i), truth.get(i)).value();
            }
            return new SegmentationExample(label, scale.side(), transform.apply(batch).toFloatArray(),
                    predicted.toType(DataType.INT32, false).toIntArray(), truth.toType(DataType.INT32, false).toIntArray(),
                    iou);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
