package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the Debian stamps in the cache (environment/setup-data); skipped without them. */
class StampScenesTest {

    private static Path cache;
    private static StampCatalog catalog;

    @BeforeAll
    static void openCatalog() throws IOException {
        cache = Fixtures.cacheOrNull();
        org.junit.jupiter.api.Assumptions.assumeTrue(cache != null, "run environment/setup-data first");
        catalog = StampCatalog.load(cache);
    }

    @Test
    void theCatalogHasTheFiveClassesAndTheirStampCounts() {
        assertEquals(List.of("bird", "flower", "fruit", "mammal", "vegetable"), catalog.classes());
        int[] counts = new int[5];
        catalog.stamps().forEach(s -> counts[s.classIndex()]++);
        assertArrayEquals(new int[] {35, 24, 26, 63, 18}, counts);
        assertEquals(15, catalog.backgrounds().size());
        assertTrue(catalog.stamps().stream().noneMatch(s -> s.path().contains("hedgehog")));
    }

    @Test
    void segmentationScenesAlsoUseTheSevenMatePhotographs() throws IOException {
        List<Path> photographs = catalog.segmentationBackgrounds();
        assertEquals(22, photographs.size());
        assertEquals(catalog.backgrounds(), photographs.subList(0, 15), "the 15 of tuxpaint-data first");
        assertTrue(photographs.subList(15, 22).stream()
                .allMatch(p -> p.getParent().getFileName().toString().equals(StampCatalog.MORE_BACKGROUNDS)));
        assertEquals(22, catalog.backgrounds(32, true).size());
        assertEquals(15, catalog.backgrounds(32, false).size());
    }

    @Test
    void withoutTheExtraPhotographsSegmentationScenesNameTheSetUpStep(@TempDir Path dir) throws IOException {
        copyTree(cache.resolve("tuxpaint"), Files.createDirectories(dir.resolve("tuxpaint")));
        StampCatalog withoutMore = StampCatalog.load(dir);
        assertEquals(15, withoutMore.backgrounds().size(), "classification scenes do not need them");
        IOException e = assertThrows(IOException.class,
                () -> StampScenes.generate(withoutMore, StampConfig.segmentation(32, 4, 2, 3)));
        assertTrue(e.getMessage().contains(StampCatalog.MORE_BACKGROUNDS) && e.getMessage().contains("setup-data"),
                e.getMessage());
    }

    @Test
    void thePoolsSplitEveryClassByStamp() {
        List<SceneGenerator.Cutout> all = catalog.stamps().stream()
                .map(s -> new SceneGenerator.Cutout(s.id(), s.classIndex(), Pixels.zeros(4, 1, 1))).toList();
        var pools = StampScenes.splitByStamp(all, 5, StampConfig.classification(32, 1, 1, 3));
        for (int c = 0; c < 5; c++) {
            Set<Integer> train = new HashSet<>();
            pools.get(0).get(c).forEach(k -> train.add(k.stamp()));
            pools.get(1).get(c).forEach(k -> assertFalse(train.contains(k.stamp())));
            int total = train.size() + pools.get(1).get(c).size();
            assertEquals(Math.round(total * 0.25), pools.get(1).get(c).size());
        }
    }

    @Test
    void aSplitByBackgroundKeepsTheTestPhotographsOutOfTraining() throws IOException {
        StampConfig config = StampConfig.segmentation(32, 1, 1, 3);
        List<List<Integer>> split = StampScenes.splitBackgrounds(22, config);
        assertEquals(6, split.get(1).size(), "a quarter of the 22 photographs, rounded");
        assertEquals(16, split.get(0).size());
        assertTrue(split.get(1).stream().noneMatch(split.get(0)::contains), "a photograph in both splits");
        assertEquals(split, StampScenes.splitBackgrounds(22, config), "the split is seeded");
        assertNotEquals(split, StampScenes.splitBackgrounds(22, StampConfig.segmentation(32, 1, 1, 4)));

        TrainTestSplit<ByteImages> set = StampScenes.generate(catalog, StampConfig.segmentation(32, 40, 20, 3));
        TrainTestSplit<ByteImages> again = StampScenes.generate(catalog, StampConfig.segmentation(32, 40, 20, 3));
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(set.test().bytes(i), again.test().bytes(i), "equal settings, equal bytes");
        }
        Set<Integer> trainStamps = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            trainStamps.add(set.train().source(i));
        }
        assertTrue(java.util.stream.IntStream.range(0, 20).anyMatch(i -> trainStamps.contains(set.test().source(i))),
                "split by background: the stamps are shared");
    }

    @Test
    void instanceLabelsNameTheMainStampAndEveryStampIsAClass() throws IOException {
        TrainTestSplit<ByteImages> set = StampScenes.generate(catalog, StampConfig.instances(32, 332, 166, 5));
        assertEquals(catalog.stamps().size(), set.train().classes().size());
        assertEquals("animals/birds/" , set.train().classes().get(0).substring(0, "animals/birds/".length()));
        int[] perClass = new int[catalog.stamps().size()];
        for (int i = 0; i < 332; i++) {
            assertEquals(set.train().source(i), set.train().label(i), "the label is the main stamp");
            perClass[set.train().label(i)]++;
        }
        assertTrue(java.util.Arrays.stream(perClass).allMatch(n -> n == 2), "two training scenes per stamp");
        var e = assertThrows(IllegalArgumentException.class, () -> StampConfig.instances(32, 1, 1, 1)
                .withSplit(StampConfig.Split.BY_STAMP, 0.25));
        assertTrue(e.getMessage().contains("split by background"), e.getMessage());
    }

    @Test
    void aSplitByRegionCutsEveryPhotographIntoATrainingAndATestPart() {
        Pixels photo = Pixels.zeros(3, 4, 10);
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 4; y++) {
                photo.data()[y * 10 + x] = x / 10f;
            }
        }
        List<List<Pixels>> parts = StampScenes.splitRegions(List.of(photo, photo), 0.3);
        assertEquals(2, parts.get(0).size());
        Pixels train = parts.get(0).get(0), test = parts.get(1).get(0);
        assertEquals(7, train.width());
        assertEquals(3, test.width());
        assertEquals(4, test.height());
        assertEquals(0.7f, test.data()[0], 1e-6f, "the test part starts where the training part ends");
        assertEquals(0.6f, train.data()[6], 1e-6f);
        var e = assertThrows(IllegalStateException.class, () -> StampScenes.splitRegions(List.of(photo), 0.01));
        assertTrue(e.getMessage().contains("cannot spare"), e.getMessage());
    }

    @Test
    void segmentationMasksHoldClassesAndIgnoredEdges() throws IOException {
        StampConfig config = StampConfig.segmentation(64, 20, 10, 5);
        TrainTestSplit<ByteImages> set = StampScenes.generate(catalog, config);
        TrainTestSplit<ByteImages> otherSeed = StampScenes.generate(catalog, StampConfig.segmentation(64, 20, 10, 6));
        assertFalse(java.util.Arrays.equals(set.train().bytes(0), otherSeed.train().bytes(0)));
        assertEquals("background", set.train().classes().get(0));
        for (int i = 0; i < 20; i++) {
            Sample s = set.train().sample(i);
            Set<Integer> values = new HashSet<>();
            for (byte v : s.mask()) {
                values.add(v & 0xff);
            }
            assertTrue(values.contains(Sample.IGNORE) && values.contains(0), "sample " + i + " mask values " + values);
            assertTrue(values.stream().allMatch(v -> v <= 5 || v == Sample.IGNORE), "values " + values);
            assertTrue(values.size() >= 3, "an object besides background and edges: " + values);
        }
    }

    /**
     * Builds a set into a fresh cache, reads it back, and compares it with a second, independent
     * generation: same seed, same bytes. Then checks the split by stamp and the class balance.
     */
    @Test
    void builtOnceIntoTheCacheSameSeedSameBytesNoStampInBothSplits(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("cache");
        copyTree(cache.resolve("tuxpaint"), copy.resolve("tuxpaint"));
        StampConfig config = StampConfig.classification(32, 300, 100, 11);
        TrainTestSplit<ByteImages> cached = StampScenes.load(copy, config);
        List<Path> files;
        try (var list = Files.list(copy.resolve("data"))) {
            files = list.toList();
        }
        assertEquals(2, files.size());
        long modified = Files.getLastModifiedTime(files.get(0)).toMillis();
        TrainTestSplit<ByteImages> reread = StampScenes.load(copy, config);
        assertEquals(modified, Files.getLastModifiedTime(files.get(0)).toMillis(), "the cache is not rebuilt");

        TrainTestSplit<ByteImages> fresh = StampScenes.generate(catalog, config);
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(fresh.train().bytes(i), reread.train().bytes(i));
            assertEquals(fresh.train().source(i), reread.train().source(i));
        }
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(fresh.test().bytes(i), cached.test().bytes(i));
        }

        Set<Integer> trainStamps = new HashSet<>(), testStamps = new HashSet<>();
        int[] perClass = new int[5];
        for (int i = 0; i < 300; i++) {
            trainStamps.add(cached.train().source(i));
            perClass[cached.train().label(i)]++;
        }
        for (int i = 0; i < 100; i++) {
            testStamps.add(cached.test().source(i));
        }
        assertTrue(testStamps.stream().noneMatch(trainStamps::contains), "a stamp is in both splits");
        assertTrue(testStamps.size() > 20, "test uses many stamps: " + testStamps.size());
        assertArrayEquals(new int[] {60, 60, 60, 60, 60}, perClass);
    }

    @Test
    void aMissingCacheSaysToRunTheSetup(@TempDir Path tmp) {
        var e = assertThrows(IOException.class, () -> StampScenes.load(tmp, StampConfig.classification(32, 1, 1, 1)));
        assertTrue(e.getMessage().contains("environment/setup-data"), e.getMessage());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
