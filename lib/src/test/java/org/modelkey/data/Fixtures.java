package org.modelkey.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes small files in the real data sets' formats, for the loader tests. */
final class Fixtures {

    private Fixtures() {}

    /** The embedded-data cache if environment/setup-data has filled it, else null. */
    static Path cacheOrNull() {
        String env = System.getenv("MODELKEY_CACHE");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : Path.of("").toAbsolutePath().resolveSibling("environment").resolve(".cache");
        if (!Files.isDirectory(dir.resolve("tuxpaint"))) {
            Path fromRoot = Path.of("").toAbsolutePath().resolve("environment").resolve(".cache");
            dir = Files.isDirectory(fromRoot.resolve("tuxpaint")) ? fromRoot : dir;
        }
        return Files.isDirectory(dir.resolve("tuxpaint")) ? dir : null;
    }

    /** An IDX file of unsigned bytes with the given dimensions. */
    static void idx(Path file, int[] dims, byte[] data, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            out.write(new byte[] {0, 0, 0x08, (byte) dims.length});
            for (int d : dims) {
                out.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
            }
            out.write(data);
        }
    }

    /** An RGB image whose pixel (y, x) has red = 10·label, green = y, blue = x. */
    static BufferedImage rgb(int height, int width, int label) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, (10 * label) << 16 | y << 8 | x);
            }
        }
        return img;
    }

    static void png(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    static void jpg(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "jpg", file.toFile());
    }

    /** A VOC-style palette PNG of the given class indices (row-major). */
    static void vocMask(Path file, int height, int width, int[] values) throws IOException {
        IndexColorModel palette = VocPalette.colorModel();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        img.getRaster().setSamples(0, 0, width, height, 0, values);
        png(file, img);
    }
}
