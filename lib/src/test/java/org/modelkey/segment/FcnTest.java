package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;

class FcnTest {

    /** Two 3×3 convolutions, the second with stride 2: features at half the input size. */
    static Block tinyBackbone(int width) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(width).build())
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .optStride(new Shape(2, 2)).setFilters(width).build())
                .add(Activation.reluBlock());
    }

    @Test
    void scoresEveryPixelOfTheInput() {
        Engine.getInstance().setRandomSeed(1);
        try (Model model = Model.newInstance("fcn")) {
            Fcn fcn = new Fcn(tinyBackbone(4), 3);
            model.setBlock(fcn);
            fcn.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 3, 20, 12));
            NDManager nd = model.getNDManager().newSubManager();
            NDArray x = nd.randomUniform(0, 1, new Shape(2, 3, 20, 12));
            NDArray out = fcn.forward(new ParameterStore(nd, false), new NDList(x), false).head();
            assertEquals(new Shape(2, 3, 20, 12), out.getShape());
            assertEquals(new Shape(2, 3, 20, 12), fcn.getOutputShapes(new Shape[] {x.getShape()})[0]);
            // another input size with the same weights: the FCN is fully convolutional
            NDArray y = nd.randomUniform(0, 1, new Shape(1, 3, 16, 16));
            assertEquals(new Shape(1, 3, 16, 16),
                    fcn.forward(new ParameterStore(nd, false), new NDList(y), false).head().getShape());
            nd.close();
        }
    }

    @Test
    void gradientsFlowThroughTheBilinearUpsampling() {
        Engine.getInstance().setRandomSeed(2);
        try (Model model = Model.newInstance("fcn")) {
            Fcn fcn = new Fcn(tinyBackbone(4), 2);
            model.setBlock(fcn);
            fcn.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 8, 8));
            NDManager nd = model.getNDManager().newSubManager();
            NDArray x = nd.randomUniform(0, 1, new Shape(1, 3, 8, 8));
            NDArray mask = nd.zeros(new Shape(1, 8, 8), DataType.INT32);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray scores = fcn.forward(new ParameterStore(nd, false), new NDList(x), true).head();
                gc.backward(new PixelCrossEntropyLoss(2).evaluate(new NDList(mask), new NDList(scores)));
            }
            fcn.getParameters().forEach(p -> assertTrue(p.getValue().getArray().getGradient().abs().sum().getFloat() > 0,
                    "parameter " + p.getKey() + " got no gradient"));
            nd.close();
        }
    }

    @Test
    void resNetBackbonesLoseTheirPoolingAndDenseLayer() {
        Engine.getInstance().setRandomSeed(3);
        try (Model model = Model.newInstance("fcn-resnet")) {
            Fcn fcn = Fcn.withResNet(ModelSpec.of("resnet8", 5, 3, 32, 32).withBaseWidth(4));
            model.setBlock(fcn);
            fcn.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 3, 32, 32));
            // the CIFAR ResNet's last stage has width 4w = 16 at a quarter of the input size
            assertEquals(new Shape(2, 16, 8, 8), fcn.backbone().getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0]);
            NDManager nd = model.getNDManager().newSubManager();
            NDArray x = nd.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            assertEquals(new Shape(2, 5, 32, 32), fcn.forward(new ParameterStore(nd, false), new NDList(x), false).head().getShape());
            nd.close();
        }
        String notSequential = assertThrows(IllegalArgumentException.class,
                () -> Fcn.features(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(2).build())).getMessage();
        assertTrue(notSequential.contains("ends in a dense layer"), notSequential);
    }

    @Test
    void badShapesAreExplained() {
        try (NDManager nd = NDManager.newBaseManager()) {
            Fcn fcn = new Fcn(tinyBackbone(2), 2);
            String single = assertThrows(IllegalArgumentException.class,
                    () -> fcn.initialize(nd, DataType.FLOAT32, new Shape(3, 8, 8))).getMessage();
            assertTrue(single.contains("expandDims"), single);
            Fcn flat = new Fcn(new SequentialBlock().add(tinyBackbone(2)).add(Blocks.batchFlattenBlock()), 2);
            String features = assertThrows(IllegalArgumentException.class,
                    () -> flat.initialize(nd, DataType.FLOAT32, new Shape(1, 3, 8, 8))).getMessage();
            assertTrue(features.contains("feature map"), features);
            assertThrows(IllegalArgumentException.class, () -> new Fcn(tinyBackbone(2), 1));
        }
    }
}
