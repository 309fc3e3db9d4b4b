package org.modelkey.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.modelkey.model.ModelRegistry;
import org.modelkey.model.ModelSpec;

/**
 * Fully convolutional network (Long et al. 2015), the segmentation model of the paper (Sec. 3.1): a
 * backbone extracts a feature map from the N×C×H×W input, a 1×1 convolution scores each of its
 * positions for the K classes, and bilinear upsampling brings the N×K×h×w scores back to the input's
 * H×W. The upsampling is the engine's interpolation ({@code torch.nn.functional.interpolate},
 * bilinear, corners not aligned, as torchvision's FCN), which carries gradients, so the whole model
 * trains end to end with {@link PixelCrossEntropyLoss}.
 */
public final class Fcn extends AbstractBlock {

    /** The PyTorch engine's code for bilinear interpolation ({@code torch::kBilinear}). */
    private static final int BILINEAR = 2;

    private final Block backbone;
    private final Block classifier;
    private final int classes;

    /**
     * @param backbone any block mapping N×C×H×W images to an N×F×h×w feature map (e.g. the
     *     convolutional stages of a ResNet, without its pooling and dense layer)
     * @param classes K, the number of classes, background included (21 for PASCAL VOC)
     */
    public Fcn(Block backbone, int classes) {
        super((byte) 1);
        if (classes < 2) {
            throw new IllegalArgumentException("an FCN needs at least 2 classes (background and one object), got "
                    + classes + ": count the background as class 0");
        }
        this.classes = classes;
        this.backbone = addChildBlock("backbone", backbone);
        this.classifier = addChildBlock("classifier",
                Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classes).build());
    }

    /**
     * The paper's model: an FCN on a ResNet of {@link ModelRegistry} (FCN-ResNet50 in the paper
     * profile, a small ResNet for CPU runs). {@code spec.classes()} is K; the ResNet's pooling and
     * dense layer are cut off by {@link #features}.
     */
    public static Fcn withResNet(ModelSpec spec) {
        return new Fcn(features(ModelRegistry.build(spec)), spec.classes());
    }

    /**
     * The feature extractor of a sequential classifier: its blocks without the final dense layer and
     * the parameter-free blocks just before it (global pooling, flatten).
     *
     * @throws IllegalArgumentException if {@code classifier} is not a {@link SequentialBlock} ending in a dense layer
     */
    public static SequentialBlock features(Block classifier) {
        List<Block> blocks = classifier instanceof SequentialBlock s ? new ArrayList<>(s.getChildren().values()) : List.of();
        if (blocks.isEmpty() || !(blocks.get(blocks.size() - 1) instanceof Linear)) {
            throw new IllegalArgumentException("cannot cut the head off " + classifier.getClass().getSimpleName()
                    + ": give a SequentialBlock classifier that ends in a dense layer (a ModelRegistry ResNet),"
                    + " or pass the feature extractor itself to new Fcn(backbone, classes)");
        }
        int end = blocks.size() - 1;
        while (end > 0 && blocks.get(end - 1).getParameters().isEmpty()) {
            end--;
        }
        return new SequentialBlock().addAll(blocks.subList(0, end));
    }

    public int classes() {
        return classes;
    }

    public Block backbone() {
        return backbone;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.head();
        Shape size = imageSize(images.getShape());
        NDList features = backbone.forward(parameterStore, inputs, training, params);
        NDArray scores = classifier.forward(parameterStore, features, training, params).head();
        NDArray upsampled = scores.getNDArrayInternal().interpolation(size.getShape(), BILINEAR, false);
        return new NDList(upsampled);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape size = imageSize(inputShapes[0]);
        return new Shape[] {new Shape(inputShapes[0].get(0), classes, size.get(0), size.get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        imageSize(inputShapes[0]);
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] features = backbone.getOutputShapes(inputShapes);
        if (features[0].dimension() != 4) {
            throw new IllegalArgumentException("the backbone returns shape " + features[0]
                    + ", not an N×F×h×w feature map: cut the classifier's pooling and dense layers off the backbone");
        }
        classifier.initialize(manager, dataType, features);
    }

    private static Shape imageSize(Shape input) {
        if (input.dimension() != 4) {
            throw new IllegalArgumentException("FCN input of shape " + input
                    + " is not a batch N×C×H×W: add the batch axis (expandDims(0)) to a single image");
        }
        return new Shape(input.get(2), input.get(3));
    }

    @Override
    public String toString() {
        return "Fcn(" + classes + " classes, backbone " + backbone.getClass().getSimpleName() + ")";
    }
}
