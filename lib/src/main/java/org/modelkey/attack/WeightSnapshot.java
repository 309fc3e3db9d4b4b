package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy in memory of every parameter of a block (weights, biases, BatchNorm statistics), written
 * back in place, so an attack can modify a stolen model several times from the same start and
 * hand it back unchanged; a notebook uses it the same way to measure a model at several pruning
 * rates with its own metrics (e.g. the key-sample accuracy of a watermarked model).
 */
public final class WeightSnapshot {

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();

    /** Copies the current values of {@code block}'s initialised parameters. */
    public WeightSnapshot(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                parameters.add(p.getValue());
                values.add(p.getValue().getArray().toByteArray());
            }
        }
    }

    /** Writes the copied values back into the same arrays. */
    public void restore() {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray array = parameters.get(i).getArray();
            array.set(ByteBuffer.wrap(values.get(i)).order(ByteOrder.nativeOrder()));
        }
    }
}
