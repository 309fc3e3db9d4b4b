package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.modelkey.data.EpochSampler;
import org.modelkey.model.Network;

/**
 * Trains or fine-tunes a {@link Network} on images passed through a key transform (the protected
 * models of the APSIPA and ICIP 2021 papers: the transform is applied to every batch on the model's
 * device before the forward pass; the identity gives the plain model). The one training loop of the
 * kit: classification, segmentation ({@code segment.SegmentationTraining}), watermark embedding and
 * the attacks' fine-tuning all run through it. An {@link Objective} (softmax cross-entropy by
 * default), {@link SelectiveDecaySgd}, the configured schedule by global step, seeded batch order
 * ({@link EpochSampler}, the last smaller batch dropped), and one NDManager per batch so memory stays
 * flat; batches are spread over all the network's devices.
 *
 * <p>Everything around the steps is a {@link TrainingListener}: the progress line, the resumable
 * checkpoints ({@link TrainingConfig.Builder#checkpoint}), after-step hooks ({@link #afterStep}) and
 * best-validation restore ({@link BestValidation}). A step cap ({@link TrainingConfig.Builder#stepCap},
 * set by the rehearsal of the paper profile) ends the fit early, the epoch it is in ending there.
 *
 * <pre>{@code
 * Engine.getInstance().setRandomSeed(seed);                 // repeatable initialization
 * try (Network net = Network.create(ModelSpec.of("resnet20", 10, 3, 32, 32))) {
 *     TrainingConfig config = TrainingConfig.builder().epochs(15).batchSize(64)
 *             .schedule(LearningRateSchedule.oneCycle(0.1f)).checkpoint(file, 0).build();
 *     new TrainingLoop(net, config).fit(train, blockTransform::encrypt);
 *     AccessControlResult r = AccessControl.evaluate(net, test, blockTransform::encrypt, otherKeys, 256);
 * }
 * }</pre>
 */
public final class TrainingLoop {

    private final Network network;
    private final TrainingConfig config;
    private final Objective objective;
    private final List<TrainingListener> listeners;

    /** Classification: softmax cross-entropy on class indices, no listener besides the loop's own. */
    public TrainingLoop(Network network, TrainingConfig config) {
        this(network, config, Objective.classification(), List.of());
    }

    private TrainingLoop(Network network, TrainingConfig config, Objective objective, List<TrainingListener> listeners) {
        this.network = Objects.requireNonNull(network, "network");
        this.config = Objects.requireNonNull(config, "training config");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.listeners = List.copyOf(listeners);
    }

    /** @return this loop minimising {@code other} instead (e.g. the per-pixel loss of segmentation) */
    public TrainingLoop objective(Objective other) {
        return new TrainingLoop(network, config, other, listeners);
    }

    /** @return this loop with {@code listener} added after the ones it has */
    public TrainingLoop listener(TrainingListener listener) {
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new TrainingLoop(network, config, objective, more);
    }

    /**
     * @return this loop with {@code hook} run after every optimiser step, before the step is
     *     printed or checkpointed: e.g. {@code PruningMask::reapply}, which keeps pruned weights at
     *     zero while a pruned model is fine-tuned (Zhong et al. 2020, pruning attack)
     */
    public TrainingLoop afterStep(Runnable hook) {
        Objects.requireNonNull(hook, "after-step hook");
        return listener(new TrainingListener() {
            @Override
            public void onStep(Step step) {
                hook.run();
            }
        });
    }

    /**
     * Runs the configured epochs (or what is left of them, resuming the checkpoint when it exists).
     *
     * @param data records of a float32 C×H×W image in [0,1] and its label (a class index for
     *     classification)
     * @param transform the key transform on an N×C×H×W batch ({@code UnaryOperator.identity()}
     *     for a plain model)
     * @return the epochs finished by this call
     */
    public TrainingHistory fit(RandomAccessDataset data, UnaryOperator<NDArray> transform)
            throws IOException, TranslateException {
        objective.check(data, network.spec());
        int stepsPerEpoch = EpochSampler.batchesPerEpoch(data.size(), config.batchSize, true);
        if (stepsPerEpoch == 0) {
            throw new IllegalArgumentException("the data set has " + data.size() + " images, fewer than one batch of "
                    + config.batchSize + ": use a smaller batch size");
        }
        SelectiveDecaySgd optimizer = new SelectiveDecaySgd(network.block().getParameters(),
                config.schedule.tracker(stepsPerEpoch, config.epochs), config.momentum, config.weightDecay);
        Checkpoint.Settings settings = new Checkpoint.Settings(network.spec().toString(), config.batchSize,
                stepsPerEpoch, config.epochs, config.seed);
        Checkpoint.Progress at = Checkpoint.Progress.START;
        if (config.checkpoint != null && Files.exists(config.checkpoint)) {
            at = Checkpoint.load(config.checkpoint, network, optimizer, settings);
            config.log.printf("resuming %s at epoch %d, step %d%n", config.checkpoint, at.epoch() + 1, at.batchInEpoch());
        }
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(new ProgressLine(config.log, config.logEvery, config.epochs, config.stepCap));
        if (config.checkpoint != null) {
            all.add(new CheckpointWriter(config.checkpoint, config.checkpointEvery, network, optimizer, settings));
        }
        DefaultTrainingConfig djl = new DefaultTrainingConfig(objective.loss())
                .optOptimizer(optimizer)
                .optDevices(network.devices());
        try (Trainer trainer = network.model().newTrainer(djl)) {
            for (TrainingListener l : all) {
                l.onStart(network, at);
            }
            TrainingHistory history = run(trainer, optimizer, data, transform, stepsPerEpoch, at, all);
            for (TrainingListener l : all) {
                l.onFit(history);
            }
            return history;
        } finally {
            optimizer.releaseState();
        }
    }

    private TrainingHistory run(Trainer trainer, SelectiveDecaySgd optimizer, RandomAccessDataset data,
            UnaryOperator<NDArray> transform, int stepsPerEpoch, Checkpoint.Progress at, List<TrainingListener> all)
            throws IOException, TranslateException {
        List<EpochStats> finished = new ArrayList<>();
        int stepsThisCall = 0;
        trainer.initialize(network.spec().batchShape(config.batchSize));
        int globalStep = at.globalStep();
        for (int epoch = at.epoch(); epoch < config.epochs; epoch++) {
            int skip = epoch == at.epoch() ? at.batchInEpoch() : 0;
            Checkpoint.Progress now = skip > 0 ? at : new Checkpoint.Progress(epoch, 0, globalStep, 0, 0, 0);
            for (TrainingListener l : all) {
                l.onEpochStart(epoch);
            }
            long epochStart = System.nanoTime();
            long epochImages = 0;
            EpochSampler sampler = EpochSampler.training(config.batchSize, config.seed, epoch).skipping(skip);
            int step = skip;
            for (Batch batch : data.getData(network.model().getNDManager(), sampler)) {
                Tally tally;
                try (batch) {
                    tally = trainStep(trainer, optimizer, batch, transform, globalStep);
                }
                step++;
                globalStep++;
                stepsThisCall++;
                epochImages += tally.images;
                now = new Checkpoint.Progress(epoch, step, globalStep, now.lossSum() + tally.lossSum,
                        now.correct() + tally.correct, now.seen() + tally.counted);
                boolean stop = config.stopAfterSteps > 0 && stepsThisCall == config.stopAfterSteps;
                boolean capped = config.stepCap > 0 && stepsThisCall == config.stepCap;
                TrainingListener.Step event = new TrainingListener.Step(stepsPerEpoch, step, tally.images,
                        optimizer.currentLearningRate(), now, stop && step < stepsPerEpoch);
                for (TrainingListener l : all) {
                    l.onStep(event);
                }
                if (event.stopping()) {
                    return new TrainingHistory(finished, stepsThisCall, false);
                }
                if (capped) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            EpochStats stats = new EpochStats(epoch + 1, mean(now.lossSum(), now.seen()), mean(now.correct(), now.seen()),
                    epochImages / seconds, seconds);
            finished.add(stats);
            Checkpoint.Progress next = new Checkpoint.Progress(epoch + 1, 0, globalStep, 0, 0, 0);
            for (TrainingListener l : all) {
                l.onEpoch(stats, next);
            }
            if (config.stepCap > 0 && stepsThisCall == config.stepCap) {
                return new TrainingHistory(finished, stepsThisCall, true);
            }
            if (config.stopAfterSteps > 0 && stepsThisCall == config.stopAfterSteps && epoch + 1 < config.epochs) {
                return new TrainingHistory(finished, stepsThisCall, false);
            }
        }
        return new TrainingHistory(finished, stepsThisCall, true);
    }

    private static double mean(double sum, long count) {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** What one step measured: loss summed over the counted units, right predictions, counted units, images. */
    private record Tally(double lossSum, long correct, long counted, int images) {}

    /**
     * Clears the gradients, which PyTorch accumulates across backward passes. DJL's own
     * {@code GradientCollector.zeroGradients} leaves two NDArrays per parameter on the model's
     * manager at every step; this closes what it opens.
     */
    private void zeroGradients() {
        for (NDArray array : network.model().getNDManager().getManagedArrays()) {
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    private Tally trainStep(Trainer trainer, SelectiveDecaySgd optimizer, Batch batch, UnaryOperator<NDArray> transform,
            int globalStep) {
        Batch[] parts = batch.split(trainer.getDevices(), false);
        double lossSum = 0;
        long correct = 0;
        long counted = 0;
        int images = 0;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            zeroGradients();
            for (Batch part : parts) {
                NDArray x = transform.apply(part.getData().head());
                NDArray y = objective.labels(part.getLabels().head());
                NDArray scores = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray value = objective.loss().evaluate(new NDList(y), new NDList(scores));
                // DJL sums the devices' gradients: weigh each part's mean loss by its share of the batch
                collector.backward(parts.length == 1 ? value : value.mul((float) x.getShape().get(0) / batch.getSize()));
                long n = objective.counted(y);
                lossSum += value.getFloat() * n;
                correct += objective.correct(scores, y);
                counted += n;
                images += Math.toIntExact(x.getShape().get(0));
            }
        }
        optimizer.setStep(globalStep);
        trainer.step();
        for (Batch part : parts) {
            if (part != batch) {
                part.close();
            }
        }
        return new Tally(lossSum, correct, counted, images);
    }
}
