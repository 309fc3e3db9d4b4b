package org.modelkey.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void everyKindRoundTripsWithOwnerOnlyPermissions() throws IOException {
        for (KeyKind kind : KeyKind.values()) {
            SecretKey key = SecretKey.fromSeed(kind, 4, 3, 42);
            Path file = KeyFile.save(key, dir.resolve(kind + ".json"));
            assertEquals(key, KeyFile.load(file));
            assertEquals(key, KeyFile.load(file, kind));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = KeyFile.save(SecretKey.fromSeed(KeyKind.SHF, 4, 3, 1), dir.resolve("k.json"));
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("modelkey keygen"), e.getMessage());
    }

    @Test
    void editedFileIsRefused() throws IOException {
        SecretKey key = SecretKey.fromSeed(KeyKind.FFX, 2, 3, 1);
        Path file = KeyFile.save(key, dir.resolve("k.json"));
        Files.writeString(file, Files.readString(file).replace(key.password(), "guessed-password"));
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertTrue(e.getMessage().contains("edited or damaged"), e.getMessage());
    }

    @Test
    void keyOfAnotherKindIsRefused() throws IOException {
        Path file = KeyFile.save(SecretKey.fromSeed(KeyKind.NP, 4, 3, 1), dir.resolve("np.json"));
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(file, KeyKind.SHF));
        assertTrue(e.getMessage().contains("holds NP key") && e.getMessage().contains("SHF"), e.getMessage());
    }

    @Test
    void otherJsonAndMissingFilesAreRefused() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"name\": \"not a key\"}");
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(other));
        assertTrue(e.getMessage().contains("not a modelkey key file"), e.getMessage());
        e = assertThrows(IOException.class, () -> KeyFile.load(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
