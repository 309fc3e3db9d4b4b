package org.modelkey.cli;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.modelkey.data.ImageFiles;
import org.modelkey.io.AtomicFiles;
import org.w3c.dom.Node;

/**
 * An image file as the command line reads and writes it: PNG or JPEG in, always PNG out, with the
 * key's random id and kind in PNG {@code tEXt} chunks. Samples are kept as integers: 8-bit levels
 * for plain, SHF and NP images; for FFX the 16-bit PNG samples are the FFX codes 0..999 themselves
 * (the model's input is code / scale, with the scale stored beside them).
 *
 * @param samples integer samples, C×H×W, channel-first
 * @param bits 8 or 16 bits per sample
 * @param text PNG text entries (empty for files not written by modelkey)
 */
record ImageFile(int[] samples, int channels, int height, int width, int bits, Map<String, String> text) {

    static final String KEY_ID = "modelkey-key-id";
    static final String KIND = "modelkey-key-kind";
    static final String SCALE = "modelkey-ffx-scale";
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    /** Reads the size, channels, bit depth and text entries without decoding the pixels. */
    static ImageFile header(Path path) throws IOException {
        return read(path, false);
    }

    /** Reads a PNG or JPEG; colour images give C=3 (RGB), grey images C=1. */
    static ImageFile read(Path path) throws IOException {
        return read(path, true);
    }

    private static ImageFile read(Path path, boolean pixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("image " + path + " is not a PNG or JPEG file: convert it to PNG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int height = reader.getHeight(0);
                int width = reader.getWidth(0);
                // only the kit's PNG outputs carry text chunks; JPEG metadata is not read (the JDK's
                // JPEG reader rejects some valid files' metadata while it decodes their pixels fine)
                Map<String, String> text = "png".equalsIgnoreCase(reader.getFormatName())
                        ? textEntries(reader.getImageMetadata(0)) : Map.of();
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type == null) {
                    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                    type = types.hasNext() ? types.next() : null;
                }
                if (type != null && type.getColorModel().hasAlpha()) {
                    throw new IOException("image " + path + " has an alpha channel (transparency), which modelkey neither"
                            + " encrypts nor keeps: remove it first (e.g. `convert " + path + " -alpha off out.png`)");
                }
                if (!pixels) {
                    if (type == null) { // a CMYK or YCCK JPEG: decoded to RGB
                        return new ImageFile(null, 3, height, width, 8, text);
                    }
                    ColorModel model = type.getColorModel();
                    boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
                    return new ImageFile(null, grey ? 1 : 3, height, width, model.getComponentSize(0) > 8 ? 16 : 8, text);
                }
                return fromImage(ImageFiles.decode(path), text);
            } catch (IIOException | RuntimeException e) {
                throw new IOException("image " + path + " is damaged or truncated (" + e.getMessage() + "): replace the file", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageFile fromImage(BufferedImage image, Map<String, String> text) {
        Raster raster = image.getRaster();
        int height = image.getHeight();
        int width = image.getWidth();
        int bits = image.getColorModel().getComponentSize(0) > 8 ? 16 : 8;
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int channels = grey ? 1 : 3;
        int[] samples = new int[channels * height * width];
        boolean direct = raster.getNumBands() >= channels && (grey || image.getColorModel() instanceof ComponentColorModel);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = direct ? 0 : image.getRGB(x, y);
                for (int c = 0; c < channels; c++) {
                    samples[(c * height + y) * width + x] = direct ? raster.getSample(x, y, c) : (rgb >> (16 - 8 * c)) & 0xFF;
                }
            }
        }
        return new ImageFile(samples, channels, height, width, direct ? bits : 8, text);
    }

    /** Writes this image as PNG atomically, with its text entries. */
    void writePng(Path target) throws IOException {
        BufferedImage image = toImage();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
            IIOMetadataNode textNode = new IIOMetadataNode("tEXt");
            text.forEach((k, v) -> {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", k);
                entry.setAttribute("value", v);
                textNode.appendChild(entry);
            });
            root.appendChild(textNode);
            metadata.mergeTree(PNG_FORMAT, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(new IIOImage(image, null, metadata));
            }
            AtomicFiles.write(target, o -> bytes.writeTo(o));
        } finally {
            writer.dispose();
        }
    }

    private BufferedImage toImage() {
        int type = bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE;
        ColorSpace space = ColorSpace.getInstance(channels == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, type);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.setSample(x, y, c, samples[(c * height + y) * width + x]);
                }
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static Map<String, String> textEntries(IIOMetadata metadata) {
        Map<String, String> text = new HashMap<>();
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(PNG_FORMAT)) {
            return text;
        }
        Node root = metadata.getAsTree(PNG_FORMAT);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("tEXt".equals(n.getNodeName())) {
                for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                    IIOMetadataNode entry = (IIOMetadataNode) e;
                    text.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
                }
            }
        }
        return text;
    }
}
