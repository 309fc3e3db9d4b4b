package org.modelkey.transform;

/**
 * How a C×H×W image is cut into M×M blocks and each block flattened into a vector of
 * L = M·M·C values, channel-last: the element at block row r, column c, channel ch sits at index
 * {@code (r*M + c)*C + ch} (ICIP 2021 paper, Sec. 3.2, steps 1–2 and 7; the authors' segment /
 * integrate). Blocks are numbered row by row. Precomputed per-image index maps are built from
 * {@link #offset(int, int, int)}, so every transform shares this one definition.
 */
public record BlockLayout(int blockSize, int channels, int height, int width) {

    /** Checks that H and W are multiples of M, naming the fix otherwise. */
    public BlockLayout {
        if (blockSize < 1 || channels < 1) {
            throw new IllegalArgumentException("block size M=" + blockSize + " and channels C=" + channels
                    + " must be positive: take them from the key");
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size " + height + "×" + width + " is empty: give a positive height and width");
        }
        if (height % blockSize != 0) {
            throw new IllegalArgumentException("image height " + height + " is not a multiple of block size M=" + blockSize
                    + ": crop or resize to a multiple of " + blockSize);
        }
        if (width % blockSize != 0) {
            throw new IllegalArgumentException("image width " + width + " is not a multiple of block size M=" + blockSize
                    + ": crop or resize to a multiple of " + blockSize);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image of " + channels + "×" + height + "×" + width
                    + " values exceeds 2^31: transform it in tiles whose sides are multiples of " + blockSize);
        }
    }

    /** Length L = M·M·C of a flattened block. */
    public int blockLength() {
        return blockSize * blockSize * channels;
    }

    /** Number of values C·H·W in one image. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Number of blocks in one image, (H/M)·(W/M). */
    public int blockCount() {
        return (height / blockSize) * (width / blockSize);
    }

    /** Index in the flattened block of the element at channel ch, row y, column x of the image. */
    public int position(int ch, int y, int x) {
        return ((y % blockSize) * blockSize + x % blockSize) * channels + ch;
    }

    /** Offset in the C×H×W image of element k of the block at block row {@code by}, block column {@code bx}. */
    public int offset(int by, int bx, int k) {
        int ch = k % channels;
        int rc = k / channels;
        return (ch * height + by * blockSize + rc / blockSize) * width + bx * blockSize + rc % blockSize;
    }

    /** Splits one image into its flattened blocks: block b's element k lands at {@code b*L + k}. */
    public float[] split(float[] image) {
        checkSize(image.length, imageSize(), "image");
        float[] blocks = new float[imageSize()];
        int length = blockLength();
        int across = width / blockSize;
        for (int b = 0; b < blockCount(); b++) {
            for (int k = 0; k < length; k++) {
                blocks[b * length + k] = image[offset(b / across, b % across, k)];
            }
        }
        return blocks;
    }

    /**
     * The 8-bit levels round(255·x) of block {@code block} of an image, flattened channel-last as
     * {@link #split(float[])} orders it (docs/design.md, "Exact transform semantics").
     */
    public int[] levels(float[] image, int block) {
        if (block < 0 || block >= blockCount()) {
            throw new IllegalArgumentException("block " + block + " is outside the image's " + blockCount() + " blocks");
        }
        float[] blocks = split(image);
        int[] levels = new int[blockLength()];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = Math.round(blocks[block * levels.length + k] * 255);
        }
        return levels;
    }

    /** Merges flattened blocks back into an image: the exact inverse of {@link #split(float[])}. */
    public float[] merge(float[] blocks) {
        checkSize(blocks.length, imageSize(), "block array");
        float[] image = new float[imageSize()];
        int length = blockLength();
        int across = width / blockSize;
        for (int b = 0; b < blockCount(); b++) {
            for (int k = 0; k < length; k++) {
                image[offset(b / across, b % across, k)] = blocks[b * length + k];
            }
        }
        return image;
    }

    /**
     * Image-wide gather map of a block permutation p (output[k] = input[p[k]] in every block):
     * the transformed image is {@code out[o] = in[map[o]]}.
     */
    int[] gatherMap(int[] permutation) {
        int[] map = new int[imageSize()];
        int across = width / blockSize;
        for (int b = 0; b < blockCount(); b++) {
            int by = b / across;
            int bx = b % across;
            for (int k = 0; k < permutation.length; k++) {
                map[offset(by, bx, k)] = offset(by, bx, permutation[k]);
            }
        }
        return map;
    }

    /** Image-wide copy of a block mask: 1 where the element's block position is selected, else 0. */
    int[] maskMap(boolean[] mask) {
        int[] map = new int[imageSize()];
        for (int ch = 0; ch < channels; ch++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    map[(ch * height + y) * width + x] = mask[position(ch, y, x)] ? 1 : 0;
                }
            }
        }
        return map;
    }

    private static void checkSize(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has " + actual + " values but this layout needs " + expected
                    + ": pass an array of C·H·W values");
        }
    }
}
