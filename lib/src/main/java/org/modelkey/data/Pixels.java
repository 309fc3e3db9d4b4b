package org.modelkey.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * An image as the networks see it: float values in [0,1], planar C×H×W (channel, row, column),
 * the layout of the records of every data set in this package. Cut-outs use a fourth channel,
 * alpha, with the colours premultiplied by it so that resampling never bleeds hidden colours.
 */
public record Pixels(int channels, int height, int width, float[] data) {

    public Pixels {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape " + channels + "×" + height + "×" + width
                    + " is empty: every dimension must be at least 1");
        }
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("image data has " + data.length + " values but shape "
                    + channels + "×" + height + "×" + width + " needs " + channels * height * width);
        }
    }

    /** A black image of the given shape. */
    public static Pixels zeros(int channels, int height, int width) {
        return new Pixels(channels, height, width, new float[channels * height * width]);
    }

    /**
     * The RGB channels of a decoded image (alpha, if any, is dropped; grey becomes three equal channels
     * holding the stored grey value, as PIL's and torchvision's RGB conversion give it).
     */
    public static Pixels rgb(BufferedImage image) {
        int h = image.getHeight(), w = image.getWidth(), plane = h * w;
        int[] argb = argb(image);
        float[] data = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            data[i] = ((p >> 16) & 0xff) / 255f;
            data[plane + i] = ((p >> 8) & 0xff) / 255f;
            data[2 * plane + i] = (p & 0xff) / 255f;
        }
        return new Pixels(3, h, w, data);
    }

    /** RGB plus alpha of a decoded image, colours premultiplied by alpha (for cut-outs). */
    public static Pixels premultipliedRgba(BufferedImage image) {
        int h = image.getHeight(), w = image.getWidth(), plane = h * w;
        int[] argb = argb(image);
        float[] data = new float[4 * plane];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            float a = (p >>> 24) / 255f;
            data[i] = ((p >> 16) & 0xff) / 255f * a;
            data[plane + i] = ((p >> 8) & 0xff) / 255f * a;
            data[2 * plane + i] = (p & 0xff) / 255f * a;
            data[3 * plane + i] = a;
        }
        return new Pixels(4, h, w, data);
    }

    /**
     * The 8-bit ARGB of every pixel. A grey image gives its stored value (scaled to 8 bits) in R, G and B:
     * {@code getRGB} would treat the value as linear grey and convert it to sRGB (20 becomes 79).
     */
    private static int[] argb(BufferedImage image) {
        int h = image.getHeight(), w = image.getWidth();
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel || model.getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
            return image.getRGB(0, 0, w, h, null, 0, w);
        }
        Raster raster = image.getRaster();
        double greyScale = 255.0 / ((1 << model.getComponentSize(0)) - 1);
        double alphaScale = model.hasAlpha() ? 255.0 / ((1 << model.getComponentSize(1)) - 1) : 0;
        int[] argb = new int[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round(raster.getSample(x, y, 0) * greyScale);
                int a = model.hasAlpha() ? (int) Math.round(raster.getSample(x, y, 1) * alphaScale) : 255;
                argb[y * w + x] = (a << 24) | (v << 16) | (v << 8) | v;
            }
        }
        return argb;
    }

    /** Renders the first three channels (or the one grey channel) as an RGB image. */
    public BufferedImage toBufferedImage() {
        int plane = height * width;
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = toByte(data[i]);
            int g = channels >= 3 ? toByte(data[plane + i]) : r;
            int b = channels >= 3 ? toByte(data[2 * plane + i]) : r;
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, rgb, 0, width);
        return out;
    }

    /** The 8-bit value of an intensity in [0,1], rounded to nearest. */
    static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pixels p && p.channels == channels && p.height == height && p.width == width
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + channels * 7 + height * 3 + width;
    }

    @Override
    public String toString() {
        return "Pixels[" + channels + "×" + height + "×" + width + "]";
    }
}
