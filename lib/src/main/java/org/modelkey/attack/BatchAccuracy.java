package org.modelkey.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockTransform;

/**
 * The attacker's {@link KeyObjective} on a real model: the accuracy of a DJL model on one fixed,
 * labelled batch transformed with a candidate key (the authors' {@code get_acc}). The batch and
 * labels are copied once to the model's device; each evaluation transforms the batch there, runs
 * the model in inference mode and frees every intermediate array before it returns.
 *
 * <p>A search that tries many NP or FFX masks of one M and password (the key-estimation attack) does not
 * run the cipher per candidate: from the second such candidate on, the batch is encrypted by a
 * {@link MaskSelection}, one select between two precomputed arrays. Other candidates (SHF keys,
 * FFX keys that each bring a new password) are encrypted in full with {@link BlockTransform}.
 */
public final class BatchAccuracy implements KeyObjective, AutoCloseable {

    /** Shortest time {@link #forwardsPerSecond} measures over, so that timer and scheduler noise stay small. */
    private static final long MIN_TIMING_NANOS = 250_000_000L;

    private final Block block;
    private final ParameterStore parameters;
    private final NDManager manager;
    private final NDArray images;
    private final NDArray labels;
    private MaskSelection selection;
    private SecretKey previous;
    private long inputNanos;
    private long totalNanos;

    private BatchAccuracy(Model model, NDManager manager, NDArray images, NDArray labels) {
        this.block = model.getBlock();
        this.parameters = new ParameterStore(manager, false);
        this.manager = manager;
        this.images = images;
        this.labels = labels;
    }

    /**
     * The objective on a batch of N×C×H×W float32 images in [0,1] and their N class indices.
     *
     * @throws IllegalArgumentException if the images do not fit the model, the labels do not match
     *     the images, or a label is not one of the model's classes
     */
    public static BatchAccuracy of(Model model, NDArray images, NDArray labels) {
        Objects.requireNonNull(model, "model");
        Block block = model.getBlock();
        if (block == null || !block.isInitialized()) {
            throw new IllegalArgumentException("model " + model.getName()
                    + " has no initialised block: set and initialise its block, or load its parameters, first");
        }
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("attacker's images have shape " + shape
                    + ", not N×C×H×W: stack the images into one batch");
        }
        if (images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("attacker's images are " + images.getDataType()
                    + ", not float32 in [0,1]: convert them, e.g. x.toType(DataType.FLOAT32, false).div(255)");
        }
        Shape expected = block.getInputShapes()[0];
        if (expected.dimension() != 4 || !expected.slice(1).equals(shape.slice(1))) {
            throw new IllegalArgumentException("attacker's images are " + shape.slice(1) + " but model "
                    + model.getName() + " takes " + expected.slice(1)
                    + ": give data of the size the model was trained on (resize or crop it)");
        }
        if (labels.getShape().dimension() != 1 || labels.size() != shape.get(0)) {
            throw new IllegalArgumentException(shape.get(0) + " attacker's images but labels of shape "
                    + labels.getShape() + ": give one class index per image");
        }
        NDManager manager = model.getNDManager().newSubManager();
        NDArray x = images.toDevice(manager.getDevice(), true);
        x.attach(manager);
        NDArray y = labels.toDevice(manager.getDevice(), true);
        y.attach(manager);
        y = y.toType(DataType.INT64, false);
        BatchAccuracy objective = new BatchAccuracy(model, manager, x, y);
        objective.checkLabels(model.getName());
        return objective;
    }

    /**
     * The objective on the first {@code size} records of the attacker's data set (record data a
     * C×H×W image in [0,1], label a class index), as the authors took one batch of their loader.
     */
    public static BatchAccuracy of(Model model, RandomAccessDataset data, int size) {
        if (size < 1 || size > data.size()) {
            throw new IllegalArgumentException("batch of " + size + " images asked from a data set of " + data.size()
                    + ": give a batch size between 1 and " + data.size());
        }
        try (NDManager cpu = NDManager.newBaseManager()) {
            NDList images = new NDList(size);
            NDList labels = new NDList(size);
            for (int i = 0; i < size; i++) {
                Record r = data.get(cpu, i);
                images.add(r.getData().singletonOrThrow());
                labels.add(r.getLabels().singletonOrThrow().reshape(1));
            }
            return of(model, NDArrays.stack(images), NDArrays.concat(labels));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the attacker's data set: " + e.getMessage(), e);
        }
    }

    /** Number of images in the batch. */
    public int size() {
        return Math.toIntExact(labels.size());
    }

    /** Shape C×H×W of one image of the batch. */
    public Shape imageShape() {
        return images.getShape().slice(1);
    }

    @Override
    public double accuracy(SecretKey candidate) {
        Objects.requireNonNull(candidate, "candidate key");
        boolean sameMaskFamily = previous != null && MaskSelection.sameFamily(candidate, previous);
        previous = candidate;
        if (sameMaskFamily && (selection == null || !selection.fits(candidate))) {
            if (selection != null) {
                selection.close();
            }
            selection = MaskSelection.of(candidate, images);
        }
        if (selection != null && selection.fits(candidate)) {
            return accuracy(scope -> selection.encrypt(candidate, scope));
        }
        try (BlockTransform transform = BlockTransform.of(candidate)) {
            return accuracy(scope -> transform.encrypt(attachedTo(scope)));
        }
    }

    /** Accuracy on the batch as it is, without any key (plain images). */
    public double plainAccuracy() {
        return accuracy(this::attachedTo);
    }

    /**
     * Share of the time of the evaluations so far spent preparing the model's input (the key
     * transform) rather than in the model: a measure of the attack's overhead that does not drift
     * with the load of a shared machine, since both parts are timed in the same evaluation. Exact
     * on a CPU, where engine ops run synchronously; on a GPU, where they run asynchronously, it
     * counts only the time to launch the transform. NaN before the first evaluation.
     */
    public double transformShare() {
        return totalNanos == 0 ? Double.NaN : (double) inputNanos / totalNanos;
    }

    /** Forgets the time measured so far, e.g. after timing plain forward passes. */
    public void resetTiming() {
        inputNanos = 0;
        totalNanos = 0;
    }

    /**
     * Plain inference throughput on the same batch: forward passes per second of the model alone
     * (with the accuracy count, without a key transform), the yardstick for the attack's speed.
     * After {@code repeats} warm-up passes (the engine prepares its kernels on the first calls), it
     * times at least {@code repeats} passes and at least a quarter of a second.
     */
    public double forwardsPerSecond(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats " + repeats + " is not positive: time at least 1 forward pass");
        }
        for (int r = 0; r < repeats; r++) {
            plainAccuracy();
        }
        long t0 = System.nanoTime();
        int passes = 0;
        long elapsed;
        do {
            plainAccuracy();
            passes++;
            elapsed = System.nanoTime() - t0;
        } while (passes < repeats || elapsed < MIN_TIMING_NANOS);
        return passes / (elapsed / 1e9);
    }

    /** The batch, temporarily attached to {@code scope} so that what is computed from it is freed with the scope. */
    private NDArray attachedTo(NDManager scope) {
        images.tempAttach(scope);
        return images;
    }

    /** Accuracy of the model on {@code input}, an array computed within a temporary scope. */
    private double accuracy(Function<NDManager, NDArray> input) {
        try (NDManager scope = manager.newSubManager()) {
            long t0 = System.nanoTime();
            NDArray x = input.apply(scope);
            long t1 = System.nanoTime();
            NDArray scores = block.forward(parameters, new NDList(x), false).singletonOrThrow();
            long correct = scores.argMax(1).eq(labels).countNonzero().getLong();
            long t2 = System.nanoTime();
            inputNanos += t1 - t0;
            totalNanos += t2 - t0;
            return (double) correct / labels.size();
        }
    }

    private void checkLabels(String modelName) {
        long classes;
        try (NDManager scope = manager.newSubManager()) {
            images.tempAttach(scope);
            classes = block.forward(parameters, new NDList(images), false).singletonOrThrow().getShape().get(1);
        }
        long lo;
        long hi;
        try (NDArray min = labels.min(); NDArray max = labels.max()) {
            lo = min.getLong();
            hi = max.getLong();
        }
        if (lo < 0 || hi >= classes) {
            throw new IllegalArgumentException("attacker's labels range over " + lo + ".." + hi + " but model "
                    + modelName + " has " + classes + " classes: give labels of the classes the model was trained on");
        }
    }

    @Override
    public void close() {
        if (selection != null) {
            selection.close();
        }
        manager.close();
    }
}
