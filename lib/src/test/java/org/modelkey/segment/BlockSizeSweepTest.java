package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.translate.TranslateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.Profile;
import org.modelkey.data.ByteImages;
import org.modelkey.data.HorizontalFlip;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.StampConfig;
import org.modelkey.data.StampScenes;
import org.modelkey.data.TrainTestSplit;
import org.modelkey.key.KeyKind;
import org.modelkey.store.ModelStore;

/** The whole block-size protocol on a few 16×16 stamp scenes with a tiny FCN, twice: trained, then from the store. */
class BlockSizeSweepTest {

    private static final int SIDE = 16;

    @Test
    void everyModelIsScoredUnderEveryConditionAndASecondRunLoadsThemFromTheStore(@TempDir Path tmp)
            throws IOException, TranslateException {
        Path cache = Profile.cacheDir();
        Assumptions.assumeTrue(Files.isDirectory(cache.resolve("tuxpaint")),
                "the embedded data is not in " + cache + ": run environment/setup-data first");
        TrainTestSplit<ByteImages> scenes = StampScenes.load(cache, StampConfig.segmentation(SIDE, 48, 12, 4));
        HorizontalFlip flip = new HorizontalFlip(0.5);
        ImageDataset train = ImageDataset.builder(scenes.train().select(range(8, 48))).setSampling(16, true)
                .optTransform(flip, 4).optCachedAugmentation().build();
        ImageDataset validation = ImageDataset.builder(scenes.train().select(range(0, 8))).setSampling(8, false).build();
        ImageDataset test = ImageDataset.builder(scenes.test()).setSampling(12, false).build();
        SegmentationScale scale = new SegmentationScale("stamps", SIDE, 40, 8, 12, "FCN-resnet8-w4", 2, 4);
        BlockSizeSweep.Settings settings = new BlockSizeSweep.Settings("resnet8", 4, 2, 16, 2, 12, 2, 4);
        ModelStore store = new ModelStore(tmp);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        BlockSizeSweep sweep = new BlockSizeSweep(settings, train, validation, test, flip, scale, store,
                new PrintStream(log, true));
        List<SegmentationRun> runs = sweep.run(new int[] {2, SIDE});
        assertEquals(7, runs.size(), "the baseline and three transforms at two block sizes");
        SegmentationRun baseline = runs.get(0);
        assertTrue(baseline.isBaseline());
        assertNull(baseline.access());
        assertEquals(baseline.correct().meanIoU(), baseline.plain().meanIoU());
        for (SegmentationRun r : runs.subList(1, 7)) {
            assertNotNull(r.access(), r.label());
            assertEquals(2, r.incorrect().size());
            assertEquals(r.correct().meanIoU(), r.access().correct());
            assertEquals(r.plain().meanIoU(), r.access().plain());
            assertEquals(r.incorrect().get(1).meanIoU(), r.access().incorrect()[1]);
            assertTrue(r.bestEpoch() >= 0 && r.bestEpoch() < 2, "trained now: its best epoch " + r.bestEpoch());
            assertEquals(sweep.key(KeyKind.valueOf(r.method()), r.blockSize()).id().length(), r.keyId().length());
        }
        assertEquals(List.of("baseline", "SHF M=2", "NP M=2", "FFX M=2"),
                sweep.examples().stream().map(SegmentationExample::label).toList());
        SegmentationExample e = sweep.examples().get(2);
        assertEquals(2, e.count());
        assertEquals(2 * 3 * SIDE * SIDE, e.inputs().length);
        assertEquals(2 * SIDE * SIDE, e.predicted().length);
        assertTrue(store.contains("05-fcn-ffx-m16"));

        BlockSizeSweep again = new BlockSizeSweep(settings, train, validation, test, flip, scale, store,
                new PrintStream(new ByteArrayOutputStream(), true));
        List<SegmentationRun> reloaded = again.run(new int[] {2, SIDE});
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(-1, reloaded.get(i).bestEpoch(), "loaded, not trained");
            assertEquals(runs.get(i).correct().meanIoU(), reloaded.get(i).correct().meanIoU(), 1e-6, runs.get(i).label());
            assertEquals(runs.get(i).keyId(), reloaded.get(i).keyId());
        }
        assertTrue(log.toString().contains("== NP M=16"), log.toString());
    }

    @Test
    void badSettingsAreRefusedWithTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BlockSizeSweep.Settings("resnet8", 4, 2, 16, 0, 12, 2, 4));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BlockSizeSweep.Settings("resnet8", 4, 0, 16, 1, 12, 2, 4));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }
}
