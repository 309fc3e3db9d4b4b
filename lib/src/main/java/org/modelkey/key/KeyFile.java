package org.modelkey.key;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.modelkey.io.AtomicFiles;

/**
 * A secret key as a small, human-readable JSON file, written atomically with owner-only
 * permissions ({@code rw-------}). The file records the key's fingerprint; loading recomputes it,
 * so a truncated or edited file is refused instead of silently giving another key.
 *
 * <pre>{ "format": "modelkey-key", "version": 1, "kind": "NP", "blockSize": 4, "channels": 3,
 *   "positions": [0, 5, ...], "fingerprint": "3f9a0c1b77de" }</pre>
 *
 * {@code positions} is the SHF permutation or the NP/FFX selected positions; FFX adds {@code password}.
 */
public final class KeyFile {

    /** Value of the {@code format} field that marks a modelkey key file. */
    public static final String FORMAT = "modelkey-key";
    /** Version of the layout written by this class. */
    public static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private KeyFile() {}

    /** Writes {@code key} to {@code file} atomically, readable and writable by the owner only. */
    public static Path save(SecretKey key, Path file) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("kind", key.kind().name());
        json.addProperty("blockSize", key.blockSize());
        json.addProperty("channels", key.channels());
        JsonArray positions = new JsonArray();
        for (int p : key.positions()) {
            positions.add(p);
        }
        json.add("positions", positions);
        if (key.password() != null) {
            json.addProperty("password", key.password());
        }
        json.addProperty("fingerprint", key.fingerprint());
        byte[] text = (GSON.toJson(json) + "\n").getBytes(StandardCharsets.UTF_8);
        return AtomicFiles.write(file, out -> out.write(text), PosixFilePermissions.fromString("rw-------"));
    }

    /** Reads a key file, verifying its format and fingerprint. */
    public static SecretKey load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("key file " + file + " does not exist: check the path or create one with `modelkey keygen`", e);
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
            key = SecretKey.of(kind, json.get("blockSize").getAsInt(), json.get("channels").getAsInt(), positions, password);
        } catch (RuntimeException e) {
            throw new InvalidKeyFileException(file, "has a missing or invalid field (edited?): " + e.getMessage(), e);
        }
        String recorded = json.has("fingerprint") ? json.get("fingerprint").getAsString() : "(none)";
        if (!key.fingerprint().equals(recorded)) {
            throw new InvalidKeyFileException(file, "was edited or damaged: its content has fingerprint " + key.fingerprint()
                    + " but the file records " + recorded, null);
        }
        return key;
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
