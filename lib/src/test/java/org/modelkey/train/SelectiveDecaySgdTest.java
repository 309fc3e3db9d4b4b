package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

class SelectiveDecaySgdTest {

    private static Pair<String, Parameter> first(ParameterList params, Parameter.Type type) {
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().getType() == type) {
                return p;
            }
        }
        throw new AssertionError("no parameter of type " + type);
    }

    @Test
    void onlyConvolutionAndLinearWeightsDecay() {
        try (Network net = Network.create(ModelSpec.of("resnet8", 3, 3, 8, 8).withBaseWidth(4))) {
            int decayed = 0;
            for (Pair<String, Parameter> p : net.block().getParameters()) {
                boolean batchNormOrBias = p.getValue().getType() != Parameter.Type.WEIGHT;
                assertEquals(!batchNormOrBias, SelectiveDecaySgd.decays(p.getValue()), p.getKey());
                decayed += SelectiveDecaySgd.decays(p.getValue()) ? 1 : 0;
            }
            // resnet8: stem conv, 3 units × 2 convs, 2 projection convs, the linear layer
            assertEquals(1 + 6 + 2 + 1, decayed);
        }
    }

    @Test
    void weightDecayShrinksConvolutionWeightsButLeavesBatchNormAlone() {
        try (Network net = Network.create(ModelSpec.of("resnet8", 3, 3, 8, 8).withBaseWidth(4))) {
            ParameterList params = net.block().getParameters();
            float lr = 0.1f;
            float decay = 0.5f;
            SelectiveDecaySgd sgd = new SelectiveDecaySgd(params, Tracker.fixed(lr), 0.9f, decay);
            for (Parameter.Type type : new Parameter.Type[] {Parameter.Type.WEIGHT, Parameter.Type.GAMMA,
                    Parameter.Type.BETA, Parameter.Type.BIAS}) {
                Parameter p = first(params, type).getValue();
                NDArray w = p.getArray();
                w.addi(0.25f); // BatchNorm's β and biases start at 0, γ at 1: make decay visible
                float[] before = w.toFloatArray();
                try (NDArray zeroGrad = w.zerosLike()) {
                    sgd.update(p.getId(), w, zeroGrad);
                }
                float[] after = w.toFloatArray();
                for (int i = 0; i < before.length; i++) {
                    float expected = type == Parameter.Type.WEIGHT ? before[i] * (1 - lr * decay) : before[i];
                    assertEquals(expected, after[i], 1e-6f, type + " element " + i);
                }
            }
        }
    }

    @Test
    void momentumFollowsPyTorchSgd() {
        try (Network net = Network.create(ModelSpec.of("resnet8", 3, 3, 8, 8).withBaseWidth(4))) {
            ParameterList params = net.block().getParameters();
            Parameter gamma = first(params, Parameter.Type.GAMMA).getValue();
            SelectiveDecaySgd sgd = new SelectiveDecaySgd(params, Tracker.fixed(0.1f), 0.9f, 0.5f);
            NDArray w = gamma.getArray();
            float start = w.toFloatArray()[0];
            try (NDArray grad = w.onesLike()) {
                sgd.update(gamma.getId(), w, grad); // v = 1, w -= 0.1
                sgd.update(gamma.getId(), w, grad); // v = 1.9, w -= 0.19
            }
            assertEquals(start - 0.29f, w.toFloatArray()[0], 1e-6f);
            float[] velocity = sgd.velocities().get(first(params, Parameter.Type.GAMMA).getKey()).toFloatArray();
            assertArrayEquals(new float[] {1.9f, 1.9f, 1.9f, 1.9f}, velocity, 1e-6f);
            assertTrue(sgd.velocities().size() == 1);
            assertFalse(SelectiveDecaySgd.decays(gamma));
        }
    }
}
