package org.modelkey.key;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.modelkey.io.AtomicFiles;

/**
 * A secret key as a small, human-readable JSON file, written atomically with owner-only
 * permissions ({@code rw-------}). The file records the key's random {@link SecretKey#id() id} and a
 * check value (a SHA-256 prefix of its content, which only this file holds: it is derived from the
 * key, so it must never be published); loading recomputes the check value, so a truncated or edited
 * file is refused instead of silently giving another key. As ssh does with private keys, a file that
 * its group or others may read is refused unless the caller accepts it explicitly, and a file over
 * {@value #MAX_BYTES} bytes is refused before it is read.
 *
 * <pre>{ "format": "modelkey-key", "version": 2, "kind": "NP", "id": "9c1f0a3be2d47710", "blockSize": 4,
 *   "channels": 3, "positions": [0, 5, ...], "check": "3f9a0c1b77de" }</pre>
 *
 * {@code positions} is the SHF permutation or the NP/FFX selected positions; FFX adds {@code password}.
 */
public final class KeyFile {

    /** Value of the {@code format} field that marks a modelkey key file. */
    public static final String FORMAT = "modelkey-key";
    /** Version of the layout written by this class. */
    public static final int VERSION = 2;
    /** Largest key file read: an SHF key of M = 256, C = 4 (the largest keygen makes) takes about 4 MB. */
    public static final long MAX_BYTES = 16L << 20;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private KeyFile() {}

    /** Writes {@code key} to {@code file} atomically, readable and writable by the owner only. */
    public static Path save(SecretKey key, Path file) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("kind", key.kind().name());
        json.addProperty("id", key.id());
        json.addProperty("blockSize", key.blockSize());
        json.addProperty("channels", key.channels());
        JsonArray positions = new JsonArray();
        for (int p : key.positions()) {
            positions.add(p);
        }
        json.add("positions", positions);
        if (key instanceof SecretKey.Ffx ffx) {
            json.addProperty("password", ffx.password());
        }
        json.addProperty("check", check(key));
        byte[] text = (GSON.toJson(json) + "\n").getBytes(StandardCharsets.UTF_8);
        return AtomicFiles.write(file, out -> out.write(text), PosixFilePermissions.fromString("rw-------"));
    }

    /** Reads an owner-only key file, verifying its format, size and check value. */
    public static SecretKey load(Path file) throws IOException {
        return load(file, false);
    }

    /**
     * Reads a key file, verifying its format, size and check value; unless {@code acceptReadableByOthers},
     * a file whose group or others may read it is refused with the {@code chmod} that fixes it.
     */
    public static SecretKey load(Path file, boolean acceptReadableByOthers) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("key file " + file + " does not exist: check the path or create one with `modelkey keygen`");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidKeyFileException(file, "is not a regular file", "pass the key file written by `modelkey keygen`", null);
        }
        if (!acceptReadableByOthers && Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new InvalidKeyFileException(file, "is readable by others (" + PosixFilePermissions.toString(permissions)
                        + "), so the secret may be known", "run `chmod 600 " + file + "`, or accept it explicitly"
                        + " (--allow-shared-key-file)", null);
            }
        }
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidKeyFileException(file, "is larger than " + MAX_BYTES + " bytes, far more than any key",
                        "pass the key file written by `modelkey keygen`", null);
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new JsonParseException("top level is not an object");
            }
            json = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidKeyFileException(file, "is not complete JSON (truncated or edited?): " + e.getMessage(), e);
        }
        if (!json.has("format") || !FORMAT.equals(json.get("format").getAsString())) {
            throw new InvalidKeyFileException(file, "is not a modelkey key file (no \"format\": \"" + FORMAT + "\")", null);
        }
        if (!json.has("version") || !json.get("version").toString().equals(Integer.toString(VERSION))) {
            throw new InvalidKeyFileException(file, "has version " + json.get("version") + " but this modelkey reads version " + VERSION,
                    "make a new key with this version's `modelkey keygen`", null);
        }
        SecretKey key;
        try {
            KeyKind kind = KeyKind.valueOf(json.get("kind").getAsString());
            JsonArray array = json.getAsJsonArray("positions");
            int[] positions = new int[array.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = array.get(i).getAsInt();
            }
            String password = json.has("password") ? json.get("password").getAsString() : null;
            key = SecretKey.of(kind, json.get("blockSize").getAsInt(), json.get("channels").getAsInt(), positions, password)
                    .withId(json.get("id").getAsString());
        } catch (RuntimeException e) {
            throw new InvalidKeyFileException(file, "has a missing or invalid field (edited?): " + e.getMessage(), e);
        }
        String recorded = json.has("check") ? json.get("check").getAsString() : "(none)";
        if (!check(key).equals(recorded)) {
            throw new InvalidKeyFileException(file, "was edited or damaged: its content does not match the check value it records", null);
        }
        return key;
    }

    /** The check value of a key file: the first 12 hex digits of the SHA-256 of the key's canonical form and id. */
    private static String check(SecretKey key) {
        StringBuilder canonical = new StringBuilder()
                .append(key.kind()).append('|').append(key.id()).append('|').append(key.blockSize()).append('|')
                .append(key.channels()).append('|').append(Arrays.toString(key.positions()));
        if (key instanceof SecretKey.Ffx ffx) {
            canonical.append('|').append(ffx.password());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE runtime must provide", e);
        }
    }

    /** Reads a key file that must hold a key of the given kind. */
    public static SecretKey load(Path file, KeyKind expected) throws IOException {
        SecretKey key = load(file);
        if (key.kind() != expected) {
            throw new InvalidKeyFileException(file, "holds " + key + " but a " + expected + " key is needed",
                    "pass the key file made for " + expected, null);
        }
        return key;
    }

    /** A key file that cannot be used; the message names the file, the problem and the fix. */
    public static final class InvalidKeyFileException extends IOException {
        private static final String RESTORE = "restore the original file or make a new key with `modelkey keygen`";

        InvalidKeyFileException(Path file, String problem, Throwable cause) {
            this(file, problem, RESTORE, cause);
        }

        InvalidKeyFileException(Path file, String problem, String fix, Throwable cause) {
            super("key file " + file + " " + problem + ": " + fix, cause);
        }
    }
}
