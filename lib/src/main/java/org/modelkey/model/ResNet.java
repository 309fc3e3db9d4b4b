package org.modelkey.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Residual networks of He et al. (CVPR 2016) built from DJL blocks: the ImageNet family (Table 1,
 * torchvision layout with BatchNorm after every convolution, stem included) and the CIFAR family
 * (Sec. 4.2: depth 6n+2, three stages of n basic units).
 */
final class ResNet {

    /** Which residual unit a network stacks. */
    enum Unit { BASIC, BOTTLENECK }

    private ResNet() {}

    /**
     * ImageNet-style ResNet with four stages of widths w, 2w, 4w, 8w.
     *
     * @param smallInputStem replaces the 7×7/2 convolution and 3×3/2 max pooling by one 3×3/1
     *     convolution, so that a 32×32 input is not reduced to 8×8 before the first stage
     */
    static Block imagenet(Unit unit, int[] unitsPerStage, int classes, int baseWidth, boolean smallInputStem) {
        SequentialBlock net = new SequentialBlock();
        if (smallInputStem) {
            net.add(ResidualUnit.conv(baseWidth, 3, 1)).add(ResidualUnit.bn()).add(Activation.reluBlock());
        } else {
            net.add(ResidualUnit.conv(baseWidth, 7, 2)).add(ResidualUnit.bn()).add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        }
        int in = baseWidth;
        for (int stage = 0; stage < unitsPerStage.length; stage++) {
            int filters = baseWidth << stage;
            for (int i = 0; i < unitsPerStage[stage]; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                if (unit == Unit.BASIC) {
                    net.add(ResidualUnit.basic(in, filters, stride));
                    in = filters;
                } else {
                    net.add(ResidualUnit.bottleneck(in, filters, stride));
                    in = filters * ResidualUnit.BOTTLENECK_EXPANSION;
                }
            }
        }
        return head(net, classes);
    }

    /**
     * The torchvision names of the layers holding parameters of {@link #imagenet} (standard stem), in
     * the order of the block's parameters: {@code conv1}, {@code bn1}, {@code layer1.0.conv1}, …,
     * {@code layer1.0.downsample.0}, …, {@code fc}.
     */
    static List<String> torchvisionLayers(Unit unit, int[] unitsPerStage, int baseWidth) {
        List<String> layers = new ArrayList<>(List.of("conv1", "bn1"));
        int in = baseWidth;
        for (int stage = 0; stage < unitsPerStage.length; stage++) {
            int filters = baseWidth << stage;
            int out = unit == Unit.BASIC ? filters : filters * ResidualUnit.BOTTLENECK_EXPANSION;
            for (int i = 0; i < unitsPerStage[stage]; i++) {
                String prefix = "layer" + (stage + 1) + "." + i + ".";
                for (int k = 1; k <= (unit == Unit.BASIC ? 2 : 3); k++) {
                    layers.add(prefix + "conv" + k);
                    layers.add(prefix + "bn" + k);
                }
                if (ResidualUnit.projects(in, out, stage > 0 && i == 0 ? 2 : 1)) {
                    layers.add(prefix + "downsample.0");
                    layers.add(prefix + "downsample.1");
                }
                in = out;
            }
        }
        layers.add("fc");
        return layers;
    }

    /** CIFAR ResNet of depth 6n+2: 3×3 stem, stages of widths w, 2w, 4w (projection shortcuts). */
    static Block cifar(int depth, int classes, int baseWidth) {
        int n = (depth - 2) / 6;
        SequentialBlock net = new SequentialBlock()
                .add(ResidualUnit.conv(baseWidth, 3, 1)).add(ResidualUnit.bn()).add(Activation.reluBlock());
        int in = baseWidth;
        for (int stage = 0; stage < 3; stage++) {
            int filters = baseWidth << stage;
            for (int i = 0; i < n; i++) {
                net.add(ResidualUnit.basic(in, filters, stage > 0 && i == 0 ? 2 : 1));
                in = filters;
            }
        }
        return head(net, classes);
    }

    private static Block head(SequentialBlock net, int classes) {
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }
}
