package org.modelkey.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.*;

class MagnitudePruningTest {

    private static SequentialBlock tinyNet() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(8).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    private static long zeros(NDArray a) {
        return a.size() - a.countNonzero().getLong();
    }

    @ParameterizedTest
    @CsvSource({"0.1,GLOBAL", "0.5,GLOBAL", "0.9,GLOBAL", "0.3,PER_LAYER", "0.7,PER_LAYER", "0.0,GLOBAL"})
    void pruningAtRateZeroesThatFractionOfTheWeights(double rate, MagnitudePruning.Scope scope) {
        Engine.getInstance().setRandomSeed(7);
        try (Model model = Model.newInstance("tiny")) {
            SequentialBlock net = tinyNet();
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 3, 8, 8));
            var weights = MagnitudePruning.prunableWeights(net);
            assertEquals(2, weights.size(), "the conv and the dense weight; BatchNorm and biases are kept");
            long total = weights.values().stream().mapToLong(p -> p.getArray().size()).sum();
            try (PruningMask mask = MagnitudePruning.prune(net, rate, scope)) {
                long pruned = weights.values().stream().mapToLong(p -> zeros(p.getArray())).sum();
                assertEquals(rate, (double) pruned / total, 1.5 / total * weights.size());
                assertEquals(rate, mask.sparsity(), 1e-6 + 1.5 / total * weights.size());
                if (scope == MagnitudePruning.Scope.PER_LAYER) {
                    for (Parameter p : weights.values()) {
                        assertEquals(rate, (double) zeros(p.getArray()) / p.getArray().size(), 1.0 / p.getArray().size());
                    }
                }
                // the pruned weights are the smallest: every kept |w| >= every pruned |w| (global)
                if (scope == MagnitudePruning.Scope.GLOBAL && rate > 0) {
                    float smallestKept = Float.MAX_VALUE;
                    for (Parameter p : weights.values()) {
                        NDArray a = p.getArray().abs();
                        NDArray kept = a.get(a.gt(0));
                        smallestKept = Math.min(smallestKept, kept.min().getFloat());
                    }
                    assertTrue(smallestKept > 0);
                }
                // fine-tuning moves weights; reapply puts the pruned ones back to zero
                for (Parameter p : weights.values()) {
                    p.getArray().set(p.getArray().add(0.5f).toByteBuffer());
                }
                mask.reapply();
                long after = weights.values().stream().mapToLong(p -> zeros(p.getArray())).sum();
                assertEquals(pruned, after);
            }
        }
    }

    @Test
    void rejectsRatesOutsideZeroToOne() {
        SequentialBlock net = tinyNet();
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> MagnitudePruning.prune(net, bad, MagnitudePruning.Scope.GLOBAL));
            assertTrue(e.getMessage().contains("outside [0, 1)"), e.getMessage());
        }
    }

    @Test
    void uninitialisedModelIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MagnitudePruning.prune(tinyNet(), 0.5, MagnitudePruning.Scope.GLOBAL));
        assertTrue(e.getMessage().contains("initialise"), e.getMessage());
    }
}
