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
            assertEquals(key.id(), KeyFile.load(file).id(), "the file keeps the key's random id");
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
        String text = Files.readString(file);
        Files.writeString(file, text.replace(((SecretKey.Ffx) key).password(), "guessed-password"));
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertTrue(e.getMessage().contains("edited or damaged"), e.getMessage());
        Files.writeString(file, text.replace(key.id(), "0123456789abcdef"));
        e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertTrue(e.getMessage().contains("edited or damaged"), "an edited id is an edit too: " + e.getMessage());
        Files.writeString(file, text.replace("\"version\": 2", "\"version\": 1"));
        e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("modelkey keygen"), e.getMessage());
    }

    @Test
    void aKeyFileOthersMayReadIsRefusedWithTheChmodUnlessAccepted() throws IOException {
        SecretKey key = SecretKey.fromSeed(KeyKind.NP, 4, 3, 1);
        Path file = KeyFile.save(key, dir.resolve("k.json"));
        for (String permissions : new String[] {"rw-r-----", "rw----r--", "rw-r--r--"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            IOException e = assertThrows(IOException.class, () -> KeyFile.load(file));
            assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
            assertEquals(key, KeyFile.load(file, true));
        }
    }

    @Test
    void aFileFarLargerThanAnyKeyOrNotAFileIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[(int) KeyFile.MAX_BYTES + 1]);
        }
        Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-------"));
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(big));
        assertTrue(e.getMessage().contains("larger than " + KeyFile.MAX_BYTES), e.getMessage());
        e = assertThrows(IOException.class, () -> KeyFile.load(Path.of("/dev/zero"), true));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        e = assertThrows(IOException.class, () -> KeyFile.load(dir, true));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
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
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(other));
        assertTrue(e.getMessage().contains("not a modelkey key file"), e.getMessage());
        e = assertThrows(IOException.class, () -> KeyFile.load(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
