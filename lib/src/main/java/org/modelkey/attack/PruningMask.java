package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Map;
import java.util.Set;

/**
 * The 0/1 masks of a {@link MagnitudePruning} step. While an attacker fine-tunes a pruned model,
 * {@link #reapply()} after each optimiser step keeps the pruned weights at zero.
 */
public final class PruningMask implements AutoCloseable {
    private final Map<String, Parameter> weights;
    private final Map<String, NDArray> masks;
    private final NDManager manager;

    PruningMask(Map<String, Parameter> weights, Map<String, NDArray> masks, NDManager manager) {
        this.weights = weights;
        this.masks = masks;
        this.manager = manager;
    }

    /** Sets the pruned weights to zero again. */
    public void reapply() {
        for (Map.Entry<String, Parameter> e : weights.entrySet()) {
            NDArray w = e.getValue().getArray();
            try (NDArray pruned = w.mul(masks.get(e.getKey()))) {
                w.set(pruned.toByteBuffer());
            }
        }
    }

    /**
     * Fraction of the prunable weights that are zero now, over all layers: the pruning rate right
     * after pruning, and still that rate after fine-tuning only if {@link #reapply()} ran after every step.
     */
    public double sparsity() {
        long zeros = 0;
        long total = 0;
        for (Parameter p : weights.values()) {
            NDArray w = p.getArray();
            total += w.size();
            try (NDArray nonzero = w.countNonzero()) {
                zeros += w.size() - nonzero.getLong();
            }
        }
        return (double) zeros / total;
    }

    /** Names of the pruned parameters. */
    public Set<String> parameterNames() {
        return masks.keySet();
    }

    @Override
    public void close() {
        manager.close();
    }
}
