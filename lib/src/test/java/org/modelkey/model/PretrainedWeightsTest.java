package org.modelkey.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedWeightsTest {

    private static final ModelSpec SPEC = ModelSpec.of("resnet8", 5, 3, 8, 8).withBaseWidth(4);

    @TempDir
    Path dir;

    private static Network seeded(ModelSpec spec, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return Network.create(spec);
    }

    @Test
    void savedParametersLoadIntoAFreshNetwork() throws Exception {
        Path file = dir.resolve("plain.params");
        try (Network source = seeded(SPEC, 1); Network target = seeded(SPEC, 2);
                NDManager manager = NDManager.newBaseManager()) {
            PretrainedWeights.save(source, file);
            float[] x = new float[3 * 8 * 8 * 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i % 17) / 17f;
            }
            var batch = manager.create(x, new Shape(2, 3, 8, 8));
            float[] expected = source.logits(batch).toFloatArray();
            assertFalse(java.util.Arrays.equals(expected, target.logits(batch).toFloatArray()));
            PretrainedWeights.load(target, file);
            assertArrayEquals(expected, target.logits(batch).toFloatArray());
        }
    }

    @Test
    void djlModelFilesLoadToo() throws Exception {
        try (Network source = seeded(SPEC, 1); Network target = seeded(SPEC, 2)) {
            source.model().save(dir, "plain");
            Path file = dir.resolve("plain-0000.params");
            PretrainedWeights.load(target, file);
            var a = source.block().getParameters();
            var b = target.block().getParameters();
            for (int i = 0; i < a.size(); i++) {
                assertTrue(a.get(i).getValue().getArray().contentEquals(b.get(i).getValue().getArray()), a.get(i).getKey());
            }
        }
    }

    @Test
    void anotherWidthIsReportedByParameterAndShape() throws Exception {
        Path file = dir.resolve("wide.params");
        try (Network wide = seeded(SPEC.withBaseWidth(8), 1); Network narrow = seeded(SPEC, 1)) {
            PretrainedWeights.save(wide, file);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(narrow, file));
            assertTrue(e.getMessage().contains("parameter #0") && e.getMessage().contains("(4, 3, 3, 3)")
                    && e.getMessage().contains("(8, 3, 3, 3)"), e.getMessage());
        }
    }

    @Test
    void anotherNumberOfClassesIsReported() throws Exception {
        Path file = dir.resolve("ten.params");
        try (Network ten = seeded(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(4), 1);
                Network five = seeded(SPEC, 1)) {
            PretrainedWeights.save(ten, file);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(five, file));
            assertTrue(e.getMessage().contains("(5, 16)") && e.getMessage().contains("(10, 16)"), e.getMessage());
        }
    }

    @Test
    void anotherDepthIsReportedWhereTheFilesDiverge() throws Exception {
        Path file = dir.resolve("deep.params");
        try (Network deep = seeded(ModelSpec.of("resnet14", 5, 3, 8, 8).withBaseWidth(4), 1);
                Network shallow = seeded(SPEC, 1)) {
            PretrainedWeights.save(deep, file);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(shallow, file));
            assertTrue(e.getMessage().contains("does not fit") && e.getMessage().contains("parameter #"), e.getMessage());
        }
    }

    @Test
    void aMissingFileSaysWhatToGive() {
        try (Network net = seeded(SPEC, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PretrainedWeights.load(net, dir.resolve("none.params")));
            assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        }
    }

    @Test
    void requiringAGpuWithoutOneFailsClearly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Devices.choose(true, 1));
        assertTrue(e.getMessage().contains("GPU is required") && e.getMessage().contains("pytorch-native-cu")
                && e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
        assertArrayEquals(new ai.djl.Device[] {ai.djl.Device.cpu()}, Devices.choose(false, 4));
        var printed = new java.io.ByteArrayOutputStream();
        assertArrayEquals(new ai.djl.Device[] {ai.djl.Device.cpu()},
                Devices.forProfile(org.modelkey.Profile.DEMO, new java.io.PrintStream(printed, true)));
        assertTrue(printed.toString().contains("cpu") && printed.toString().contains("sees no GPU"), printed.toString());
        assertThrows(IllegalStateException.class,
                () -> Devices.forProfile(org.modelkey.Profile.PAPER, new java.io.PrintStream(printed, true)));
    }
}
