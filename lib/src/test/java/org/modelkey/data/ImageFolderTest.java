package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path dir;

    private void writeSplit(String split, List<String> classes, int perClass) throws IOException {
        for (int c = 0; c < classes.size(); c++) {
            for (int i = 0; i < perClass; i++) {
                Fixtures.png(dir.resolve(split).resolve(classes.get(c)).resolve("img" + i + ".png"),
                        Fixtures.rgb(6 + i, 9, c));
            }
        }
    }

    @Test
    void classesAreTheSortedFolderNames() throws IOException {
        writeSplit("train", List.of("n02", "n01"), 3);
        writeSplit("val", List.of("n01", "n02"), 1);
        Files.writeString(dir.resolve("train").resolve("n01").resolve("README.txt"), "not an image");
        TrainTestSplit<ImageFolder> set = ImageFolder.open(dir);
        assertEquals(List.of("n01", "n02"), set.train().classes());
        assertEquals(6, set.train().size());
        assertEquals(2, set.test().size());
        assertEquals(1, set.train().label(4));
        Sample s = set.train().sample(4);
        assertEquals(7, s.image().height());
        assertEquals(9, s.image().width());
        assertEquals(0f, s.image().data()[0]); // n02 was written as the first class, red 0
        assertEquals(10 / 255f, set.train().sample(0).image().data()[0], 1e-6);
        assertEquals(6 / 255f, s.image().data()[2 * 7 * 9 + 6], 1e-6);
    }

    @Test
    void missingOrMismatchedFoldersAreExplained() throws IOException {
        var e = assertThrows(IllegalStateException.class, () -> ImageFolder.open(dir));
        assertTrue(e.getMessage().contains("train") && e.getMessage().contains("does not exist"), e.getMessage());
        writeSplit("train", List.of("cat", "dog"), 1);
        writeSplit("val", List.of("cat"), 1);
        e = assertThrows(IllegalStateException.class, () -> ImageFolder.open(dir));
        assertTrue(e.getMessage().contains("missing [dog]"), e.getMessage());
        Files.createDirectories(dir.resolve("val").resolve("dog"));
        e = assertThrows(IllegalStateException.class, () -> ImageFolder.open(dir));
        assertTrue(e.getMessage().contains("dog") && e.getMessage().contains("no .jpg"), e.getMessage());
    }

    @Test
    void aCorruptImageIsNamedWhenRead() throws IOException {
        writeSplit("train", List.of("a"), 1);
        writeSplit("val", List.of("a"), 1);
        Path bad = dir.resolve("val").resolve("a").resolve("img0.png");
        Files.writeString(bad, "garbage");
        TrainTestSplit<ImageFolder> set = ImageFolder.open(dir);
        var e = assertThrows(IOException.class, () -> set.test().sample(0));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }
}
