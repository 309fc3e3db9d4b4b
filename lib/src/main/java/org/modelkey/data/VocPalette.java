package org.modelkey.data;

import java.awt.image.IndexColorModel;

/**
 * The PASCAL VOC colour map: class index i gets the colour whose bits interleave the bits of i
 * (index 0 black, 1 dark red, ..., 255 the cream of "ignore"). VOC stores masks as palette PNGs
 * whose pixel values are these indices.
 */
public final class VocPalette {

    private static final int[] RGB = build();

    private VocPalette() {}

    /** The 0xRRGGBB colour of mask value {@code index} (0..255). */
    public static int rgb(int index) {
        return RGB[index & 0xff];
    }

    /** The VOC palette as a Java colour model, for writing palette PNGs. */
    public static IndexColorModel colorModel() {
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) (RGB[i] >> 16);
            g[i] = (byte) (RGB[i] >> 8);
            b[i] = (byte) RGB[i];
        }
        return new IndexColorModel(8, 256, r, g, b);
    }

    private static int[] build() {
        int[] map = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = 0, g = 0, b = 0, c = i;
            for (int j = 0; j < 8; j++) {
                r |= ((c) & 1) << (7 - j);
                g |= ((c >> 1) & 1) << (7 - j);
                b |= ((c >> 2) & 1) << (7 - j);
                c >>= 3;
            }
            map[i] = (r << 16) | (g << 8) | b;
        }
        return map;
    }
}
