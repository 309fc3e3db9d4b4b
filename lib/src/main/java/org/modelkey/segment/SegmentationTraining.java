package org.modelkey.segment;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.modelkey.train.EpochSampler;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.SelectiveDecaySgd;

/**
 * Trains an {@link Fcn} as the segmentation paper does (Sec. 3.1): each batch of images passes the key
 * transform on the model's device (the masks never do; augmentation belongs to the data set and
 * runs before), per-pixel cross-entropy, SGD with momentum whose learning rate follows the schedule
 * by global step ({@link Settings#paper}: cosine annealing with warm restarts); after every epoch the
 * validation set is scored through the same transform, and the parameters with the lowest validation
 * loss are restored at the end ("we selected the model that provided the lowest loss value under the
 * validation").
 *
 * <p>The batch order is drawn from the settings' seed and the epoch ({@link EpochSampler}); the
 * network's initialization from the engine's seed. The last, smaller batch of an epoch is dropped
 * (sound BatchNorm statistics).
 */
public final class SegmentationTraining {

    /**
     * How to train.
     *
     * @param schedule learning rate by step, given the run's length
     * @param weightDecay L2 factor on convolution and dense weights (never BatchNorm, nor biases)
     * @param seed of the batch order
     */
    public record Settings(int epochs, int batchSize, LearningRateSchedule schedule, float momentum,
            float weightDecay, long seed) {

        public Settings {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs " + epochs + " and batch size " + batchSize
                        + " must both be at least 1");
            }
        }

        /**
         * The paper's settings (Sec. 3.1) for a run of any length: SGD, momentum 0.9, weight decay
         * 0.005, learning rate 0.1 annealed to 1e-4 by cosine and restarted every tenth of the run
         * (every 10 of its 100 epochs).
         */
        public static Settings paper(int epochs, int batchSize, long seed) {
            return new Settings(epochs, batchSize,
                    LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, Math.max(1, epochs / 10)), 0.9f, 0.005f, seed);
        }
    }

    /** One epoch: mean training loss over its batches, the validation score, and its wall time. */
    public record Epoch(int epoch, double trainLoss, SegmentationEvaluation.Score validation, double seconds) {}

    /** Every epoch, and which one's parameters the model holds after {@link #fit}. */
    public record History(List<Epoch> epochs, int bestEpoch) {
        public Epoch best() {
            return epochs.get(bestEpoch);
        }
    }

    private final Model model;
    private final Fcn fcn;
    private final Settings settings;
    private final PrintStream log;

    /**
     * @param model a model whose block is an {@link Fcn}
     * @param log receives one progress line per epoch
     */
    public SegmentationTraining(Model model, Settings settings, PrintStream log) {
        if (!(model.getBlock() instanceof Fcn f)) {
            throw new IllegalArgumentException("model " + model.getName() + " holds "
                    + (model.getBlock() == null ? "no block" : model.getBlock().getClass().getSimpleName())
                    + ", not an Fcn: set new Fcn(backbone, classes) as its block");
        }
        this.model = model;
        this.fcn = f;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Trains for the configured epochs and leaves the model with its best-validation parameters.
     *
     * @param transform the key transform on an N×C×H×W batch ({@code UnaryOperator.identity()} for
     *     the non-protected baseline)
     */
    public History fit(RandomAccessDataset train, RandomAccessDataset validation, UnaryOperator<NDArray> transform)
            throws IOException, TranslateException {
        int batchSize = settings.batchSize();
        int stepsPerEpoch = EpochSampler.batchesPerEpoch(train.size(), batchSize, true);
        if (stepsPerEpoch == 0) {
            throw new IllegalArgumentException("the training set has " + train.size() + " images, fewer than one batch of "
                    + batchSize + ": use a smaller batch size");
        }
        PixelCrossEntropyLoss loss = new PixelCrossEntropyLoss(fcn.classes());
        SelectiveDecaySgd optimizer = new SelectiveDecaySgd(fcn.getParameters(),
                settings.schedule().tracker(stepsPerEpoch, settings.epochs()), settings.momentum(), settings.weightDecay());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new Device[] {model.getNDManager().getDevice()});
        List<Epoch> done = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = -1;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(batchShape(validation));
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                long start = System.nanoTime();
                double trainLoss = trainEpoch(trainer, optimizer, loss, train, transform, epoch, epoch * stepsPerEpoch);
                SegmentationEvaluation.Score score = SegmentationEvaluation.score(model, validation, batchSize, transform);
                Epoch e = new Epoch(epoch, trainLoss, score, (System.nanoTime() - start) / 1e9);
                done.add(e);
                boolean better = bestEpoch < 0 || score.loss() < done.get(bestEpoch).validation().loss();
                if (better) {
                    best = parameters();
                    bestEpoch = epoch;
                }
                log.printf("epoch %d/%d  train loss %.4f  validation %s  %.1f s%s%n", epoch + 1, settings.epochs(), trainLoss,
                        score, e.seconds(), better ? "  (best so far)" : "");
            }
        }
        restore(best);
        return new History(List.copyOf(done), bestEpoch);
    }

    private double trainEpoch(Trainer trainer, SelectiveDecaySgd optimizer, PixelCrossEntropyLoss loss,
            RandomAccessDataset train, UnaryOperator<NDArray> transform, int epoch, int firstStep)
            throws IOException, TranslateException {
        double sum = 0;
        int batches = 0;
        EpochSampler order = new EpochSampler(settings.batchSize(), settings.seed(), epoch, true, true, 0);
        for (Batch batch : train.getData(trainer.getManager(), order)) {
            try (batch; GradientCollector collector = trainer.newGradientCollector()) {
                collector.zeroGradients(); // PyTorch accumulates gradients across backward passes
                NDArray images = transform.apply(batch.getData().head());
                NDArray scores = trainer.forward(new NDList(images)).head();
                NDArray value = loss.evaluate(batch.getLabels(), new NDList(scores));
                collector.backward(value);
                sum += value.getFloat();
                batches++;
            }
            optimizer.setStep(firstStep + batches - 1);
            trainer.step();
        }
        return sum / batches;
    }

    /**
     * The input shape, read from the validation set: its records are not augmented, so reading one
     * leaves the training set's augmentation sequence as it was.
     */
    private Shape batchShape(RandomAccessDataset validation) throws IOException {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("the validation set is empty: hold out some training images"
                    + " (the paper keeps 146 of 1464) to select the model by validation loss");
        }
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            Shape image = validation.get(scratch, 0).getData().head().getShape();
            if (image.dimension() != 3) {
                throw new IllegalArgumentException("validation record of shape " + image
                        + " is not a C×H×W image: give a segmentation data set of float32 C×H×W images");
            }
            return new Shape(settings.batchSize(), image.get(0), image.get(1), image.get(2));
        }
    }

    private byte[] parameters() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            fcn.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private void restore(byte[] saved) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            fcn.loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the parameters saved during training could not be read back", e);
        }
    }
}
