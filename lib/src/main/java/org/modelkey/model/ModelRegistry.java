package org.modelkey.model;

import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;

/**
 * Architectures by name. {@code resnet18/34/50/101/152} are the ImageNet ResNets (He et al. 2016,
 * Table 1) in the torchvision layout; inputs no larger than {@value #SMALL_INPUT} pixels get the
 * CIFAR-style 3×3 stem. Any other {@code resnetN} with N = 6n+2 (resnet8, resnet20, resnet56, …)
 * is the CIFAR ResNet of Sec. 4.2, the small model for CPU runs.
 */
public final class ModelRegistry {

    /** Largest side for which the ImageNet ResNets use the small-input stem. */
    public static final int SMALL_INPUT = 64;

    private record Layout(ResNet.Unit unit, int[] unitsPerStage) {}

    private static final Map<Integer, Layout> IMAGENET = Map.of(
            18, new Layout(ResNet.Unit.BASIC, new int[] {2, 2, 2, 2}),
            34, new Layout(ResNet.Unit.BASIC, new int[] {3, 4, 6, 3}),
            50, new Layout(ResNet.Unit.BOTTLENECK, new int[] {3, 4, 6, 3}),
            101, new Layout(ResNet.Unit.BOTTLENECK, new int[] {3, 4, 23, 3}),
            152, new Layout(ResNet.Unit.BOTTLENECK, new int[] {3, 8, 36, 3}));

    private ModelRegistry() {}

    /** The names most often used; any resnet(6n+2) is accepted as well. */
    public static List<String> names() {
        return List.of("resnet8", "resnet20", "resnet32", "resnet44", "resnet56", "resnet110",
                "resnet18", "resnet34", "resnet50", "resnet101", "resnet152");
    }

    /** Builds the (uninitialized) block for a spec. */
    public static Block build(ModelSpec spec) {
        int depth = depthOf(spec.name());
        Layout layout = IMAGENET.get(depth);
        if (layout != null) {
            int width = spec.baseWidth() > 0 ? spec.baseWidth() : 64;
            boolean small = Math.min(spec.height(), spec.width()) <= SMALL_INPUT;
            return ResNet.imagenet(layout.unit(), layout.unitsPerStage(), spec.classes(), width, small);
        }
        if (depth >= 8 && (depth - 2) % 6 == 0) {
            return ResNet.cifar(depth, spec.classes(), spec.baseWidth() > 0 ? spec.baseWidth() : 16);
        }
        throw unknown(spec.name());
    }

    /**
     * The torchvision names of the spec's layers that hold parameters, in the order of the block's
     * parameters ({@link ResNet#torchvisionLayers}).
     *
     * @throws IllegalArgumentException for the CIFAR ResNets, which torchvision does not have
     */
    static List<String> torchvisionLayers(ModelSpec spec) {
        Layout layout = IMAGENET.get(depthOf(spec.name()));
        if (layout == null) {
            throw new IllegalArgumentException(spec.name() + " is a CIFAR ResNet, which torchvision does not have:"
                    + " TorchScript weights of torchvision load into resnet18, 34, 50, 101 or 152 only");
        }
        return ResNet.torchvisionLayers(layout.unit(), layout.unitsPerStage(), spec.baseWidth() > 0 ? spec.baseWidth() : 64);
    }

    private static int depthOf(String name) {
        if (name.startsWith("resnet")) {
            try {
                return Integer.parseInt(name.substring("resnet".length()));
            } catch (NumberFormatException e) {
                throw unknown(name);
            }
        }
        throw unknown(name);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown model '" + name + "': use one of " + names()
                + " or resnetN with N = 6n+2 for a CIFAR ResNet");
    }
}
