package org.modelkey.data;

import java.util.List;
import java.util.Random;

/**
 * Composes one synthetic scene: a random square crop of a background photograph, then cut-outs
 * pasted over it at random scale, position and left-right flip, the main object last and largest.
 * The mask records, per pixel, the class (index + 1) of the top-most object whose alpha is at
 * least one half, 0 for background; optionally a one-pixel band on every class boundary becomes
 * {@link Sample#IGNORE}, as the object outlines of PASCAL VOC.
 */
final class SceneGenerator {

    /** A cut-out ready to paste: premultiplied RGBA whose longer side is the scene size. */
    record Cutout(int stamp, int classIndex, Pixels rgba) {}

    /** A generated scene: RGB image and mask. */
    record Scene(Pixels image, byte[] mask) {}

    private static final double MIN_CROP = 0.5;
    private static final double MAIN_MIN = 0.55;
    private static final double MAIN_MAX = 0.9;
    private static final double EXTRA_MIN = 0.3;
    private static final double EXTRA_MAX = 0.5;

    private final int size;
    private final List<Pixels> backgrounds;
    private final boolean ignoreEdges;

    /** @param backgrounds RGB photographs, ideally reduced to about twice the scene size */
    SceneGenerator(int size, List<Pixels> backgrounds, boolean ignoreEdges) {
        if (backgrounds.isEmpty()) {
            throw new IllegalArgumentException("no background photographs: run environment/setup-data");
        }
        this.size = size;
        this.backgrounds = List.copyOf(backgrounds);
        this.ignoreEdges = ignoreEdges;
    }

    /** Draws a scene with {@code extras} pasted first, then {@code main} on top. */
    Scene compose(Random rng, Cutout main, List<Cutout> extras) {
        Pixels bg = backgrounds.get(rng.nextInt(backgrounds.size()));
        double side = Math.min(bg.height(), bg.width()) * (MIN_CROP + (1 - MIN_CROP) * rng.nextDouble());
        double top = (bg.height() - side) * rng.nextDouble();
        double left = (bg.width() - side) * rng.nextDouble();
        Pixels canvas = Resampling.crop(bg, top, left, side, side, size, size, rng.nextBoolean());
        byte[] mask = new byte[size * size];
        for (Cutout extra : extras) {
            paste(rng, canvas, mask, extra, EXTRA_MIN, EXTRA_MAX);
        }
        paste(rng, canvas, mask, main, MAIN_MIN, MAIN_MAX);
        if (ignoreEdges) {
            markBoundaries(mask);
        }
        return new Scene(canvas, mask);
    }

    private void paste(Random rng, Pixels canvas, byte[] mask, Cutout cutout, double min, double max) {
        Pixels src = cutout.rgba();
        double longSide = size * (min + (max - min) * rng.nextDouble());
        double scale = longSide / Math.max(src.height(), src.width());
        int h = Math.max(1, (int) Math.round(src.height() * scale));
        int w = Math.max(1, (int) Math.round(src.width() * scale));
        Pixels obj = Resampling.crop(src, 0, 0, src.height(), src.width(), h, w, rng.nextBoolean());
        int top = rng.nextInt(size - h + 1);
        int left = rng.nextInt(size - w + 1);
        float[] dst = canvas.data();
        float[] o = obj.data();
        int plane = size * size, objPlane = h * w;
        byte value = (byte) (cutout.classIndex() + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = y * w + x;
                int d = (top + y) * size + left + x;
                float a = o[3 * objPlane + s];
                for (int c = 0; c < 3; c++) {
                    dst[c * plane + d] = o[c * objPlane + s] + (1f - a) * dst[c * plane + d];
                }
                if (a >= 0.5f) {
                    mask[d] = value;
                }
            }
        }
    }

    /**
     * Marks every pixel whose right or lower neighbour has another class: one pixel on each
     * boundary, on its upper or left side.
     */
    private void markBoundaries(byte[] mask) {
        boolean[] edge = new boolean[mask.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                edge[i] = x + 1 < size && mask[i] != mask[i + 1] || y + 1 < size && mask[i] != mask[i + size];
            }
        }
        for (int i = 0; i < mask.length; i++) {
            if (edge[i]) {
                mask[i] = (byte) Sample.IGNORE;
            }
        }
    }
}
