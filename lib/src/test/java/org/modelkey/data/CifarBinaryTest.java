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

class CifarBinaryTest {

    @TempDir
    Path dir;

    /** n records whose label bytes are (i % 10, i % classes) and whose pixels encode the record number. */
    private static byte[] batch(int n, int labelBytes, int classes, int first) {
        int record = labelBytes + 3072;
        byte[] b = new byte[n * record];
        for (int i = 0; i < n; i++) {
            b[i * record] = (byte) (i % 10);
            b[i * record + labelBytes - 1] = (byte) ((first + i) % classes);
            for (int p = 0; p < 3072; p++) {
                b[i * record + labelBytes + p] = (byte) (first + i + p / 1024);
            }
        }
        return b;
    }

    @Test
    void readsCifar10BatchesFromTheFolderAbove() throws IOException {
        Path batches = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int k = 1; k <= 5; k++) {
            Files.write(batches.resolve("data_batch_" + k + ".bin"), batch(3, 1, 10, 3 * (k - 1)));
        }
        Files.write(batches.resolve("test_batch.bin"), batch(2, 1, 10, 100));
        Files.writeString(batches.resolve("batches.meta.txt"),
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        TrainTestSplit<ByteImages> set = CifarBinary.load(dir, CifarBinary.Variant.CIFAR10);
        assertEquals(15, set.train().size());
        assertEquals(2, set.test().size());
        assertEquals(7, set.train().label(7));
        assertEquals("truck", set.train().classes().get(9));
        Sample s = set.train().sample(7);
        assertEquals(3, s.image().channels());
        assertEquals(7 / 255f, s.image().data()[0], 1e-6);          // red plane
        assertEquals(8 / 255f, s.image().data()[1024], 1e-6);       // green plane
        assertEquals(9 / 255f, s.image().data()[2048 + 1023], 1e-6); // last blue pixel
    }

    @Test
    void readsCifar100FineLabels() throws IOException {
        Files.write(dir.resolve("train.bin"), batch(4, 2, 100, 96));
        Files.write(dir.resolve("test.bin"), batch(1, 2, 100, 0));
        TrainTestSplit<ByteImages> set = CifarBinary.load(dir, CifarBinary.Variant.CIFAR100);
        assertEquals(List.of(96, 97, 98, 99), List.of(set.train().label(0), set.train().label(1),
                set.train().label(2), set.train().label(3)));
        assertEquals("99", set.train().classes().get(99));
    }

    @Test
    void aTruncatedBatchIsNamedWithTheRecordSize() throws IOException {
        byte[] whole = batch(2, 1, 10, 0);
        for (int k = 1; k <= 5; k++) {
            Files.write(dir.resolve("data_batch_" + k + ".bin"), k == 4 ? java.util.Arrays.copyOf(whole, 5000) : whole);
        }
        Files.write(dir.resolve("test_batch.bin"), whole);
        var e = assertThrows(IOException.class, () -> CifarBinary.load(dir, CifarBinary.Variant.CIFAR10));
        assertTrue(e.getMessage().contains("data_batch_4.bin") && e.getMessage().contains("3073-byte records"),
                e.getMessage());
    }

    @Test
    void aMissingBatchSaysWhichFilesAreExpected() {
        var e = assertThrows(IllegalStateException.class, () -> CifarBinary.load(dir, CifarBinary.Variant.CIFAR100));
        assertTrue(e.getMessage().contains("train.bin") && e.getMessage().contains("cifar-100-binary"), e.getMessage());
    }
}
