package org.modelkey.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stochastic gradient descent with momentum whose weight decay skips BatchNorm and bias parameters,
 * as the ICIP 2021 paper trains (Sec. 4.1, "removal of weight decay regularization from batch
 * normalization layers", after Wong et al. 2020). DJL's {@code Sgd} decays every parameter. The
 * update follows PyTorch's SGD: d = g + λw (λ only for convolution and linear weights),
 * v ← μv + d, w ← w − ηv, with η taken from the schedule at the current global step.
 */
public final class SelectiveDecaySgd extends Optimizer {

    private final Tracker learningRate;
    private final float momentum;
    private final float weightDecay;
    private final Set<String> decayed = new HashSet<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();
    private final Map<String, NDArray> restored = new HashMap<>();
    private int step;

    /**
     * @param parameters the network's parameters (to tell which ones decay, and to name the state)
     * @param learningRate the learning rate by global step
     * @param momentum μ, for example 0.9
     * @param weightDecay λ, applied only where {@link #decays} holds
     */
    public SelectiveDecaySgd(ParameterList parameters, Tracker learningRate, float momentum, float weightDecay) {
        super(new Builder());
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum " + momentum + " is outside [0, 1): use e.g. 0.9");
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay " + weightDecay + " is negative: use e.g. 5e-4 or 0");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        for (Pair<String, Parameter> p : parameters) {
            names.put(p.getValue().getId(), p.getKey());
            if (decays(p.getValue())) {
                decayed.add(p.getValue().getId());
            }
        }
    }

    /**
     * Whether weight decay applies to a parameter: convolution and linear weights only, never
     * BatchNorm's γ, β and running statistics, nor biases.
     */
    public static boolean decays(Parameter parameter) {
        return parameter.getType() == Parameter.Type.WEIGHT;
    }

    /** Sets the global step whose learning rate the next updates use (0 for the first). */
    public void setStep(int globalStep) {
        this.step = globalStep;
    }

    /** The learning rate the next updates use. */
    public float currentLearningRate() {
        return learningRate.getNewValue(step);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRate.getNewValue(step);
        NDArray velocity = withDefaultState(velocities, parameterId, weight.getDevice(),
                id -> initialVelocity(id, weight));
        NDArray d = grad.mul(rescaleGrad);
        if (clipGrad > 0) {
            NDArray clipped = d.clip(-clipGrad, clipGrad);
            d.close();
            d = clipped;
        }
        if (weightDecay > 0 && decayed.contains(parameterId)) {
            NDArray decay = weight.mul(weightDecay);
            d.addi(decay);
            decay.close();
        }
        velocity.muli(momentum).addi(d);
        d.close();
        NDArray delta = velocity.mul(lr);
        weight.subi(delta);
        delta.close();
    }

    private NDArray initialVelocity(String parameterId, NDArray weight) {
        NDArray saved = restored.get(parameterId);
        if (saved == null) {
            return weight.zerosLike();
        }
        NDArray copy = saved.toDevice(weight.getDevice(), true);
        copy.attach(weight.getManager());
        return copy;
    }

    /**
     * The momentum buffers by parameter name, in parameter order (of the first device), for a
     * checkpoint; restored buffers not yet used count as well.
     */
    public Map<String, NDArray> velocities() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        names.forEach((id, name) -> {
            Map<Device, NDArray> perDevice = velocities.get(id);
            NDArray velocity = perDevice != null ? perDevice.values().iterator().next() : restored.get(id);
            if (velocity != null) {
                out.put(name, velocity);
            }
        });
        return out;
    }

    /**
     * Restores momentum buffers saved by {@link #velocities()}; they are copied to each device on
     * the first update there.
     */
    public void restoreVelocities(Map<String, NDArray> byName, NDManager manager) {
        Map<String, String> idByName = new HashMap<>();
        names.forEach((id, name) -> idByName.put(name, id));
        for (Map.Entry<String, NDArray> e : byName.entrySet()) {
            String id = idByName.get(e.getKey());
            if (id == null) {
                throw new IllegalArgumentException("optimizer state names parameter '" + e.getKey()
                        + "', which this network does not have: resume with the architecture of the checkpoint");
            }
            e.getValue().attach(manager);
            restored.put(id, e.getValue());
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
