package org.modelkey.attack;

import org.modelkey.transform.BlockLayout;

/**
 * Second-order statistics of the block positions of a set of images, all an eavesdropper can
 * compute from ciphertexts alone: every M×M block of every image is flattened channel-last as
 * {@link BlockLayout} does (index (r·M + c)·C + ch), and Pearson correlations are taken over
 * all blocks observed, each image's own mean at each position first subtracted (so that what
 * varies between images, their brightness and colour, does not swamp what varies inside one), between
 * <ul>
 *   <li>two positions i, j of one block ({@link #within()}, L×L, symmetric),
 *   <li>position i of a block and position j of its right neighbour ({@link #right()}), and
 *   <li>position i of a block and position j of the block below it ({@link #down()}).
 * </ul>
 * A block-wise transform applies one key to every block, so these matrices are the plain images'
 * own, with rows and columns permuted (SHF), negated (NP) or scrambled (FFX) by the key. A
 * position that never varies correlates 0 with everything.
 */
public final class BlockStatistics {

    private final BlockLayout layout;
    private final int images;
    private final int blocks;
    private final double[][] within;
    private final double[][] right;
    private final double[][] down;

    private BlockStatistics(BlockLayout layout, int images, int blocks, double[][] within, double[][] right,
            double[][] down) {
        this.layout = layout;
        this.images = images;
        this.blocks = blocks;
        this.within = within;
        this.right = right;
        this.down = down;
    }

    /**
     * The statistics of {@code count} C×H×W images stored one after another in {@code batch}
     * (values as the transform wrote them), cut as {@code layout} says.
     */
    public static BlockStatistics of(float[] batch, int count, BlockLayout layout) {
        int size = layout.imageSize();
        if (count < 1 || (long) count * size != batch.length) {
            throw new IllegalArgumentException("array has " + batch.length + " values but " + count + " image(s) of "
                    + layout.channels() + "×" + layout.height() + "×" + layout.width() + " need " + (long) count * size
                    + ": pass the observed images one after another with their count, height and width");
        }
        int length = layout.blockLength();
        int across = layout.width() / layout.blockSize();
        int perImage = layout.blockCount();
        if ((long) count * perImage < 2) {
            throw new IllegalArgumentException("one block gives no correlations: observe at least two blocks"
                    + " (more images, or images larger than one block)");
        }
        Pairs inBlock = new Pairs(length);
        Pairs toRight = new Pairs(length);
        Pairs below = new Pairs(length);
        float[] image = new float[size];
        for (int n = 0; n < count; n++) {
            System.arraycopy(batch, n * size, image, 0, size);
            float[] blocks = layout.split(image);
            centre(blocks, length);
            for (int b = 0; b < perImage; b++) {
                inBlock.add(blocks, b * length, b * length);
                if (b % across + 1 < across) {
                    toRight.add(blocks, b * length, (b + 1) * length);
                }
                if (b + across < perImage) {
                    below.add(blocks, b * length, (b + across) * length);
                }
            }
        }
        return new BlockStatistics(layout, count, count * perImage, inBlock.correlation(), toRight.correlation(),
                below.correlation());
    }

    /** The layout the images were cut with. */
    public BlockLayout layout() {
        return layout;
    }

    /** Number of images observed. */
    public int images() {
        return images;
    }

    /** Number of blocks observed (images × blocks per image). */
    public int blocks() {
        return blocks;
    }

    /** Correlation between positions i and j of one block; a copy. */
    public double[][] within() {
        return copy(within);
    }

    /** Correlation between position i of a block and position j of its right neighbour; a copy. */
    public double[][] right() {
        return copy(right);
    }

    /** Correlation between position i of a block and position j of the block below; a copy. */
    public double[][] down() {
        return copy(down);
    }

    /** Subtracts from every position of every block its mean over this image's blocks. */
    private static void centre(float[] blocks, int length) {
        int count = blocks.length / length;
        double[] mean = new double[length];
        for (int i = 0; i < blocks.length; i++) {
            mean[i % length] += blocks[i];
        }
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] -= (float) (mean[i % length] / count);
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** Running sums for the correlation of position i of one block with position j of another (or the same). */
    private static final class Pairs {
        private final int length;
        private final double[] sumA;
        private final double[] sumB;
        private final double[] squaresA;
        private final double[] squaresB;
        private final double[][] products;
        private long count;

        Pairs(int length) {
            this.length = length;
            sumA = new double[length];
            sumB = new double[length];
            squaresA = new double[length];
            squaresB = new double[length];
            products = new double[length][length];
        }

        void add(float[] blocks, int a, int b) {
            for (int i = 0; i < length; i++) {
                double x = blocks[a + i];
                double y = blocks[b + i];
                sumA[i] += x;
                sumB[i] += y;
                squaresA[i] += x * x;
                squaresB[i] += y * y;
                double[] row = products[i];
                for (int j = 0; j < length; j++) {
                    row[j] += x * blocks[b + j];
                }
            }
            count++;
        }

        double[][] correlation() {
            double[][] r = new double[length][length];
            if (count < 2) {
                return r;
            }
            double[] sdA = new double[length];
            double[] sdB = new double[length];
            for (int i = 0; i < length; i++) {
                sdA[i] = Math.sqrt(Math.max(0, squaresA[i] - sumA[i] * sumA[i] / count));
                sdB[i] = Math.sqrt(Math.max(0, squaresB[i] - sumB[i] * sumB[i] / count));
            }
            for (int i = 0; i < length; i++) {
                for (int j = 0; j < length; j++) {
                    double scale = sdA[i] * sdB[j];
                    r[i][j] = scale < 1e-12 ? 0 : (products[i][j] - sumA[i] * sumB[j] / count) / scale;
                }
            }
            return r;
        }
    }
}
