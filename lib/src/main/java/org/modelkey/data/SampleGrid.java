package org.modelkey.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A picture of the first samples of a set, for the notebooks' data figures: one tile per sample,
 * and for segmentation sets the mask in VOC colours beside each image.
 */
public final class SampleGrid {

    private SampleGrid() {}

    /**
     * Renders {@code count} samples (or fewer if the set is smaller) in rows of {@code columns}
     * tiles, each image enlarged {@code zoom} times (nearest neighbour, so pixels stay visible).
     */
    public static BufferedImage render(ImageSource source, int count, int columns, int zoom) throws IOException {
        if (count < 1 || columns < 1 || zoom < 1) {
            throw new IllegalArgumentException("count, columns and zoom must be at least 1 (got " + count + ", "
                    + columns + ", " + zoom + ")");
        }
        int n = Math.min(count, source.size());
        Sample first = source.sample(0);
        int tileH = first.image().height() * zoom, tileW = first.image().width() * zoom;
        int perSample = source.segmentation() ? 2 : 1, gap = 2;
        int rows = (n + columns - 1) / columns;
        int cellW = perSample * tileW + gap * perSample;
        BufferedImage grid = new BufferedImage(columns * cellW, rows * (tileH + gap), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < n; i++) {
            Sample s = source.sample(i);
            int x = (i % columns) * cellW, y = (i / columns) * (tileH + gap);
            g.drawImage(s.image().toBufferedImage(), x, y, s.image().width() * zoom, s.image().height() * zoom, null);
            if (s.mask() != null) {
                g.drawImage(maskImage(s), x + tileW + gap, y, s.image().width() * zoom, s.image().height() * zoom, null);
            }
        }
        g.dispose();
        return grid;
    }

    private static BufferedImage maskImage(Sample s) {
        int h = s.image().height(), w = s.image().width();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, VocPalette.rgb(s.maskAt(y, x)));
            }
        }
        return out;
    }
}
