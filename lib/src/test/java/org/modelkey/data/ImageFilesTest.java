package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    /** Stored grey levels, one per 8×8 tile (flat tiles keep JPEG's error to a level or two). */
    private static final int[] LEVELS = {20, 100, 0, 255, 37, 180};

    private static BufferedImage greyTiles() {
        BufferedImage grey = new BufferedImage(8 * LEVELS.length, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < grey.getWidth(); x++) {
            for (int y = 0; y < 8; y++) {
                grey.getRaster().setSample(x, y, 0, LEVELS[x / 8]);
            }
        }
        return grey;
    }

    @Test
    void greyPngAndJpegGiveTheStoredValueInRedGreenAndBlue() throws IOException {
        for (String format : new String[] {"png", "jpg"}) {
            Path file = dir.resolve("grey." + format);
            write(greyTiles(), format, file);
            Pixels p = Pixels.rgb(ImageFiles.decode(file));
            int plane = p.height() * p.width();
            for (int tile = 0; tile < LEVELS.length; tile++) {
                int i = 4 * p.width() + tile * 8 + 4; // the middle of the tile
                for (int c = 0; c < 3; c++) {
                    int v = Math.round(p.data()[c * plane + i] * 255);
                    assertEquals(LEVELS[tile], v, format.equals("png") ? 0 : 1,
                            format + " level " + LEVELS[tile] + " channel " + c + " (sRGB conversion would give 79 for 20)");
                }
            }
        }
    }

    @Test
    void cmykAndYcckJpegsDecodeAsPilDoes() throws IOException {
        int[][] stored = {{10, 200, 60, 30}, {250, 5, 128, 90}, {128, 128, 128, 200}, {0, 255, 40, 255}};
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 8 * stored.length, 8, 4, null);
        for (int x = 0; x < raster.getWidth(); x++) {
            for (int y = 0; y < 8; y++) {
                raster.setPixel(x, y, stored[x / 8]);
            }
        }
        byte[] plain = fourComponentJpeg(raster);
        for (int transform : new int[] {-1, 0, 2}) {
            Path file = dir.resolve("four-" + transform + ".jpg");
            Files.write(file, transform < 0 ? plain : withAdobeSegment(plain, transform));
            BufferedImage image = ImageFiles.decode(file);
            for (int tile = 0; tile < stored.length; tile++) {
                int[] want = pil(stored[tile], transform == 2);
                int rgb = image.getRGB(tile * 8 + 4, 4);
                int[] got = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
                for (int c = 0; c < 3; c++) {
                    assertEquals(want[c], got[c], 2, "transform " + transform + " tile " + tile + ": PIL gives "
                            + Arrays.toString(want) + ", decoded " + Arrays.toString(got));
                }
            }
        }
    }

    /** PIL's RGB of libjpeg's samples: CMYK;I (every sample inverted), then (255 − C)(255 − K)/255; YCCK through YCbCr first. */
    private static int[] pil(int[] s, boolean ycck) {
        double[] cmy = {s[0], s[1], s[2]};
        if (ycck) {
            double y = s[0], cb = s[1] - 128, cr = s[2] - 128;
            cmy = new double[] {255 - clamp(y + 1.402 * cr), 255 - clamp(y - 0.344136 * cb - 0.714136 * cr),
                255 - clamp(y + 1.772 * cb)};
        }
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            double inkC = 255 - cmy[c], inkK = 255 - s[3];
            rgb[c] = (int) Math.round((255 - inkC) * (255 - inkK) / 255);
        }
        return rgb;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    @Test
    void aTruncatedOrDamagedImageIsAnErrorNamingTheFile() throws IOException {
        BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(1);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                noise.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        for (String format : new String[] {"jpg", "png"}) {
            Path full = dir.resolve("full." + format);
            write(noise, format, full);
            byte[] bytes = Files.readAllBytes(full);
            Path cut = dir.resolve("cut." + format);
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
            IOException e = assertThrows(IOException.class, () -> ImageFiles.decode(cut));
            assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("replace the file"),
                    e.getMessage());
        }
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        IOException e = assertThrows(IOException.class, () -> ImageFiles.decode(text));
        assertTrue(e.getMessage().contains(text + " is not a PNG or JPEG image"), e.getMessage());
    }

    private static void write(BufferedImage image, String format, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format.equals("jpg")) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** A four-component baseline JPEG of {@code raster}'s samples as stored (the JDK writes no Adobe segment). */
    private static byte[] fourComponentJpeg(Raster raster) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with an Adobe APP14 segment (colour transform 0: CMYK, 2: YCCK) after its start marker. */
    private static byte[] withAdobeSegment(byte[] jpeg, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] out = new byte[jpeg.length + app14.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
        return out;
    }
}
