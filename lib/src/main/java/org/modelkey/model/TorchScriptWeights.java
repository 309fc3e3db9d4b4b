package org.modelkey.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ImageNet weights a user brings: a TorchScript export of torchvision's ResNet (the model ICIP 2021,
 * Sec. 3.3, fine-tunes; {@code torch.jit.script(torchvision.models.resnet50(weights=...)).save(f)},
 * the format DJL's PyTorch engine loads as a {@code PtSymbolBlock}). Every parameter and every
 * BatchNorm running statistic is copied by its torchvision name into the kit's torchvision-layout
 * ResNet; nothing is copied unless all of them are present with the right shapes.
 */
public final class TorchScriptWeights {

    /** DJL parameter name → torchvision tensor name suffix. */
    private static final Map<String, String> TORCH_SUFFIX = Map.of(
            "weight", "weight", "bias", "bias", "gamma", "weight", "beta", "bias",
            "runningMean", "running_mean", "runningVar", "running_var");

    private TorchScriptWeights() {}

    /** Whether {@code file} is a zip archive, as every TorchScript file is (DJL parameter files are not). */
    public static boolean isTorchScript(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TorchScriptArchive.looksLikeZip(in.readNBytes(4));
        }
    }

    /**
     * Copies the TorchScript file's parameters and buffers into {@code network}.
     *
     * @throws IllegalArgumentException naming the first tensor that is missing, of another shape, or
     *     left over (another architecture); the network is then unchanged
     */
    public static void load(Network network, Path file) throws IOException {
        Map<String, TorchScriptArchive.Tensor> tensors = TorchScriptArchive.read(file);
        ParameterList params = network.block().getParameters();
        List<String> names = torchvisionNames(network.spec(), params);
        Map<String, TorchScriptArchive.Tensor> unused = new LinkedHashMap<>(tensors);
        List<float[]> values = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            String name = names.get(i);
            Shape expected = params.get(i).getValue().getShape();
            TorchScriptArchive.Tensor t = unused.remove(name);
            if (t == null) {
                throw new IllegalArgumentException("TorchScript file " + file + " has no tensor '" + name + "', which "
                        + network.spec() + " needs (its parameter #" + i + ", shape " + expected + "): export"
                        + " torchvision's " + network.spec().name() + " with torch.jit.script(model).save(path)");
            }
            if (!new Shape(t.shape()).equals(expected) || t.values() == null) {
                throw new IllegalArgumentException("TorchScript file " + file + ": tensor '" + name + "' is "
                        + t.storageType() + " of shape " + new Shape(t.shape()) + " but " + network.spec()
                        + " needs float32 of shape " + expected + ": build the network with the classes, input"
                        + " size (above " + ModelRegistry.SMALL_INPUT + " px for the 7×7 stem) and width the file"
                        + " was trained with, or export it as float32");
            }
            values.add(t.values());
        }
        unused.keySet().removeIf(n -> n.endsWith(".num_batches_tracked"));
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("TorchScript file " + file + " holds '" + unused.keySet().iterator().next()
                    + "', which " + network.spec() + " does not have (" + unused.size() + " such tensors): the file"
                    + " is another architecture; build the network of the file's depth");
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i).getValue();
            p.getArray().set(FloatBuffer.wrap(values.get(i)));
        }
    }

    /** The torchvision name of each of the block's parameters, e.g. {@code layer1.0.bn1.running_var}. */
    private static List<String> torchvisionNames(ModelSpec spec, ParameterList params) {
        List<String> layers = ModelRegistry.torchvisionLayers(spec);
        List<String> names = new ArrayList<>(params.size());
        int layer = -1;
        String previousBlock = null;
        for (int i = 0; i < params.size(); i++) {
            String key = params.get(i).getKey();
            int cut = key.lastIndexOf('_');
            String block = key.substring(0, cut);
            if (!block.equals(previousBlock)) {
                layer++;
                previousBlock = block;
            }
            String suffix = TORCH_SUFFIX.get(key.substring(cut + 1));
            if (layer >= layers.size() || suffix == null) {
                throw new IllegalStateException("the block of " + spec + " does not follow the torchvision layout at"
                        + " parameter " + key);
            }
            names.add(layers.get(layer) + "." + suffix);
        }
        if (layer != layers.size() - 1) {
            throw new IllegalStateException("the block of " + spec + " has " + (layer + 1) + " layers with parameters,"
                    + " the torchvision layout " + layers.size());
        }
        return names;
    }
}
