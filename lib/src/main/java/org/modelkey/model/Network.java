package org.modelkey.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * A network ready to use (a classifier of {@link ModelRegistry}, or any block {@link #of} is given, e.g.
 * a segmentation FCN): its {@link ModelSpec}, the DJL model holding the initialized block, and
 * the devices it runs on (the first holds the parameters; training may spread batches over all).
 * Parameters are initialized from the engine's random seed, so set
 * {@code Engine.getInstance().setRandomSeed} first for a repeatable network.
 */
public final class Network implements AutoCloseable {

    private final ModelSpec spec;
    private final Model model;
    private final Device[] devices;

    private Network(ModelSpec spec, Model model, Device[] devices) {
        this.spec = spec;
        this.model = model;
        this.devices = devices;
    }

    /**
     * Builds and initializes the network of {@code spec} on {@code devices}; with none given, on
     * every GPU the engine sees, else on the CPU ({@link Devices#choose}).
     */
    public static Network create(ModelSpec spec, Device... devices) {
        return of(spec, ModelRegistry.build(spec), devices);
    }

    /**
     * Initializes {@code block}, whose input is {@code spec}'s C×H×W, on {@code devices} (with none
     * given, as {@link #create}); {@code spec.classes()} is the number of classes it scores.
     *
     * @return the network holding {@code block}, which it closes with its model
     */
    public static Network of(ModelSpec spec, Block block, Device... devices) {
        Device[] use = devices.length == 0 ? Devices.choose(false, Integer.MAX_VALUE) : devices.clone();
        Model model = Model.newInstance(spec.name(), use[0]);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, spec.batchShape(1));
        return new Network(spec, model, use);
    }

    public ModelSpec spec() {
        return spec;
    }

    public Model model() {
        return model;
    }

    public Block block() {
        return model.getBlock();
    }

    /** The devices, first one holding the parameters. */
    public Device[] devices() {
        return devices.clone();
    }

    /** @return the number of parameters (weights, biases, BatchNorm's scale and shift), the same with or without a key */
    public long parameterCount() {
        long count = 0;
        for (var p : block().getParameters()) {
            count += p.getValue().getArray().getShape().size();
        }
        return count;
    }

    public Device device() {
        return devices[0];
    }

    /**
     * Class scores (N×classes) of a batch in inference mode (BatchNorm uses its running
     * statistics). The batch is moved to the network's device when needed; the result is attached
     * to the batch's manager.
     */
    public NDArray logits(NDArray batch) {
        spec.checkInput(batch.getShape());
        NDArray x = batch.getShape().dimension() == 3 ? batch.expandDims(0) : batch;
        NDArray onDevice = x.toDevice(device(), false);
        // a fresh store each call: it caches parameter arrays, which PretrainedWeights.load replaces
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        NDArray out = block().forward(parameters, new NDList(onDevice), false).singletonOrThrow();
        out.attach(batch.getManager());
        return out;
    }

    /** Predicted class index of each image of a batch. */
    public int[] predict(NDArray batch) {
        NDArray scores = logits(batch);
        NDArray best = scores.argMax(1).toType(DataType.INT32, false);
        int[] classes = best.toIntArray();
        best.close();
        scores.close();
        return classes;
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return spec + " on " + Arrays.toString(devices);
    }
}
