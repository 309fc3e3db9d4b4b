package org.modelkey.data;

/**
 * Crops and resizes images and masks. Images are resampled separably: an output pixel averages
 * the source pixels its footprint covers (area averaging) when shrinking, and interpolates
 * bilinearly when enlarging, so a large photograph reduced to 32×32 does not alias. Masks use
 * nearest neighbour, so they keep exact class values and stay aligned with the image.
 */
public final class Resampling {

    private Resampling() {}

    /** Resizes the whole image to {@code outHeight}×{@code outWidth}. */
    public static Pixels resize(Pixels src, int outHeight, int outWidth) {
        return crop(src, 0, 0, src.height(), src.width(), outHeight, outWidth, false);
    }

    /**
     * The window of {@code height}×{@code width} source pixels starting at ({@code top},
     * {@code left}) (fractional values allowed), resized to {@code outHeight}×{@code outWidth},
     * optionally mirrored left-right.
     */
    public static Pixels crop(Pixels src, double top, double left, double height, double width,
                              int outHeight, int outWidth, boolean flip) {
        checkWindow(src.height(), src.width(), top, left, height, width);
        AxisWeights rows = AxisWeights.of(src.height(), top, height, outHeight, false);
        AxisWeights cols = AxisWeights.of(src.width(), left, width, outWidth, flip);
        int c = src.channels(), inH = src.height(), inW = src.width();
        float[] in = src.data();
        float[] out = new float[c * outHeight * outWidth];
        float[] rowBuffer = new float[inW];
        for (int ch = 0; ch < c; ch++) {
            int inPlane = ch * inH * inW, outPlane = ch * outHeight * outWidth;
            for (int oy = 0; oy < outHeight; oy++) {
                java.util.Arrays.fill(rowBuffer, 0f);
                int r0 = rows.start[oy];
                for (int k = 0; k < rows.count[oy]; k++) {
                    float wy = rows.weight[oy * rows.stride + k];
                    int base = inPlane + (r0 + k) * inW;
                    for (int x = cols.min; x < cols.max; x++) {
                        rowBuffer[x] += wy * in[base + x];
                    }
                }
                int o = outPlane + oy * outWidth;
                for (int ox = 0; ox < outWidth; ox++) {
                    float sum = 0f;
                    int c0 = cols.start[ox];
                    for (int k = 0; k < cols.count[ox]; k++) {
                        sum += cols.weight[ox * cols.stride + k] * rowBuffer[c0 + k];
                    }
                    out[o + ox] = sum;
                }
            }
        }
        return new Pixels(c, outHeight, outWidth, out);
    }

    /** The same window of a mask (H×W, row-major), resized by nearest neighbour. */
    public static byte[] cropMask(byte[] mask, int inHeight, int inWidth, double top, double left,
                                  double height, double width, int outHeight, int outWidth, boolean flip) {
        checkWindow(inHeight, inWidth, top, left, height, width);
        int[] srcRow = nearest(inHeight, top, height, outHeight, false);
        int[] srcCol = nearest(inWidth, left, width, outWidth, flip);
        byte[] out = new byte[outHeight * outWidth];
        for (int oy = 0; oy < outHeight; oy++) {
            int base = srcRow[oy] * inWidth;
            for (int ox = 0; ox < outWidth; ox++) {
                out[oy * outWidth + ox] = mask[base + srcCol[ox]];
            }
        }
        return out;
    }

    private static int[] nearest(int size, double start, double length, int out, boolean flip) {
        int[] index = new int[out];
        double step = length / out;
        for (int o = 0; o < out; o++) {
            int i = (int) Math.floor(start + (o + 0.5) * step);
            index[flip ? out - 1 - o : o] = Math.min(size - 1, Math.max(0, i));
        }
        return index;
    }

    private static void checkWindow(int inHeight, int inWidth, double top, double left, double height, double width) {
        double eps = 1e-6;
        if (height <= 0 || width <= 0 || top < -eps || left < -eps
                || top + height > inHeight + eps || left + width > inWidth + eps) {
            throw new IllegalArgumentException("crop window top=" + top + " left=" + left + " height=" + height
                    + " width=" + width + " does not lie inside the " + inHeight + "×" + inWidth
                    + " image: keep it within the image bounds");
        }
    }

    /** Per output position along one axis: the first source index, how many, and their weights. */
    private static final class AxisWeights {
        final int[] start;
        final int[] count;
        final float[] weight;
        final int stride;
        int min = Integer.MAX_VALUE;
        int max;

        private AxisWeights(int out, int stride) {
            this.start = new int[out];
            this.count = new int[out];
            this.weight = new float[out * stride];
            this.stride = stride;
        }

        static AxisWeights of(int size, double start, double length, int out, boolean flip) {
            double step = length / out;
            AxisWeights w = new AxisWeights(out, (int) Math.ceil(Math.max(step, 1.0)) + 2);
            for (int o = 0; o < out; o++) {
                int slot = flip ? out - 1 - o : o;
                if (step > 1.0) {
                    w.area(slot, size, start + o * step, start + (o + 1) * step);
                } else {
                    w.bilinear(slot, size, start + (o + 0.5) * step - 0.5);
                }
            }
            return w;
        }

        private void area(int slot, int size, double a, double b) {
            int first = Math.max(0, (int) Math.floor(a));
            int last = Math.min(size - 1, (int) Math.ceil(b) - 1);
            double total = 0;
            for (int i = first; i <= last; i++) {
                total += Math.min(b, i + 1) - Math.max(a, i);
            }
            for (int i = first; i <= last; i++) {
                weight[slot * stride + i - first] = (float) ((Math.min(b, i + 1) - Math.max(a, i)) / total);
            }
            record(slot, first, last - first + 1);
        }

        private void bilinear(int slot, int size, double centre) {
            double c = Math.min(size - 1, Math.max(0, centre));
            int i0 = (int) Math.floor(c);
            int i1 = Math.min(size - 1, i0 + 1);
            float t = (float) (c - i0);
            weight[slot * stride] = 1f - t;
            weight[slot * stride + 1] = i1 == i0 ? 0f : t;
            record(slot, i0, i1 == i0 ? 1 : 2);
            if (i1 == i0) {
                weight[slot * stride] = 1f;
            }
        }

        private void record(int slot, int first, int n) {
            start[slot] = first;
            count[slot] = n;
            min = Math.min(min, first);
            max = Math.max(max, first + n);
        }
    }
}
