package org.modelkey.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.*;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("a/b/result.csv");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void failedWriteKeepsThePreviousFile() throws IOException {
        Path f = dir.resolve("checkpoint.bin");
        AtomicFiles.writeString(f, "good");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        assertEquals("good", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void theNextWriteRemovesTheTemporaryFileAKilledRunLeft() throws IOException {
        Path f = dir.resolve("out.png");
        Path leftover = Files.createTempFile(dir, ".out.png", ".tmp"); // what kill -9 during a write leaves
        Path other = Files.createTempFile(dir, ".other.png", ".tmp");
        AtomicFiles.writeString(f, "complete");
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(other), "only the target's own leftovers are removed");
        assertEquals("complete", Files.readString(f));
    }

    @Test
    void appliesPermissions() throws IOException {
        Path f = dir.resolve("key.json");
        AtomicFiles.write(f, out -> out.write('x'), PosixFilePermissions.fromString("rw-------"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
