package org.modelkey.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.key.KeyKind;

class ModelkeyCliTest {

    @TempDir
    Path dir;

    /** A random 8-bit RGB image (or grey) written as PNG or JPEG. */
    static Path image(Path file, int width, int height, boolean grey, long seed) throws IOException {
        BufferedImage img = new BufferedImage(width, height, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setSample(x, y, 0, rng.nextInt(256));
                if (!grey) {
                    img.getRaster().setSample(x, y, 1, rng.nextInt(256));
                    img.getRaster().setSample(x, y, 2, (x * 8) & 255);
                }
            }
        }
        Files.createDirectories(file.getParent());
        String format = file.toString().endsWith(".png") ? "png" : "jpg";
        assertTrue(ImageIO.write(img, format, file.toFile()));
        return file;
    }

    /** Runs the command line, returning its exit code and stderr. */
    static Result run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            return new Result(ModelkeyCli.run(args), err.toString());
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    record Result(int code, String err) {}

    private Path keygen(KeyKind kind, String... extra) {
        Path key = dir.resolve(kind + "-key.json");
        String[] base = {"keygen", "--kind", kind.name(), "-M", "4", "--allow-weak-key", "-o", key.toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        return key;
    }

    @Test
    void everyKindRoundTripsAFolderOfPngAndJpegImages() throws IOException {
        Path in = dir.resolve("in");
        image(in.resolve("a.png"), 32, 16, false, 1);
        image(in.resolve("sub/b.jpg"), 16, 24, false, 2);
        for (KeyKind kind : KeyKind.values()) {
            Path key = keygen(kind);
            Path enc = dir.resolve("enc-" + kind);
            Path dec = dir.resolve("dec-" + kind);
            assertEquals(0, run("encrypt", "-k", key.toString(), "-o", enc.toString(), in.toString()).code());
            Result r = run("decrypt", "-k", key.toString(), "-o", dec.toString(), enc.toString());
            assertEquals(0, r.code(), r.err());
            for (String name : new String[] {"a", "sub/b"}) {
                Path original = in.resolve(name + (name.equals("a") ? ".png" : ".jpg"));
                ImageFile encrypted = ImageFile.read(enc.resolve(name + ".png"));
                assertEquals(kind == KeyKind.FFX ? 16 : 8, encrypted.bits(), kind + " " + name);
                assertFalse(Arrays.equals(ImageFile.read(original).samples(), encrypted.samples()));
                assertArrayEquals(ImageFile.read(original).samples(), ImageFile.read(dec.resolve(name + ".png")).samples(),
                        kind + " " + name);
            }
        }
    }

    @Test
    void greyImagesNeedAOneChannelKey() throws IOException {
        Path grey = image(dir.resolve("g.png"), 8, 8, true, 3);
        Path rgbKey = keygen(KeyKind.NP);
        Result r = run("encrypt", "-k", rgbKey.toString(), "-o", dir.resolve("out").toString(), grey.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("1 channel(s)") && r.err().contains("--channels 1"), r.err());
        Path greyKey = dir.resolve("grey.json");
        assertEquals(0, run("keygen", "--kind", "SHF", "-M", "2", "-C", "1", "--allow-weak-key", "-o", greyKey.toString()).code());
        assertEquals(0, run("encrypt", "-k", greyKey.toString(), "-o", dir.resolve("out").toString(), grey.toString()).code());
    }

    @Test
    void wrongFfxPasswordIsDetectedAndNothingIsWritten() throws IOException {
        Path img = image(dir.resolve("in/x.png"), 16, 16, false, 4);
        Path key = keygen(KeyKind.FFX, "--seed", "5", "--password", "right");
        Path enc = dir.resolve("enc");
        assertEquals(0, run("encrypt", "-k", key.toString(), "-o", enc.toString(), img.toString()).code());
        Path wrong = dir.resolve("wrong.json");
        assertEquals(0, run("keygen", "--kind", "FFX", "-M", "4", "--seed", "5", "--password", "wrong", "-o", wrong.toString()).code());
        Path dec = dir.resolve("dec");
        Result r = run("decrypt", "-k", wrong.toString(), "-o", dec.toString(), enc.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("was encrypted with key") && r.err().contains("FFX password"), r.err());
        assertFalse(Files.exists(dec));
    }

    @Test
    void badSizeStopsTheRunBeforeAnythingIsWritten() throws IOException {
        Path in = dir.resolve("in");
        image(in.resolve("a-good.png"), 16, 16, false, 1);
        image(in.resolve("b-bad.png"), 16, 30, false, 1);
        Path key = keygen(KeyKind.SHF);
        Path out = dir.resolve("out");
        Result r = run("encrypt", "-k", key.toString(), "-o", out.toString(), in.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("b-bad.png") && r.err().contains("height 30 is not a multiple of block size M=4"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void theEncryptedFileNamesARandomKeyIdNotAKeyDerivedValue() throws IOException {
        Path img = image(dir.resolve("in/x.png"), 16, 16, false, 4);
        Path key = keygen(KeyKind.NP);
        Path enc = dir.resolve("enc");
        assertEquals(0, run("encrypt", "-k", key.toString(), "-o", enc.toString(), img.toString()).code());
        Map<String, String> text = ImageFile.read(enc.resolve("x.png")).text();
        assertEquals(org.modelkey.key.KeyFile.load(key).id(), text.get(ImageFile.KEY_ID));
        // the same key material drawn again from its seed gets another id: nothing in the file follows from the key
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        assertEquals(0, run("keygen", "--kind", "SHF", "-M", "4", "--seed", "1", "-o", a.toString()).code());
        assertEquals(0, run("keygen", "--kind", "SHF", "-M", "4", "--seed", "1", "-o", b.toString()).code());
        assertEquals(org.modelkey.key.KeyFile.load(a), org.modelkey.key.KeyFile.load(b));
        assertFalse(org.modelkey.key.KeyFile.load(a).id().equals(org.modelkey.key.KeyFile.load(b).id()));
        assertFalse(text.keySet().stream().anyMatch(k -> k.contains("fingerprint")), text.toString());
    }

    @Test
    void keygenRefusesWeakKeysAndUselessOrHugeBlocksAndPrintsTheKeySpace() {
        Path key = dir.resolve("k.json");
        Result r = run("keygen", "--kind", "NP", "-M", "2", "-o", key.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("key space 2^9.9") && r.err().contains("--allow-weak-key"), r.err());
        assertFalse(Files.exists(key));
        r = run("keygen", "--kind", "NP", "-M", "4", "-C", "1", "-o", key.toString());
        assertEquals(1, r.code(), "NP, M = 4 on grey: 12,870 keys");
        r = run("keygen", "--kind", "SHF", "-M", "1", "--allow-weak-key", "-o", key.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("-M 1 is outside 2..256"), r.err());
        r = run("keygen", "--kind", "SHF", "-M", "2147483647", "-o", key.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("-M 2147483647 is outside 2..256") && r.err().contains("megabytes"), r.err());
        r = run("keygen", "--kind", "NP", "-M", "8", "-C", "0", "-o", key.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("-C 0"), r.err());
        assertFalse(Files.exists(key));
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(0, ModelkeyCli.run("keygen", "--kind", "NP", "-M", "8", "-o", key.toString()));
            assertEquals(0, ModelkeyCli.run("keygen", "--kind", "NP", "-M", "2", "--allow-weak-key", "--force", "-o", key.toString()));
        } finally {
            System.setOut(oldOut);
        }
        assertTrue(out.toString().contains("key space 2^187."), out.toString());
        assertTrue(out.toString().contains("key space 2^9.9, WEAK"), out.toString());
    }

    @Test
    void keyFilesOthersMayReadOrThatAreNoKeyAreClearErrors() throws IOException {
        Path img = image(dir.resolve("in/x.png"), 16, 16, false, 4);
        Path key = keygen(KeyKind.SHF);
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Result r = run("encrypt", "-k", key.toString(), "-o", dir.resolve("enc").toString(), img.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("chmod 600 " + key), r.err());
        assertFalse(Files.exists(dir.resolve("enc")));
        assertEquals(0, run("encrypt", "-k", key.toString(), "--allow-shared-key-file", "-o", dir.resolve("enc").toString(),
                img.toString()).code());
        r = run("encrypt", "-k", "/dev/zero", "-o", dir.resolve("enc2").toString(), img.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("/dev/zero is not a regular file") && !r.err().contains("Exception"), r.err());
    }

    @Test
    void plainImagesAndExistingFilesAreRefused() throws IOException {
        Path img = image(dir.resolve("in/x.png"), 16, 16, false, 4);
        Path key = keygen(KeyKind.NP);
        Result r = run("decrypt", "-k", key.toString(), "-o", dir.resolve("dec").toString(), img.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no modelkey key id"), r.err());
        r = run("keygen", "--kind", "NP", "-M", "4", "-o", key.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("already exists") && r.err().contains("--force"), r.err());
        r = run("encrypt", "-k", key.toString(), "-o", dir.resolve("in").toString(), img.toString());
        assertTrue(r.err().contains("would overwrite an input"), r.err());
    }

    /** Runs the command line, returning its exit code and stdout. */
    static String stdout(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(0, ModelkeyCli.run(args));
            return out.toString();
        } finally {
            System.setOut(oldOut);
        }
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    @Test
    void damagedPixelDataStopsTheRunBeforeAnythingIsWrittenAndEveryBadFileIsNamed() throws IOException {
        Path in = dir.resolve("in");
        image(in.resolve("a-good.png"), 64, 64, false, 1);
        truncate(image(in.resolve("b-cut.png"), 64, 64, false, 2));
        truncate(image(in.resolve("c-cut.jpg"), 64, 64, false, 3));
        Path key = keygen(KeyKind.NP);
        Path out = dir.resolve("out");
        Result r = run("encrypt", "-k", key.toString(), "-o", out.toString(), in.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("2 of 3 input(s) refused, nothing written"), r.err());
        assertTrue(r.err().contains("b-cut.png") && r.err().contains("c-cut.jpg") && !r.err().contains("a-good"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anFfxFileWithACodeTheKeyNeverWritesStopsDecryptionBeforeAnythingIsWritten() throws IOException {
        Path in = dir.resolve("in");
        image(in.resolve("a.png"), 16, 16, false, 1);
        image(in.resolve("b.png"), 16, 16, false, 2);
        Path key = keygen(KeyKind.FFX);
        Path enc = dir.resolve("enc");
        assertEquals(0, run("encrypt", "-k", key.toString(), "-o", enc.toString(), in.toString()).code());
        ImageFile b = ImageFile.read(enc.resolve("b.png"));
        int[] samples = b.samples();
        samples[0] = 1000; // no 8-bit level maps to FFX code 1000
        new ImageFile(samples, b.channels(), b.height(), b.width(), b.bits(), b.text()).writePng(enc.resolve("b.png"));
        Path dec = dir.resolve("dec");
        Result r = run("decrypt", "-k", key.toString(), "-o", dec.toString(), enc.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(enc.toRealPath().resolve("b.png") + " holds FFX codes"), r.err());
        assertFalse(Files.exists(dec), "a.png comes first but nothing is written");
    }

    @Test
    void anOutputFolderThatIsALinkToTheInputsNeverOverwritesThem() throws IOException {
        Path in = dir.resolve("in");
        Path img = image(in.resolve("x.png"), 16, 16, false, 4);
        byte[] original = Files.readAllBytes(img);
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        Path key = keygen(KeyKind.SHF);
        Result r = run("encrypt", "-k", key.toString(), "--force", "-o", link.toString(), in.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("would overwrite an input"), r.err());
        assertArrayEquals(original, Files.readAllBytes(img));
    }

    @Test
    void imagesWithAlphaAreRefusedAsHelpSays() throws IOException {
        BufferedImage rgba = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(3, 3, 0x80ff0000);
        Path img = dir.resolve("in/t.png");
        Files.createDirectories(img.getParent());
        assertTrue(ImageIO.write(rgba, "png", img.toFile()));
        Path key = keygen(KeyKind.NP);
        Result r = run("encrypt", "-k", key.toString(), "-o", dir.resolve("out").toString(), img.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("has an alpha channel") && r.err().contains("remove it first"), r.err());
        assertTrue(stdout("help", "encrypt").contains("alpha"));
    }

    @Test
    void aRerunSkipsCompleteOutputsRemovesLeftoversAndRefusesOnlyOutputsThatDiffer() throws IOException {
        Path in = dir.resolve("in");
        image(in.resolve("a.png"), 16, 16, false, 1);
        image(in.resolve("b.jpg"), 16, 16, false, 2);
        Path key = keygen(KeyKind.SHF);
        Path out = dir.resolve("out");
        String[] args = {"encrypt", "-k", key.toString(), "-o", out.toString(), in.toString()};
        assertTrue(stdout(args).contains("encrypted 2 image(s) with"));
        // a run killed while writing b.png: b.png missing, its temporary file left behind
        Files.delete(out.resolve("b.png"));
        Path leftover = Files.createTempFile(out, ".b.png", ".tmp");
        assertTrue(stdout(args).contains("encrypted 1 image(s) (1 already complete, skipped)"));
        assertFalse(Files.exists(leftover));
        ImageFile a = ImageFile.read(out.resolve("a.png"));
        int[] other = a.samples();
        other[0] ^= 1;
        new ImageFile(other, a.channels(), a.height(), a.width(), a.bits(), a.text()).writePng(out.resolve("a.png"));
        Result r = run(args);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("a.png already exists and differs") && r.err().contains("--force"), r.err());
        assertTrue(stdout("encrypt", "-k", key.toString(), "--force", "-o", out.toString(), in.toString())
                .contains("encrypted 1 image(s) (1 already complete, skipped)"));
    }

    @Test
    void anImageTooLargeForTheHeapIsAClearMessageNamingTheHeapOption() throws IOException {
        // a valid PNG header announcing 25000 × 25000 pixels (45 GB to transform): refused from its size, before any decoding
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(25000).putInt(25000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[1 + 25000 * 3]);
        deflater.finish();
        byte[] row = new byte[4096];
        chunk(png, "IDAT", Arrays.copyOf(row, deflater.deflate(row)));
        chunk(png, "IEND", new byte[0]);
        Path img = dir.resolve("huge.png");
        Files.write(img, png.toByteArray());
        Path key = keygen(KeyKind.SHF);
        Result r = run("encrypt", "-k", key.toString(), "-o", dir.resolve("out").toString(), img.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("huge.png (25000×25000)") && r.err().contains("MODELKEY_JAVA_OPTS=-Xmx"), r.err());
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        png.write(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
