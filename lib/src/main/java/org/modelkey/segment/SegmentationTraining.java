package org.modelkey.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.BestValidation;
import org.modelkey.train.EpochStats;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.Objective;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingHistory;
import org.modelkey.train.TrainingLoop;

/**
 * Trains an {@link Fcn} as the segmentation paper does (Ito et al. 2021, Sec. 3.1) through the kit's
 * one {@link TrainingLoop}: each batch of images passes the key transform on the model's device (the
 * masks never do; augmentation belongs to the data set and runs before), the per-pixel cross-entropy
 * of {@link #objective} (label {@value MeanIoU#IGNORE} ignored), SGD with momentum whose rate follows
 * the schedule by global step ({@link #paperSettings}: cosine annealing with warm restarts); after
 * every epoch the validation set is scored through the same transform, and the parameters with the
 * lowest validation loss are restored at the end ({@link BestValidation}).
 */
public final class SegmentationTraining {

    /** One epoch: mean training loss over its labelled pixels, the validation score, and its wall time. */
    public record Epoch(int epoch, double trainLoss, SegmentationEvaluation.Score validation, double seconds) {}

    /** Every epoch, and which one's parameters the model holds after {@link #fit}. */
    public record History(List<Epoch> epochs, int bestEpoch) {
        /** @return the epoch of the lowest validation loss, whose parameters the model holds */
        public Epoch best() {
            return epochs.get(bestEpoch);
        }
    }

    /** The paper's cosine cycles per run: a warm restart every 10 of its 100 epochs. */
    public static final int PAPER_CYCLES = 10;

    private SegmentationTraining() {}

    /**
     * The paper's settings (Sec. 3.1) for a run of any length: SGD, momentum 0.9, weight decay 0.005,
     * learning rate 0.1 annealed to 1e-4 by cosine and restarted after every tenth of the run (every
     * 10 of its 100 epochs), whatever the run's length.
     *
     * @return a builder with those settings, to which a log or checkpoint can be added
     */
    public static TrainingConfig.Builder paperSettings(int epochs, int batchSize, long seed) {
        return TrainingConfig.builder().epochs(epochs).batchSize(batchSize)
                .schedule(LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, PAPER_CYCLES))
                .momentum(0.9f).weightDecay(0.005f).seed(seed);
    }

    /**
     * Trains {@code network} (an {@link Fcn}) for the configured epochs and leaves it with its
     * best-validation parameters; validation batches are the training batch size.
     *
     * @param transform the key transform on an N×C×H×W batch ({@code UnaryOperator.identity()} for
     *     the non-protected baseline)
     * @return every epoch's training loss and validation score, and the epoch kept
     */
    public static History fit(Network network, TrainingConfig config, RandomAccessDataset train,
            RandomAccessDataset validation, UnaryOperator<NDArray> transform) throws IOException, TranslateException {
        if (!(network.block() instanceof Fcn fcn)) {
            throw new IllegalArgumentException("network " + network + " holds "
                    + network.block().getClass().getSimpleName()
                    + ", not an Fcn: build it with Network.of(spec, Fcn.withResNet(spec))");
        }
        if (validation.size() == 0) {
            throw new IllegalArgumentException("the validation set is empty: hold out some training images"
                    + " (the paper keeps 146 of 1464) to select the model by validation loss");
        }
        checkRecord(validation, network.spec());
        BestValidation<SegmentationEvaluation.Score> best = new BestValidation<>(
                net -> SegmentationEvaluation.score(net.model(), validation, config.batchSize(), transform),
                SegmentationEvaluation.Score::loss, config.log());
        TrainingHistory history = new TrainingLoop(network, config).objective(objective(fcn.classes()))
                .listener(best).fit(train, transform);
        List<Epoch> epochs = new ArrayList<>();
        for (int i = 0; i < history.epochs().size(); i++) {
            EpochStats e = history.epochs().get(i);
            epochs.add(new Epoch(i, e.loss(), best.scores().get(i), e.seconds()));
        }
        return new History(List.copyOf(epochs), best.bestEpoch());
    }

    /**
     * Checks the first validation record (not augmented, so reading it leaves the training set's
     * augmentation sequence as it was): a C×H×W image that fits {@code spec} and an H×W mask.
     */
    private static void checkRecord(RandomAccessDataset validation, ModelSpec spec) throws IOException {
        try (NDManager scratch = NDManager.newBaseManager()) {
            Record first = validation.get(scratch, 0);
            Shape image = first.getData().head().getShape();
            spec.checkInput(image);
            Shape mask = first.getLabels().head().getShape();
            if (!mask.equals(new Shape(image.get(1), image.get(2)))) {
                throw new IllegalArgumentException("the first validation mask has shape " + mask + ", not the image's "
                        + image.get(1) + "×" + image.get(2) + ": give one class index per pixel");
            }
        }
    }

    /**
     * @return the segmentation objective: {@link PixelCrossEntropyLoss} over the labelled pixels of
     *     N×H×W masks, accuracy counted per labelled pixel
     */
    public static Objective objective(int classes) {
        PixelCrossEntropyLoss loss = new PixelCrossEntropyLoss(classes);
        return new Objective() {
            @Override
            public Loss loss() {
                return loss;
            }

            @Override
            public NDArray labels(NDArray masks) {
                return masks;
            }

            @Override
            public long correct(NDArray scores, NDArray masks) {
                NDArray predicted = scores.argMax(1);
                return predicted.eq(masks.toType(predicted.getDataType(), false))
                        .logicalAnd(masks.neq(MeanIoU.IGNORE)).countNonzero().getLong();
            }

            @Override
            public long counted(NDArray masks) {
                return masks.neq(MeanIoU.IGNORE).countNonzero().getLong();
            }

            /** Reads no record: that would advance an augmented set's sequence ({@link #fit} checks a validation record). */
            @Override
            public void check(RandomAccessDataset data, ModelSpec spec) {
                if (data.size() == 0) {
                    throw new IllegalArgumentException("the training set is empty: give at least one batch of images");
                }
            }

            @Override
            public String toString() {
                return "per-pixel cross-entropy, ignoring " + MeanIoU.IGNORE;
            }
        };
    }
}
