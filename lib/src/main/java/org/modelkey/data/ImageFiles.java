package org.modelkey.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decoding of the PNG and JPEG files the loaders and the command line read, to the values PIL and
 * torchvision return: a file the decoder warns about (a JPEG truncated inside its image data, corrupt
 * entropy-coded data) is an error naming the file, not an image with grey rows; a four-component
 * (CMYK or YCCK) JPEG is converted to RGB as PIL does ({@code CMYK;I} raw mode, then R = (255 − C)(255 − K)/255),
 * where the JDK refuses it and colour-managed readers give colours far from PIL's.
 * Grey images keep their stored values: see {@link Pixels#rgb}.
 */
public final class ImageFiles {

    private ImageFiles() {}

    /** Decodes {@code file}, failing with its name if it is not a complete, readable PNG or JPEG image. */
    public static BufferedImage decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + (Files.exists(file) ? " is not a file" : " does not exist")
                    + ": give a PNG or JPEG image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + " is not a PNG or JPEG image: replace the file");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image;
            try {
                reader.setInput(in, true, true);
                int adobe = "jpeg".equalsIgnoreCase(reader.getFormatName()) ? fourComponentJpeg(file) : NOT_FOUR;
                image = adobe == NOT_FOUR ? reader.read(0) : cmykToRgb(reader.readRaster(0, null), adobe == YCCK);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " could not be decoded as a PNG or JPEG image (" + e.getMessage()
                        + "): replace the file", e);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) {
                throw new IOException(file + " is damaged or truncated (" + String.join("; ", warnings)
                        + "): replace the file");
            }
            return image;
        }
    }

    /** The height and width of an image file from its header, without decoding the pixels. */
    static int[] size(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + " is not a PNG or JPEG image: replace the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getHeight(0), reader.getWidth(0)};
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " has no readable image header (" + e.getMessage() + "): replace the file", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static final int NOT_FOUR = -1;
    private static final int YCCK = 2;

    /**
     * The Adobe colour transform of a four-component JPEG (0 for CMYK, {@value #YCCK} for YCCK, 0 when
     * it has no Adobe segment), or {@value #NOT_FOUR} when the frame has fewer components.
     */
    private static int fourComponentJpeg(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return NOT_FOUR;
            }
            int transform = 0;
            int components = 0;
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return components == 4 ? transform : NOT_FOUR;
                }
                int length = in.readUnsignedShort() - 2;
                byte[] segment = in.readNBytes(length);
                if (segment.length < length) {
                    throw new EOFException("segment of marker " + Integer.toHexString(marker) + " cut short");
                }
                if (marker == 0xFFEE && length >= 12
                        && new String(segment, 0, 5, StandardCharsets.US_ASCII).equals("Adobe")) {
                    transform = segment[11] & 0xFF;
                } else if (marker >= 0xFFC0 && marker <= 0xFFCF && marker != 0xFFC4 && marker != 0xFFC8
                        && marker != 0xFFCC && length >= 6) {
                    components = segment[5] & 0xFF;
                }
            }
        }
    }

    /**
     * PIL's conversion of libjpeg's four-component output: the samples are taken as inverted CMYK
     * (Adobe's convention, which PIL assumes for every such file) and R = K' − K'·C/255 with C = 255 − c',
     * K' = k'; YCCK first becomes CMYK as libjpeg converts it (C = 255 − R of the YCbCr triple, K kept).
     */
    private static BufferedImage cmykToRgb(Raster raster, boolean ycck) {
        int w = raster.getWidth(), h = raster.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[4];
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, px);
                int c = px[0], m = px[1], ye = px[2], k = px[3];
                if (ycck) {
                    double luma = px[0], cb = px[1] - 128, cr = px[2] - 128;
                    c = 255 - clamp(luma + 1.402 * cr);
                    m = 255 - clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    ye = 255 - clamp(luma + 1.772 * cb);
                }
                // PIL's CMYK;I raw mode inverts every sample, then cmyk2rgb: nk − nk·C/255 with nk = 255 − K
                int nk = k;
                int r = nk - mulDiv255(255 - c, nk);
                int g = nk - mulDiv255(255 - m, nk);
                int b = nk - mulDiv255(255 - ye, nk);
                rgb[y * w + x] = (r << 16) | (g << 8) | b;
            }
        }
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** a·b/255 rounded as PIL's MULDIV255 does. */
    private static int mulDiv255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }
}
