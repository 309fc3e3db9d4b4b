package org.modelkey.attack;

/**
 * A prior of the correlations between the pixels of natural images, for matching against what a
 * ciphertext shows ({@link CiphertextShfAttack}): the correlation of two values decays with the
 * distance d between their pixels as exp(−d / {@code scale}), and two channels of one pixel or of
 * nearby pixels correlate {@code channelFactor} times as much as one channel does. The matrices
 * are over the positions of a flattened block, (r·M + c)·C + ch, for two positions of one block and
 * for a position of a block and one of its right or lower neighbour.
 *
 * @param scale distance in pixels over which the correlation falls by a factor e
 * @param channelFactor factor for a pair of different channels, in (0, 1]; every pair of channels alike
 */
public record NaturalImagePrior(double scale, double channelFactor) {

    /**
     * Correlation falling by e over 2 pixels, different channels at half of one channel's. Chosen by
     * measurement on the kit's stamp scenes (SHF, M = 4, 32×32): with a channel factor of 0.9, near
     * the true correlation of RGB channels, two observed images placed only 15 of 48 positions (the
     * search found a better fit than the true permutation); with 0.5, every count of 1 to 100 images
     * placed all 48, on tiles of the background photographs too. It also picks better predictors for
     * the FFX table (116 exact entries from 100 images instead of 71).
     */
    public static final NaturalImagePrior DEFAULT = new NaturalImagePrior(2, 0.5);

    public NaturalImagePrior {
        if (!(scale > 0) || !(channelFactor > 0 && channelFactor <= 1)) {
            throw new IllegalArgumentException("prior scale " + scale + " must be positive and channel factor "
                    + channelFactor + " in (0, 1]: e.g. " + 2.0 + " and " + 0.9);
        }
    }

    /** Prior correlation between positions i and j of one block (dx = dy = 0) or of blocks offset by (dy, dx) blocks. */
    public double[][] matrix(int blockSize, int channels, int blockRowOffset, int blockColumnOffset) {
        int length = blockSize * blockSize * channels;
        double[][] m = new double[length][length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < length; j++) {
                int ri = i / channels / blockSize;
                int ci = i / channels % blockSize;
                int rj = j / channels / blockSize + blockRowOffset * blockSize;
                int cj = j / channels % blockSize + blockColumnOffset * blockSize;
                double d = Math.hypot(ri - rj, ci - cj);
                m[i][j] = Math.exp(-d / scale) * (i % channels == j % channels ? 1 : channelFactor);
            }
        }
        return m;
    }
}
