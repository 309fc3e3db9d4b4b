package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocSegmentationTest {

    @TempDir
    Path dir;

    private Path voc() {
        return dir.resolve("VOCdevkit").resolve("VOC2012");
    }

    private void writeSample(String id, int h, int w, int value) throws IOException {
        Fixtures.jpg(voc().resolve("JPEGImages").resolve(id + ".jpg"), Fixtures.rgb(h, w, 1));
        int[] mask = new int[h * w];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = i % w < w / 2 ? 0 : value;
        }
        mask[0] = 255;
        Fixtures.vocMask(voc().resolve("SegmentationClass").resolve(id + ".png"), h, w, mask);
    }

    private void writeLists() throws IOException {
        Path sets = Files.createDirectories(voc().resolve("ImageSets").resolve("Segmentation"));
        Files.writeString(sets.resolve("train.txt"), "2007_000001\n2007_000002\n");
        Files.writeString(sets.resolve("val.txt"), "2007_000003\n");
    }

    @Test
    void readsImagesAndPaletteMasksFromTheDevkitFolder() throws IOException {
        writeSample("2007_000001", 8, 10, 15);
        writeSample("2007_000002", 6, 4, 20);
        writeSample("2007_000003", 5, 5, 1);
        writeLists();
        TrainTestSplit<VocSegmentation> set = VocSegmentation.open(dir);
        assertEquals(2, set.train().size());
        assertEquals(1, set.test().size());
        assertEquals(21, set.train().classes().size());
        Sample s = set.train().sample(0);
        assertEquals(8, s.image().height());
        assertEquals(10, s.image().width());
        assertEquals(255, s.maskAt(0, 0));
        assertEquals(0, s.maskAt(3, 4));
        assertEquals(15, s.maskAt(3, 5));
        assertEquals("person", set.train().classes().get(15));
    }

    @Test
    void anUnknownPaletteIndexIsNamedWithItsPixel() throws IOException {
        writeSample("2007_000001", 4, 4, 21);
        writeSample("2007_000002", 4, 4, 2);
        writeSample("2007_000003", 4, 4, 3);
        writeLists();
        TrainTestSplit<VocSegmentation> set = VocSegmentation.open(dir);
        var e = assertThrows(IOException.class, () -> set.train().sample(0));
        assertTrue(e.getMessage().contains("2007_000001.png") && e.getMessage().contains("palette index 21")
                && e.getMessage().contains("row 0, column 2"), e.getMessage());
    }

    @Test
    void anRgbMaskIsRejected() throws IOException {
        writeSample("2007_000001", 4, 4, 2);
        writeSample("2007_000002", 4, 4, 2);
        writeSample("2007_000003", 4, 4, 2);
        writeLists();
        Fixtures.png(voc().resolve("SegmentationClass").resolve("2007_000002.png"), Fixtures.rgb(4, 4, 0));
        TrainTestSplit<VocSegmentation> set = VocSegmentation.open(dir);
        var e = assertThrows(IOException.class, () -> set.train().sample(1));
        assertTrue(e.getMessage().contains("neither a palette PNG nor an 8-bit grey PNG"), e.getMessage());
    }

    @Test
    void aMaskWithSwappedOrOtherSidesIsRefusedWhenTheSetIsOpenedNamingBothSizes() throws IOException {
        writeSample("2007_000001", 8, 10, 2);
        writeSample("2007_000002", 4, 4, 2);
        writeSample("2007_000003", 4, 4, 2);
        writeLists();
        Fixtures.vocMask(voc().resolve("SegmentationClass").resolve("2007_000001.png"), 10, 8, new int[80]);
        var e = assertThrows(IOException.class, () -> VocSegmentation.open(dir));
        assertTrue(e.getMessage().contains("2007_000001.png is 10×8") && e.getMessage().contains("2007_000001.jpg is 8×10"),
                e.getMessage());
        Fixtures.vocMask(voc().resolve("SegmentationClass").resolve("2007_000001.png"), 8, 9, new int[72]);
        e = assertThrows(IOException.class, () -> VocSegmentation.open(dir));
        assertTrue(e.getMessage().contains("is 8×9") && e.getMessage().contains("is 8×10"), e.getMessage());
    }

    @Test
    void greyMasksHoldTheClassIndexAsTheAugmentedSetStoresThem() throws IOException {
        writeSample("2007_000001", 4, 6, 2);
        writeSample("2007_000002", 4, 4, 2);
        writeSample("2007_000003", 4, 4, 2);
        writeLists();
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(6, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(5, 3, 0, 7);
        grey.getRaster().setSample(0, 0, 0, 255);
        Fixtures.png(voc().resolve("SegmentationClass").resolve("2007_000001.png"), grey);
        Sample s = VocSegmentation.open(dir).train().sample(0);
        assertEquals(7, s.maskAt(3, 5));
        assertEquals(255, s.maskAt(0, 0));
        assertEquals(0, s.maskAt(1, 1));
        grey.getRaster().setSample(1, 1, 0, 40);
        Fixtures.png(voc().resolve("SegmentationClass").resolve("2007_000001.png"), grey);
        var e = assertThrows(IOException.class, () -> VocSegmentation.open(dir).train().sample(0));
        assertTrue(e.getMessage().contains("value 40") && e.getMessage().contains("row 1, column 1"), e.getMessage());
    }

    @Test
    void verifyListsEveryDamagedFileBeforeTraining() throws IOException {
        writeSample("2007_000001", 64, 64, 2);
        writeSample("2007_000002", 64, 64, 2);
        writeSample("2007_000003", 8, 8, 2);
        writeLists();
        Path image = voc().resolve("JPEGImages").resolve("2007_000001.jpg");
        Path mask = voc().resolve("SegmentationClass").resolve("2007_000002.png");
        for (Path file : new Path[] {image, mask}) {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        }
        VocSegmentation train = VocSegmentation.open(dir).train();
        var e = assertThrows(IOException.class, train::verify);
        assertTrue(e.getMessage().startsWith("2 of 2 samples cannot be read") && e.getMessage().contains(image.toString())
                && e.getMessage().contains(mask.toString()), e.getMessage());
        VocSegmentation.open(dir).test().verify();
    }

    @Test
    void aFileWhereAFolderBelongsIsCalledAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("voc.tar"), "an archive, not the folder");
        var e = assertThrows(IllegalStateException.class, () -> VocSegmentation.open(file));
        assertTrue(e.getMessage().contains(file + " is a file, not a folder"), e.getMessage());
    }

    @Test
    void partialFoldersSayWhatIsMissing() throws IOException {
        var e = assertThrows(IllegalStateException.class, () -> VocSegmentation.open(dir));
        assertTrue(e.getMessage().contains("JPEGImages"), e.getMessage());
        writeSample("2007_000001", 4, 4, 2);
        writeSample("2007_000003", 4, 4, 2);
        e = assertThrows(IllegalStateException.class, () -> VocSegmentation.open(dir));
        assertTrue(e.getMessage().contains("train.txt"), e.getMessage());
        writeLists();
        e = assertThrows(IllegalStateException.class, () -> VocSegmentation.open(dir));
        assertTrue(e.getMessage().contains("2007_000002.jpg") && e.getMessage().contains("train.txt"), e.getMessage());
    }
}
