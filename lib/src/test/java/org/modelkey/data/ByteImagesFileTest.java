package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteImagesFileTest {

    @TempDir
    Path dir;

    private static byte[] bytes(int n, int salt) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + salt);
        }
        return b;
    }

    @Test
    void classificationSetRoundTripsThroughTheCacheFile() throws IOException {
        ByteImages set = new ByteImages(3, 3, 4, 5, ByteBuffer.wrap(bytes(180, 7)), new int[] {1, 0, 1}, null,
                new int[] {10, 11, 12}, List.of("a", "b"));
        Path file = dir.resolve("c.bin");
        ByteImagesFile.write(file, set);
        ByteImages back = ByteImagesFile.read(file);
        assertEquals(3, back.size());
        assertEquals(List.of("a", "b"), back.classes());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(set.bytes(i), back.bytes(i));
            assertEquals(set.label(i), back.label(i));
            assertEquals(set.source(i), back.source(i));
            assertEquals(set.sample(i), back.sample(i));
        }
        assertEquals((set.bytes(1)[0] & 0xff) / 255f, back.sample(1).image().data()[0]);
    }

    @Test
    void segmentationSetRoundTripsItsMasks() throws IOException {
        ByteImages set = new ByteImages(2, 3, 4, 4, ByteBuffer.wrap(bytes(96, 1)), null, ByteBuffer.wrap(bytes(32, 3)),
                null, List.of("background", "x"));
        Path file = dir.resolve("s.bin");
        ByteImagesFile.write(file, set);
        ByteImages back = ByteImagesFile.read(file);
        assertTrue(back.segmentation());
        assertArrayEquals(set.sample(1).mask(), back.sample(1).mask());
        assertEquals(-1, back.source(0));
        assertThrows(UnsupportedOperationException.class, () -> back.label(0));
    }

    @Test
    void aTruncatedOrForeignFileIsRejectedByName() throws IOException {
        ByteImages set = ByteImages.labelled(1, 2, 2, bytes(8, 0), new int[] {0, 0}, List.of("a"));
        Path file = dir.resolve("t.bin");
        ByteImagesFile.write(file, set);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 1));
        var e = assertThrows(IOException.class, () -> ByteImagesFile.read(file));
        assertTrue(e.getMessage().contains("t.bin") && e.getMessage().contains("truncated"), e.getMessage());
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        e = assertThrows(IOException.class, () -> ByteImagesFile.read(file));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void labelsOutsideTheClassesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ByteImages.labelled(1, 1, 1, new byte[2], new int[] {0, 2}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("label 2 of image 1"), e.getMessage());
    }
}
