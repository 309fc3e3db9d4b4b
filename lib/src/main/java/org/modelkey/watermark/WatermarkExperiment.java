package org.modelkey.watermark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.modelkey.attack.MagnitudePruning;
import org.modelkey.attack.PruningMask;
import org.modelkey.attack.WeightSnapshot;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.ImageSource;
import org.modelkey.data.Pixels;
import org.modelkey.data.Seeds;
import org.modelkey.eval.Predictions;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.report.FigureGrid;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;

/**
 * The watermark chapter's protocol on one {@link WatermarkTask} (Zhong et al. 2020 against Zhang
 * et al. 2018): train a non-watermarked model and one model per {@link Embedding}, measure normal
 * and fresh-key-sample accuracy, test ownership with the exact binomial test, and attack kept
 * models by magnitude pruning and fine-tuning. Every model trains from scratch through the kit's
 * {@link TrainingLoop} with the same recipe (one-cycle schedule); fresh key samples are built on
 * test images, which no model trains on. Models kept by {@link #sweep} are closed with the
 * experiment.
 */
public final class WatermarkExperiment implements AutoCloseable {

    /** Share of the test images one set of fresh key samples may use: two disjoint sets fit beside the class Zhang's label skips. */
    static final double QUERY_SHARE = 0.4;

    private final WatermarkTask task;
    private final String model;
    private final int baseWidth;
    private final int epochs;
    private final int batchSize;
    private final float peakRate;
    private final int evalBatch;
    private final int queries;
    private final long seed;
    private final PrintStream log;
    private final Device[] devices;
    private final Map<Embedding, Network> kept = new LinkedHashMap<>();
    private Network plain;

    private WatermarkExperiment(Builder b) {
        this.task = b.task;
        this.model = b.model;
        this.baseWidth = b.baseWidth;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.peakRate = b.peakRate;
        this.evalBatch = b.evalBatch;
        this.queries = b.queries;
        this.seed = b.seed;
        this.log = b.log;
        this.devices = b.devices;
    }

    /**
     * A builder for the protocol on {@code task}; every setting has a default (ResNet-8 of width 8,
     * 8 epochs, batch 64, one-cycle peak 0.2, 500 queries).
     */
    public static Builder builder(WatermarkTask task) {
        return new Builder(task);
    }

    public WatermarkTask task() {
        return task;
    }

    /** The model and recipe, e.g. {@code resnet8-w8, 8 epochs, batch 64, one-cycle peak 0.2}. */
    public String modelId() {
        return model + "-w" + baseWidth + ", " + epochs + " epochs, batch " + batchSize + ", one-cycle peak " + peakRate;
    }

    /** Fresh key samples per measurement: the configured number, at most 40 % of the test images. */
    public int keyQueries() {
        return Math.min(queries, (int) (task.test().size() * QUERY_SHARE));
    }

    /** The non-watermarked model, C outputs, trained on the owner's images on first use. */
    public Network plain() throws IOException, TranslateException {
        if (plain == null) {
            plain = fit(dataset(task.owner(), true), task.classes());
        }
        return plain;
    }

    /** Trains a fresh model with the embedding's key samples (and decoys) among the owner's images. */
    public Network embed(Embedding e) throws IOException, TranslateException {
        ImageDataset train = dataset(task.owner(), true);
        WatermarkLabel label = e.method().label(task.classes());
        KeySet keys = KeySet.select(train, KeySet.size(e.alpha(), train.size()), e.pattern(), label,
                Seeds.derive(seed, "key-set"));
        WatermarkedDataset.Builder marked = WatermarkedDataset.builder(train, keys).setSampling(batchSize, true);
        if (e.specific()) {
            marked.optDecoys(DecoySet.select(train, DecoySet.size(e.decoyShare(), train.size()), e.beta(),
                    Seeds.derive(seed, "decoy-secret"), Seeds.derive(seed, "decoy-bases")));
        }
        WatermarkedDataset data = marked.build();
        return fit(data, data.classes());
    }

    /** Normal test accuracy. */
    public double normalAccuracy(Network net) throws IOException, TranslateException {
        return Predictions.of(net, dataset(task.test(), false), UnaryOperator.identity(), evalBatch).accuracy();
    }

    /**
     * The share of {@link #keyQueries()} fresh key samples of {@code pattern} on test images that
     * {@code net} answers with {@code label}; {@code draw} names the draw of their base images.
     */
    public double markRate(Network net, KeyPattern pattern, WatermarkLabel label, String draw) {
        return query(net, freshKeys(pattern, label, draw), new OwnershipVerifier(0, 0.5)).markRate();
    }

    /** Fresh-key-sample accuracy of a model watermarked with {@code e}. */
    public double keyAccuracy(Network net, Embedding e) {
        return markRate(net, e.pattern(), e.method().label(task.classes()), "key-accuracy-samples");
    }

    /**
     * The sweep: the non-watermarked model first, then one model per setting, each measured and
     * closed unless it is in {@code keep} (then {@link #model} returns it).
     */
    public List<SweepPoint> sweep(List<Embedding> settings, Collection<Embedding> keep)
            throws IOException, TranslateException {
        List<SweepPoint> points = new ArrayList<>();
        long start = System.nanoTime();
        double plainAccuracy = normalAccuracy(plain());
        points.add(new SweepPoint(task.name(), SweepPoint.NONE, "", 0, 0, 0, 0, plainAccuracy, task.test().size(), Double.NaN,
                0, seconds(start)));
        log.printf("%s non-watermarked: normal %.4f (%.0f s)%n", task.name(), plainAccuracy, seconds(start));
        for (Embedding e : settings) {
            start = System.nanoTime();
            Network net = embed(e);
            double normal = normalAccuracy(net), key = keyAccuracy(net, e);
            SweepPoint p = new SweepPoint(task.name(), e.variant(), e.pattern().id(), e.alpha(), e.beta(),
                    KeySet.size(e.alpha(), task.owner().size()),
                    e.specific() ? DecoySet.size(e.decoyShare(), task.owner().size()) : 0, normal, task.test().size(),
                    key, keyQueries(), seconds(start));
            points.add(p);
            log.printf("%s %s: normal %.4f, key %.4f (%.0f s)%n", task.name(), e, p.normal(), p.key(), p.wallSeconds());
            if (keep.contains(e)) {
                kept.put(e, net);
            } else {
                net.close();
            }
        }
        return points;
    }

    /**
     * A model that {@link #sweep} kept.
     *
     * @throws IllegalArgumentException if the sweep did not keep it
     */
    public Network model(Embedding e) {
        Network net = kept.get(e);
        if (net == null) {
            throw new IllegalArgumentException("no kept model for " + e + ": pass it in the sweep's keep set");
        }
        return net;
    }

    /**
     * The ownership test for embedding {@code e} at {@code falsePositiveBound}: p0 is the one-sided
     * 99 % Clopper–Pearson upper limit of the rate at which the non-watermarked model gives the
     * watermark label to the owner's key samples (it cannot answer the new label at all), and the
     * verification queries are fresh key samples on other test images.
     */
    public Verification verification(Embedding e, double falsePositiveBound) throws IOException, TranslateException {
        WatermarkLabel label = e.method().label(task.classes());
        KeySet innocent = freshKeys(e.pattern(), label, "innocent-model-samples");
        int n = innocent.size();
        int cleanHits = label.isNew() ? 0 : query(plain(), innocent, new OwnershipVerifier(0, 0.5)).hits();
        double p0 = Math.min(BinomialTail.upperConfidenceLimit(cleanHits, n, 0.99), Math.nextDown(1.0));
        return new Verification(e, new OwnershipVerifier(p0, falsePositiveBound),
                innocent.fresh(n, Seeds.derive(seed, "verification-samples")), (double) cleanHits / n);
    }

    /** Queries {@code suspect} with the verification's key samples and decides. */
    public OwnershipCheck check(Verification v, String suspect, Network net) {
        return check(v, suspect, "owner", net, v.queries());
    }

    /**
     * Queries {@code net} (watermarked with {@code v}'s embedding) with another owner's key samples,
     * same β and label: the specificity of the mark.
     */
    public OwnershipCheck checkOtherOwnersKeys(Verification v, KeyedNoise otherOwner, Network net) {
        KeySet others = freshKeys(otherOwner, v.embedding().method().label(task.classes()), "other-owner-samples");
        return check(v, "watermarked", "another owner", net, others);
    }

    private OwnershipCheck check(Verification v, String suspect, String queriedWith, Network net, KeySet keys) {
        Verdict verdict = query(net, keys, v.verifier());
        int needed = -1;
        if (verdict.markRate() > v.verifier().p0()) {
            try {
                needed = v.verifier().queriesNeeded(verdict.markRate());
            } catch (IllegalArgumentException tooMany) {
                needed = -1; // more than OwnershipVerifier.MAX_QUERIES: reported as undecidable
            }
        }
        return new OwnershipCheck(task.name(), v.embedding().variant(), suspect, queriedWith, verdict, needed);
    }

    /**
     * Global magnitude pruning of a kept model at each rate (0 = unpruned), measured, then restored.
     */
    public List<PruningPoint> prune(Embedding e, double[] rates) throws IOException, TranslateException {
        Network net = model(e);
        WeightSnapshot original = new WeightSnapshot(net.block());
        List<PruningPoint> points = new ArrayList<>();
        for (double rate : rates) {
            original.restore();
            try (PruningMask mask = MagnitudePruning.prune(net.block(), rate, MagnitudePruning.Scope.GLOBAL)) {
                points.add(new PruningPoint(task.name(), e.variant(), rate, mask.sparsity(), normalAccuracy(net),
                        task.test().size(), keyAccuracy(net, e), keyQueries()));
            }
        }
        original.restore();
        log.printf("%s %s pruned at %d rates%n", task.name(), e.variant(), rates.length);
        return points;
    }

    /**
     * The fine-tuning attack on a kept model: the attacker trains it on its own labelled images for
     * {@code attackEpochs} epochs at a constant learning rate. The kept model is changed.
     */
    public FineTuningOutcome fineTune(Embedding e, int attackEpochs, float learningRate)
            throws IOException, TranslateException {
        Network net = model(e);
        long start = System.nanoTime();
        double normalBefore = normalAccuracy(net), keyBefore = keyAccuracy(net, e);
        new TrainingLoop(net, config(attackEpochs, LearningRateSchedule.constant(learningRate)))
                .fit(dataset(task.attacker(), true), UnaryOperator.identity());
        FineTuningOutcome o = new FineTuningOutcome(task.name(), e.variant(), task.attacker().size(), attackEpochs,
                learningRate, normalBefore, normalAccuracy(net), task.test().size(), keyBefore, keyAccuracy(net, e),
                keyQueries(), seconds(start));
        log.printf("%s %s fine-tuned: normal %.4f -> %.4f, key %.4f -> %.4f%n", task.name(), e.variant(),
                o.normalBefore(), o.normalAfter(), o.keyBefore(), o.keyAfter());
        return o;
    }

    /**
     * A strip of the first training image, its key samples at {@code e}'s β and at {@code largest}'s
     * β, and the difference at {@code e}'s β (−β black, +β white), each zoomed 4×.
     */
    public BufferedImage keySampleStrip(Embedding e, KeyedNoise largest) throws IOException {
        Pixels base = task.owner().sample(0).image();
        int c = base.channels(), h = base.height(), w = base.width();
        float[] atBeta = e.pattern().apply(base.data(), c, h, w);
        float[] diff = new float[atBeta.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = (float) Math.min(1, Math.max(0, 0.5 + (atBeta[i] - base.data()[i]) / (2 * e.beta())));
        }
        List<Pixels> row = List.of(base, new Pixels(c, h, w, atBeta),
                new Pixels(c, h, w, largest.apply(base.data(), c, h, w)), new Pixels(c, h, w, diff));
        return FigureGrid.row(row.stream().map(Pixels::toBufferedImage).toList()).zoom(4).gap(6).render();
    }

    @Override
    public void close() {
        kept.values().forEach(Network::close);
        kept.clear();
        if (plain != null) {
            plain.close();
            plain = null;
        }
    }

    private Network fit(RandomAccessDataset data, int outputs) throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed((int) seed);
        Pixels p = task.owner().sample(0).image();
        Network net = Network.create(ModelSpec.of(model, outputs, p.channels(), p.height(), p.width())
                .withBaseWidth(baseWidth), devices);
        new TrainingLoop(net, config(epochs, LearningRateSchedule.oneCycle(peakRate))).fit(data, UnaryOperator.identity());
        return net;
    }

    private TrainingConfig config(int epochCount, LearningRateSchedule schedule) {
        return TrainingConfig.builder().epochs(epochCount).batchSize(batchSize).seed(seed).schedule(schedule)
                .logEvery(0, log).build();
    }

    private ImageDataset dataset(ImageSource source, boolean shuffle) {
        return ImageDataset.builder(source).setSampling(batchSize, shuffle).build();
    }

    private KeySet freshKeys(KeyPattern pattern, WatermarkLabel label, String draw) {
        return KeySet.select(dataset(task.test(), false), keyQueries(), pattern, label, Seeds.derive(seed, draw));
    }

    private Verdict query(Network net, KeySet keys, OwnershipVerifier verifier) {
        try (NDManager m = NDManager.newBaseManager()) {
            return verifier.verify(BlackBoxClassifier.ofScores(net.spec().classes(), net::logits), keys, m, evalBatch);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The ownership test of one embedding: its verifier and verification queries, and the measured
     * rate at which the non-watermarked model answers the watermark label (0 for the new label).
     */
    public record Verification(Embedding embedding, OwnershipVerifier verifier, KeySet queries, double innocentRate) {}

    /** Settings of a {@link WatermarkExperiment}. */
    public static final class Builder {
        private final WatermarkTask task;
        private String model = "resnet8";
        private int baseWidth = 8;
        private int epochs = 8;
        private int batchSize = 64;
        private float peakRate = 0.2f;
        private int evalBatch = 250;
        private int queries = 500;
        private long seed = 0;
        private PrintStream log = System.out;
        private Device[] devices = new Device[0];

        private Builder(WatermarkTask task) {
            this.task = task;
        }

        /** The architecture ({@link org.modelkey.model.ModelRegistry}) and its base width. */
        public Builder model(String name, int width) {
            this.model = name;
            this.baseWidth = width;
            return this;
        }

        /** Epochs, batch size and the one-cycle schedule's peak learning rate of every model. */
        public Builder training(int epochCount, int batch, float peak) {
            if (epochCount < 1 || batch < 1 || !(peak > 0)) {
                throw new IllegalArgumentException("training needs epochs ≥ 1, batch ≥ 1 and a peak rate > 0; got "
                        + epochCount + ", " + batch + ", " + peak);
            }
            this.epochs = epochCount;
            this.batchSize = batch;
            this.peakRate = peak;
            return this;
        }

        /** Fresh key samples per measurement (at most 40 % of the test images are used). */
        public Builder queries(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("queries must be at least 1, got " + count);
            }
            this.queries = count;
            return this;
        }

        /** Batch size of every evaluation. */
        public Builder evalBatch(int batch) {
            this.evalBatch = batch;
            return this;
        }

        /** The base seed; every draw derives its own by name. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Where progress lines go. */
        public Builder log(PrintStream out) {
            this.log = out;
            return this;
        }

        /** Where every model runs ({@link org.modelkey.model.Devices#forProfile}); none given: the engine's default. */
        public Builder devices(Device... value) {
            this.devices = value.clone();
            return this;
        }

        public WatermarkExperiment build() {
            return new WatermarkExperiment(this);
        }
    }
}
