package org.modelkey.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    /** Learnable parameters, counted as torchvision does (BatchNorm running statistics excluded). */
    private static long learnable(Network network) {
        long n = 0;
        for (Pair<String, Parameter> p : network.block().getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                n += p.getValue().getShape().size();
            }
        }
        return n;
    }

    @Test
    void imagenetResNetsHaveTorchvisionParameterCounts() {
        try (Network r18 = Network.create(ModelSpec.of("resnet18", 1000, 3, 224, 224));
                Network r50 = Network.create(ModelSpec.of("resnet50", 1000, 3, 224, 224))) {
            assertEquals(11_689_512L, learnable(r18));
            assertEquals(25_557_032L, learnable(r50));
        }
    }

    @Test
    void smallInputsGetTheCifarStem() {
        try (Network small = Network.create(ModelSpec.of("resnet18", 1000, 3, 32, 32))) {
            // a 3×3×3×64 stem convolution instead of 7×7×3×64
            assertEquals(11_689_512L - 7 * 7 * 3 * 64 + 3 * 3 * 3 * 64, learnable(small));
        }
    }

    @Test
    void cifarResNet20HasThreeStagesOfThreeUnits() {
        try (Network r20 = Network.create(ModelSpec.of("resnet20", 10, 3, 32, 32));
                NDManager manager = NDManager.newBaseManager()) {
            // He et al.'s 0.27M: 269,722 with zero-padding shortcuts (option A), plus two projection
            // shortcuts here (option B): 16→32 and 32→64, each a 1×1 convolution with BatchNorm
            assertEquals(269_722L + 16 * 32 + 2 * 32 + 32 * 64 + 2 * 64, learnable(r20));
            NDArray out = r20.logits(manager.ones(r20.spec().batchShape(2)));
            assertArrayEquals(new long[] {2, 10}, out.getShape().getShape());
        }
    }

    @Test
    void narrowerNetworksForTheCpu() {
        try (Network wide = Network.create(ModelSpec.of("resnet8", 10, 3, 16, 16));
                Network narrow = Network.create(ModelSpec.of("resnet8", 10, 3, 16, 16).withBaseWidth(4))) {
            assertTrue(learnable(narrow) * 10 < learnable(wide));
        }
    }

    @Test
    void unknownNamesAreRejectedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.build(ModelSpec.of("resnet19", 10, 3, 32, 32)));
        assertTrue(e.getMessage().contains("resnet20") && e.getMessage().contains("6n+2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.build(ModelSpec.of("vgg16", 10, 3, 32, 32)));
    }

    @Test
    void inputOfAnotherShapeIsRejectedBeforeTheForwardPass() {
        try (Network r8 = Network.create(ModelSpec.of("resnet8", 10, 3, 32, 32).withBaseWidth(4));
                NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> r8.logits(manager.ones(new ai.djl.ndarray.types.Shape(2, 1, 28, 28))));
            assertTrue(e.getMessage().contains("(2, 1, 28, 28)") && e.getMessage().contains("3x32x32"), e.getMessage());
        }
    }
}
