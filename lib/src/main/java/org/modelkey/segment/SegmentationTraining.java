package org.modelkey.segment;

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
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.RandomSampler;
import ai.djl.training.optimizer.Optimizer;
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

/**
 * Trains an {@link Fcn} as the segmentation paper does (Sec. 3.1): each batch of images passes the key
 * transform on the model's device (the masks never do; augmentation belongs to the data set and
 * runs before), per-pixel cross-entropy, the given optimizer (the paper: SGD, momentum 0.9, weight
 * decay 0.005, cosine annealing with warm restarts); after every epoch the validation set is scored
 * through the same transform, and the parameters with the lowest validation loss are restored at the
 * end ("we selected the model that provided the lowest loss value under the validation").
 *
 * <p>Batch order comes from DJL's random sampler, so set {@code Engine.getInstance().setRandomSeed}
 * first for a repeatable run. The last, smaller batch of an epoch is dropped (sound BatchNorm statistics).
 */
public final class SegmentationTraining {

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
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final PrintStream log;

    /**
     * @param model a model whose block is an {@link Fcn}
     * @param log receives one progress line per epoch
     */
    public SegmentationTraining(Model model, Optimizer optimizer, int epochs, int batchSize, PrintStream log) {
        if (!(model.getBlock() instanceof Fcn f)) {
            throw new IllegalArgumentException("model " + model.getName() + " holds "
                    + (model.getBlock() == null ? "no block" : model.getBlock().getClass().getSimpleName())
                    + ", not an Fcn: set new Fcn(backbone, classes) as its block");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs " + epochs + " and batch size " + batchSize
                    + " must both be at least 1");
        }
        this.model = model;
        this.fcn = f;
        this.optimizer = optimizer;
        this.epochs = epochs;
        this.batchSize = batchSize;
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
        if (train.size() < batchSize) {
            throw new IllegalArgumentException("the training set has " + train.size() + " images, fewer than one batch of "
                    + batchSize + ": use a smaller batch size");
        }
        PixelCrossEntropyLoss loss = new PixelCrossEntropyLoss(fcn.classes());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new ai.djl.Device[] {model.getNDManager().getDevice()});
        List<Epoch> done = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = -1;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(batchShape(train));
            for (int epoch = 0; epoch < epochs; epoch++) {
                long start = System.nanoTime();
                double trainLoss = trainEpoch(trainer, loss, train, transform);
                SegmentationEvaluation.Score score = SegmentationEvaluation.score(model, validation, batchSize, transform);
                Epoch e = new Epoch(epoch, trainLoss, score, (System.nanoTime() - start) / 1e9);
                done.add(e);
                boolean better = bestEpoch < 0 || score.loss() < done.get(bestEpoch).validation().loss();
                if (better) {
                    best = parameters();
                    bestEpoch = epoch;
                }
                log.printf("epoch %d/%d  train loss %.4f  validation %s  %.1f s%s%n", epoch + 1, epochs, trainLoss,
                        score, e.seconds(), better ? "  (best so far)" : "");
            }
        }
        restore(best);
        return new History(List.copyOf(done), bestEpoch);
    }

    private double trainEpoch(Trainer trainer, PixelCrossEntropyLoss loss, RandomAccessDataset train,
            UnaryOperator<NDArray> transform) throws IOException, TranslateException {
        double sum = 0;
        int batches = 0;
        for (Batch batch : train.getData(trainer.getManager(), new BatchSampler(new RandomSampler(), batchSize, true))) {
            try (batch; GradientCollector collector = trainer.newGradientCollector()) {
                NDArray images = transform.apply(batch.getData().head());
                NDArray scores = trainer.forward(new NDList(images)).head();
                NDArray value = loss.evaluate(batch.getLabels(), new NDList(scores));
                collector.backward(value);
                sum += value.getFloat();
                batches++;
            }
            trainer.step();
        }
        return sum / batches;
    }

    private Shape batchShape(RandomAccessDataset train) throws IOException {
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            Shape image = train.get(scratch, 0).getData().head().getShape();
            if (image.dimension() != 3) {
                throw new IllegalArgumentException("training record of shape " + image
                        + " is not a C×H×W image: give a segmentation data set of float32 C×H×W images");
            }
            return new Shape(batchSize, image.get(0), image.get(1), image.get(2));
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
