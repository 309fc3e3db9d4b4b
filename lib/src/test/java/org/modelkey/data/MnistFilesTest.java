package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {

    @TempDir
    Path dir;

    private void writeSet(String prefix, int n, boolean gzip) throws IOException {
        byte[] images = new byte[n * 4 * 3];
        for (int i = 0; i < images.length; i++) {
            images[i] = (byte) (i / 12 * 20 + i % 12);
        }
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
        }
        String ext = gzip ? ".gz" : "";
        Fixtures.idx(dir.resolve(prefix + "-images-idx3-ubyte" + ext), new int[] {n, 4, 3}, images, gzip);
        Fixtures.idx(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), new int[] {n}, labels, gzip);
    }

    @Test
    void readsGzippedAndPlainIdxPairs() throws IOException {
        writeSet("train", 12, true);
        writeSet("t10k", 5, false);
        TrainTestSplit<ByteImages> set = MnistFiles.load(dir, MnistFiles.FASHION);
        assertEquals(12, set.train().size());
        assertEquals(5, set.test().size());
        Sample s = set.train().sample(11);
        assertEquals(1, s.image().channels());
        assertEquals(4, s.image().height());
        assertEquals(3, s.image().width());
        assertEquals(1, s.label());
        assertEquals(11 * 20 / 255f, s.image().data()[0], 1e-6);
        assertEquals("Trouser", set.train().classes().get(s.label()));
    }

    @Test
    void aWrongMagicNumberIsNamed() throws IOException {
        writeSet("train", 3, false);
        writeSet("t10k", 3, false);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[2] = 0x0D; // float instead of unsigned byte
        Files.write(labels, bytes);
        var e = assertThrows(IOException.class, () -> MnistFiles.load(dir, MnistFiles.DIGITS));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte") && e.getMessage().contains("magic number 0x00000d01"),
                e.getMessage());
    }

    @Test
    void aTruncatedIdxFileIsNamed() throws IOException {
        writeSet("train", 3, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 5));
        var e = assertThrows(IOException.class, () -> IdxFile.read(images));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("[3, 4, 3]"), e.getMessage());
    }

    @Test
    void anIdxFileHoldingMoreThanItsHeaderAnnouncesIsAnError() throws IOException {
        Path file = dir.resolve("labels-idx1-ubyte");
        Fixtures.idx(file, new int[] {3}, new byte[] {1, 2, 3, 4}, false);
        var e = assertThrows(IOException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("more data than its header announces ([3]"), e.getMessage());
        Fixtures.idx(file, new int[] {3}, new byte[] {1, 2, 3, 4}, true);
        e = assertThrows(IOException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("more data than its header announces"), "gzipped too: " + e.getMessage());
        Fixtures.idx(file, new int[] {3}, new byte[] {1, 2, 3}, true);
        assertEquals(3, IdxFile.read(file).count());
    }

    @Test
    void aMissingFileOrFolderSaysWhatIsExpected() throws IOException {
        writeSet("train", 3, false);
        var e = assertThrows(IllegalStateException.class, () -> MnistFiles.load(dir, MnistFiles.DIGITS));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> MnistFiles.load(dir.resolve("nope"), MnistFiles.DIGITS));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void embeddedFashionMnistHasTheOfficialCounts() throws IOException {
        Path cache = Fixtures.cacheOrNull();
        org.junit.jupiter.api.Assumptions.assumeTrue(cache != null, "run environment/setup-data first");
        TrainTestSplit<ByteImages> set = MnistFiles.fashionMnist(cache);
        assertEquals(60_000, set.train().size());
        assertEquals(10_000, set.test().size());
        assertEquals(28, set.train().height());
        int[] perClass = new int[10];
        for (int i = 0; i < set.test().size(); i++) {
            perClass[set.test().label(i)]++;
        }
        for (int c : perClass) {
            assertEquals(1000, c);
        }
    }
}
