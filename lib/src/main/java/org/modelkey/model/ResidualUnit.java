package org.modelkey.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * The two residual units of He et al., "Deep residual learning for image recognition" (CVPR 2016),
 * in the torchvision layout: y = ReLU(F(x) + shortcut(x)), where the shortcut is the identity, or a
 * strided 1×1 convolution with BatchNorm (option B) when the shape changes.
 */
final class ResidualUnit {

    /** Output filters of a bottleneck unit relative to its inner width. */
    static final int BOTTLENECK_EXPANSION = 4;

    private ResidualUnit() {}

    /** Basic unit (Fig. 5 left): 3×3 conv, BN, ReLU, 3×3 conv, BN; stride on the first conv. */
    static Block basic(int inFilters, int filters, int stride) {
        SequentialBlock residual = new SequentialBlock()
                .add(conv(filters, 3, stride)).add(bn()).add(Activation.reluBlock())
                .add(conv(filters, 3, 1)).add(bn());
        return join(residual, shortcut(inFilters, filters, stride));
    }

    /**
     * Bottleneck unit (Fig. 5 right): 1×1 reduce to {@code filters}, 3×3 (strided, as torchvision
     * v1.5), 1×1 expand to 4·{@code filters}.
     */
    static Block bottleneck(int inFilters, int filters, int stride) {
        int out = filters * BOTTLENECK_EXPANSION;
        SequentialBlock residual = new SequentialBlock()
                .add(conv(filters, 1, 1)).add(bn()).add(Activation.reluBlock())
                .add(conv(filters, 3, stride)).add(bn()).add(Activation.reluBlock())
                .add(conv(out, 1, 1)).add(bn());
        return join(residual, shortcut(inFilters, out, stride));
    }

    static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
    }

    static Block bn() {
        return BatchNorm.builder().build();
    }

    /** Whether the shortcut is a projection (1×1 convolution and BatchNorm) rather than the identity. */
    static boolean projects(int inFilters, int outFilters, int stride) {
        return inFilters != outFilters || stride != 1;
    }

    private static Block shortcut(int inFilters, int outFilters, int stride) {
        if (!projects(inFilters, outFilters, stride)) {
            return Blocks.identityBlock();
        }
        return new SequentialBlock().add(conv(outFilters, 1, stride)).add(bn());
    }

    private static Block join(Block residual, Block shortcut) {
        return new SequentialBlock()
                .add(new ParallelBlock(
                        outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                        List.of(residual, shortcut)))
                .add(Activation.reluBlock());
    }
}
