package org.modelkey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ResNet-50 exported by Debian's torchvision ({@code src/test/python/export_resnet50.py}: random
 * seeded parameters and BatchNorm statistics, scripted with {@code torch.jit.script}) loads into the
 * kit's ResNet-50 and gives the logits PyTorch computed for the same input; so does a ResNet-18 of
 * 10 classes exported with {@code torch.jit.trace}.
 */
class TorchScriptWeightsTest {

    private static final int SIZE = 96;
    private static final Path DIR = Path.of("target", "torchscript");
    private static final Path MODEL = DIR.resolve("resnet50.pt");

    @BeforeAll
    static void export() throws Exception {
        if (Files.isRegularFile(MODEL) && Files.isRegularFile(DIR.resolve("logits18.f32"))) {
            return;
        }
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "src/test/python/export_resnet50.py", DIR.toString(), String.valueOf(SIZE))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "the TorchScript fixture could not be exported; it needs Debian's python3-torch"
                + " and python3-torchvision (environment/setup installs them):\n" + output);
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(v);
        return v;
    }

    private static Network resnet(String name, int classes) {
        return Network.create(ModelSpec.of(name, classes, 3, SIZE, SIZE), Device.cpu());
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float scale = 0;
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= 1e-5f * scale, what + ": largest difference " + worst + " for logits up to " + scale);
    }

    @Test
    void theKitsResNet50GivesTorchvisionsLogits() throws Exception {
        float[] input = floats(DIR.resolve("input.f32"));
        float[] expected = floats(DIR.resolve("logits.f32"));
        try (Network kit = resnet("resnet50", 1000); NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            PretrainedWeights.load(kit, MODEL);
            float[] logits = kit.logits(manager.create(input, new Shape(2, 3, SIZE, SIZE))).toFloatArray();
            assertClose(expected, logits, "kit ResNet-50 vs PyTorch");
        }
    }

    @Test
    void aTracedResNet18LoadsToo() throws Exception {
        float[] input = floats(DIR.resolve("input.f32"));
        try (Network kit = resnet("resnet18", 10); NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            PretrainedWeights.load(kit, DIR.resolve("resnet18-traced.pt"));
            float[] logits = kit.logits(manager.create(input, new Shape(2, 3, SIZE, SIZE))).toFloatArray();
            assertClose(floats(DIR.resolve("logits18.f32")), logits, "kit ResNet-18 vs traced PyTorch");
        }
    }

    @Test
    void theArchiveHoldsWhatDjlsEngineSees() throws Exception {
        Map<String, TorchScriptArchive.Tensor> tensors = TorchScriptArchive.read(MODEL);
        float[] input = floats(DIR.resolve("input.f32"));
        try (Model scripted = Model.newInstance("resnet50", Device.cpu(), "PyTorch");
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            scripted.load(DIR, "resnet50");
            Block block = scripted.getBlock();
            var params = block.getParameters();
            assertEquals(161, params.size());
            for (var p : params) {
                TorchScriptArchive.Tensor t = tensors.get(p.getKey());
                assertTrue(t != null, p.getKey());
                assertEquals(p.getValue().getArray().getShape(), new Shape(t.shape()), p.getKey());
            }
            // 161 parameters, 53 BatchNorms × 3 buffers (running mean, variance, batches tracked)
            assertEquals(161 + 53 * 3, tensors.size());
            float[] engine = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(input, new Shape(2, 3, SIZE, SIZE))), false).singletonOrThrow().toFloatArray();
            assertClose(floats(DIR.resolve("logits.f32")), engine, "DJL's PtSymbolBlock vs PyTorch");
        }
    }

    @Test
    void anotherNumberOfClassesNamesTheClassifier() {
        try (Network ten = resnet("resnet50", 10)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(ten, MODEL));
            assertTrue(e.getMessage().contains("'fc.weight'") && e.getMessage().contains("(1000, 2048)")
                    && e.getMessage().contains("(10, 2048)"), e.getMessage());
        }
    }

    @Test
    void aDeeperNetworkNamesTheFirstMissingTensor() {
        try (Network deeper = resnet("resnet101", 1000)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(deeper, MODEL));
            assertTrue(e.getMessage().contains("no tensor 'layer3.6.conv1.weight'"), e.getMessage());
        }
    }

    @Test
    void aShallowerNetworkNamesTheFirstMisShapedTensor() {
        try (Network resnet34 = resnet("resnet34", 1000)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(resnet34, MODEL));
            assertTrue(e.getMessage().contains("'layer1.0.conv1.weight'"), e.getMessage());
        }
    }

    @Test
    void aTruncatedOrForeignArchiveIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path truncated = dir.resolve("truncated.pt");
        byte[] bytes = Files.readAllBytes(MODEL);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path foreign = dir.resolve("foreign.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new ZipEntry("notes/readme.txt"));
            zip.write("not a model".getBytes(StandardCharsets.UTF_8));
        }
        try (Network kit = resnet("resnet50", 1000)) {
            for (Path file : List.of(truncated, foreign)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> PretrainedWeights.load(kit, file));
                assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("export"), e.getMessage());
            }
        }
    }

    @Test
    void torchvisionNamesFollowTheBlocksParameters() {
        List<String> layers = ModelRegistry.torchvisionLayers(ModelSpec.of("resnet50", 1000, 3, SIZE, SIZE));
        assertEquals(53 * 2 + 1, layers.size()); // 53 convolutions, 53 BatchNorms, fc
        assertEquals(List.of("conv1", "bn1", "layer1.0.conv1"), layers.subList(0, 3));
        assertTrue(layers.contains("layer4.0.downsample.1") && !layers.contains("layer4.1.downsample.0"));
        assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.torchvisionLayers(ModelSpec.of("resnet20", 10, 3, 32, 32)));
    }
}
