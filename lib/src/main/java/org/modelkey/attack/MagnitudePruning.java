package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Magnitude pruning, the model-modification attack of the ICIP 2021 paper (Sec. 4.4) and of the
 * watermarking robustness test (Zhong et al. 2020, "pruning"): the fraction {@code rate} of weights
 * with the smallest absolute value is set to zero, over all layers together ({@link Scope#GLOBAL})
 * or within each layer ({@link Scope#PER_LAYER}). Only convolution and dense weights are pruned;
 * biases and BatchNorm parameters are kept. Exactly {@code round(rate · n)} weights are zeroed
 * (ties broken arbitrarily), so the reported rate is the real one.
 */
public final class MagnitudePruning {

    /** Where the smallest weights are ranked. */
    public enum Scope { GLOBAL, PER_LAYER }

    private MagnitudePruning() {}

    /**
     * Prunes {@code model} in place and returns the masks, which {@link PruningMask#reapply()} uses to
     * keep pruned weights at zero while the attacker fine-tunes.
     *
     * @throws IllegalArgumentException if the rate is outside [0, 1) or the model has no weights
     */
    public static PruningMask prune(Block model, double rate, Scope scope) {
        checkRate(rate);
        Map<String, Parameter> weights = prunableWeights(model);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("the model has no initialised convolution or dense weights to prune:"
                    + " initialise it (or load its parameters) first");
        }
        NDManager manager = weights.values().iterator().next().getArray().getManager().newSubManager();
        Map<String, NDArray> masks = scope == Scope.GLOBAL
                ? globalMasks(weights, rate, manager)
                : perLayerMasks(weights, rate, manager);
        PruningMask mask = new PruningMask(weights, masks, manager);
        mask.reapply();
        return mask;
    }

    /** @throws IllegalArgumentException if {@code rate} is outside [0, 1) */
    static void checkRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("pruning rate " + rate
                    + " is outside [0, 1): give the fraction of weights to remove, e.g. 0.5");
        }
    }

    /** Convolution and dense weights: parameters of type WEIGHT with at least two dimensions. */
    static Map<String, Parameter> prunableWeights(Block model) {
        Map<String, Parameter> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            Parameter param = p.getValue();
            if (param.getType() == Parameter.Type.WEIGHT && param.isInitialized()
                    && param.getArray().getShape().dimension() >= 2) {
                weights.put(p.getKey(), param);
            }
        }
        return weights;
    }

    private static Map<String, NDArray> perLayerMasks(Map<String, Parameter> weights, double rate, NDManager manager) {
        Map<String, NDArray> masks = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : weights.entrySet()) {
            NDArray w = e.getValue().getArray();
            masks.put(e.getKey(), smallestZeroed(w.abs().flatten(), rate, manager).reshape(w.getShape()));
        }
        return masks;
    }

    private static Map<String, NDArray> globalMasks(Map<String, Parameter> weights, double rate, NDManager manager) {
        List<NDArray> flat = new ArrayList<>();
        for (Parameter p : weights.values()) {
            flat.add(p.getArray().abs().flatten());
        }
        NDArray all = smallestZeroed(NDArrays.concat(new NDList(flat)), rate, manager);
        Map<String, NDArray> masks = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, Parameter> e : weights.entrySet()) {
            NDArray w = e.getValue().getArray();
            long n = w.size();
            masks.put(e.getKey(), all.get(offset + ":" + (offset + n)).reshape(w.getShape()));
            offset += n;
        }
        return masks;
    }

    /** A 0/1 mask of the same length as {@code magnitudes} with its round(rate·n) smallest entries 0. */
    private static NDArray smallestZeroed(NDArray magnitudes, double rate, NDManager manager) {
        long n = magnitudes.size();
        long k = Math.round(rate * n);
        NDArray order = magnitudes.argSort();
        NDArray rank = order.argSort(); // rank[i] = position of entry i in ascending order
        NDArray mask = rank.gte(k).toType(magnitudes.getDataType(), false);
        mask.attach(manager);
        return mask;
    }
}
