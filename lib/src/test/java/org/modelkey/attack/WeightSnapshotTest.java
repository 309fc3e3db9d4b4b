package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

class WeightSnapshotTest {

    @Test
    void restoreUndoesPruningInPlace() {
        Engine.getInstance().setRandomSeed(3);
        try (Model model = Model.newInstance("tiny")) {
            SequentialBlock net = new SequentialBlock()
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(6).build());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
            var weight = net.getParameters().get(0).getValue().getArray();
            float[] before = weight.toFloatArray();

            WeightSnapshot snapshot = new WeightSnapshot(net);
            MagnitudePruning.prune(net, 0.5, MagnitudePruning.Scope.GLOBAL).close();
            assertTrue(weight.countNonzero().getLong() < weight.size(), "pruning zeroed some weights");

            snapshot.restore();
            assertArrayEquals(before, weight.toFloatArray(), "the same array holds the original values again");
        }
    }
}
