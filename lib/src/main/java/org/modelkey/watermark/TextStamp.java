package org.modelkey.watermark;

import java.util.Arrays;

/**
 * Zhang et al. (2018)'s content key samples: a normal image with a short text (their "TEST")
 * stamped near its bottom-left corner, each inked pixel set to the stamp intensity in every
 * channel, all other pixels unchanged. The 3×5 pixel glyphs are scaled by
 * {@code max(1, width / 32)}, so the stamp covers the same share of a 28, 32 or 224 pixel image.
 */
public final class TextStamp extends PixelMapPattern {

    private final String text;
    private final double intensity;

    /**
     * @param text      letters, digits and spaces, e.g. "TEST"
     * @param intensity pixel value of the ink, in (0, 1]
     */
    public TextStamp(String text, double intensity) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("stamp text is empty: give a word such as \"TEST\"");
        }
        PixelFont.render(text, 1); // rejects characters without a glyph now, not at the first image
        if (!(intensity > 0 && intensity <= 1)) {
            throw new IllegalArgumentException("stamp intensity " + intensity + " is outside (0, 1]: give the ink's"
                    + " pixel value, e.g. 1 for white");
        }
        this.text = text;
        this.intensity = intensity;
    }

    @Override
    public KeySampleKind kind() {
        return KeySampleKind.CONTENT;
    }

    /** Glyph scale for an image of this width. */
    static int scale(int width) {
        return Math.max(1, width / 32);
    }

    @Override
    Tables tables(ImageShape shape) {
        int scale = scale(shape.width());
        int cols = PixelFont.width(text) * scale;
        int rows = PixelFont.GLYPH_HEIGHT * scale;
        int margin = scale;
        if (cols + 2 * margin > shape.width() || rows + 2 * margin > shape.height()) {
            throw new IllegalArgumentException("stamp \"" + text + "\" needs " + (cols + 2 * margin) + "×"
                    + (rows + 2 * margin) + " pixels but the image is " + shape.width() + "×" + shape.height()
                    + ": use a shorter text");
        }
        boolean[] ink = PixelFont.render(text, scale);
        int top = shape.height() - margin - rows;
        int plane = shape.height() * shape.width();
        float[] keep = new float[shape.size()];
        float[] add = new float[shape.size()];
        Arrays.fill(keep, 1f);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (ink[r * cols + c]) {
                    for (int ch = 0; ch < shape.channels(); ch++) {
                        int i = ch * plane + (top + r) * shape.width() + margin + c;
                        keep[i] = 0;
                        add[i] = (float) intensity;
                    }
                }
            }
        }
        return new Tables(shape, keep, add);
    }

    @Override
    public String toString() {
        return "text stamp \"" + text + "\" intensity " + intensity;
    }
}
