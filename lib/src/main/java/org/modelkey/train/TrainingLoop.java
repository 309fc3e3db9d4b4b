package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.modelkey.model.Network;

/**
 * Trains or fine-tunes a {@link Network} on images passed through a key transform (the protected
 * models of the APSIPA and ICIP 2021 papers: the transform is applied to every batch on the model's
 * device before the forward pass; the identity gives the plain model). Softmax cross-entropy,
 * {@link SelectiveDecaySgd}, the configured schedule by global step, seeded batch order, resumable
 * checkpoints, and one NDManager per batch so memory stays flat. Batches are spread over all the
 * network's devices.
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
    private final Runnable afterStep;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    public TrainingLoop(Network network, TrainingConfig config) {
        this(network, config, () -> {});
    }

    private TrainingLoop(Network network, TrainingConfig config, Runnable afterStep) {
        this.network = Objects.requireNonNull(network, "network");
        this.config = Objects.requireNonNull(config, "training config");
        this.afterStep = afterStep;
    }

    /**
     * This loop with {@code hook} run after every optimiser step, before the step is counted or
     * checkpointed: e.g. {@code PruningMask::reapply}, which keeps pruned weights at zero while a
     * pruned model is fine-tuned (Zhong et al. 2020, pruning attack).
     */
    public TrainingLoop afterStep(Runnable hook) {
        return new TrainingLoop(network, config, Objects.requireNonNull(hook, "after-step hook"));
    }

    /**
     * Runs the configured epochs (or what is left of them, resuming the checkpoint when it exists).
     *
     * @param data records of a float32 C×H×W image in [0,1] and its class index
     * @param transform the key transform on an N×C×H×W batch ({@code UnaryOperator.identity()}
     *     for a plain model)
     */
    public TrainingHistory fit(RandomAccessDataset data, UnaryOperator<NDArray> transform)
            throws IOException, TranslateException {
        DataChecks.checkImages(data, network.spec());
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
        DefaultTrainingConfig djl = new DefaultTrainingConfig(loss)
                .optOptimizer(optimizer)
                .optDevices(network.devices());
        try (Trainer trainer = network.model().newTrainer(djl)) {
            return run(trainer, optimizer, data, transform, stepsPerEpoch, settings, at);
        } finally {
            optimizer.releaseState();
        }
    }

    private TrainingHistory run(Trainer trainer, SelectiveDecaySgd optimizer, RandomAccessDataset data,
            UnaryOperator<NDArray> transform, int stepsPerEpoch, Checkpoint.Settings settings, Checkpoint.Progress at)
            throws IOException, TranslateException {
        List<EpochStats> finished = new ArrayList<>();
        int stepsThisCall = 0;
        trainer.initialize(network.spec().batchShape(config.batchSize));
        ProgressMeter meter = new ProgressMeter(config.log, config.logEvery, config.epochs, stepsPerEpoch);
        int globalStep = at.globalStep();
        for (int epoch = at.epoch(); epoch < config.epochs; epoch++) {
            int skip = epoch == at.epoch() ? at.batchInEpoch() : 0;
            Checkpoint.Progress sums = skip > 0 ? at : Checkpoint.Progress.START;
            meter.startEpoch(sums.lossSum(), sums.correct(), sums.seen());
            EpochSampler sampler = new EpochSampler(config.batchSize, config.seed, epoch, true, true, skip);
            int step = skip;
            for (Batch batch : data.getData(network.model().getNDManager(), sampler)) {
                try (batch) {
                    trainStep(trainer, optimizer, batch, transform, globalStep, epoch, step + 1, meter);
                }
                step++;
                globalStep++;
                stepsThisCall++;
                Checkpoint.Progress now = new Checkpoint.Progress(epoch, step, globalStep,
                        meter.lossSum(), meter.correct(), meter.seen());
                boolean stop = config.stopAfterSteps > 0 && stepsThisCall == config.stopAfterSteps;
                boolean due = config.checkpointEvery > 0 && globalStep % config.checkpointEvery == 0;
                if (config.checkpoint != null && step < stepsPerEpoch && (stop || due)) {
                    Checkpoint.save(config.checkpoint, network, optimizer, settings, now);
                }
                if (stop && step < stepsPerEpoch) {
                    return new TrainingHistory(finished, stepsThisCall, false);
                }
            }
            finished.add(meter.endEpoch(epoch));
            if (config.checkpoint != null) {
                Checkpoint.save(config.checkpoint, network, optimizer, settings,
                        new Checkpoint.Progress(epoch + 1, 0, globalStep, 0, 0, 0));
            }
            if (config.stopAfterSteps > 0 && stepsThisCall == config.stopAfterSteps && epoch + 1 < config.epochs) {
                return new TrainingHistory(finished, stepsThisCall, false);
            }
        }
        return new TrainingHistory(finished, stepsThisCall, true);
    }

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

    private void trainStep(Trainer trainer, SelectiveDecaySgd optimizer, Batch batch, UnaryOperator<NDArray> transform,
            int globalStep, int epoch, int step, ProgressMeter meter) {
        Batch[] parts = batch.split(trainer.getDevices(), false);
        double lossSum = 0;
        long correct = 0;
        int images = 0;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            zeroGradients();
            for (Batch part : parts) {
                NDArray x = transform.apply(part.getData().head());
                NDArray y = part.getLabels().head().toType(DataType.INT64, false);
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray value = loss.evaluate(new NDList(y), new NDList(logits));
                int n = Math.toIntExact(x.getShape().get(0));
                // DJL sums the devices' gradients: weigh each part's mean loss by its share of the batch
                collector.backward(parts.length == 1 ? value : value.mul((float) n / batch.getSize()));
                lossSum += value.getFloat() * n;
                correct += logits.argMax(1).eq(y).countNonzero().getLong();
                images += n;
            }
        }
        optimizer.setStep(globalStep);
        trainer.step();
        afterStep.run();
        for (Batch part : parts) {
            if (part != batch) {
                part.close();
            }
        }
        meter.record(epoch, step, lossSum, correct, images, optimizer.currentLearningRate());
    }
}
