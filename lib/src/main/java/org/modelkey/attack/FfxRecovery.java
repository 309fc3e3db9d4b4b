package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.modelkey.transform.BlockLayout;

/**
 * What {@link CiphertextFfxAttack} recovered of an FFX key from ciphertexts alone: the selected
 * positions, the divisor, and the substitution table as far as the observed codes go. With it the
 * attacker encrypts his own images for the stolen model ({@link #encrypt}) and decrypts what he
 * observes ({@link #decrypt}); the unselected half of every block decrypts exactly.
 *
 * @param blockSize block size M
 * @param channels channel count C
 * @param positions the positions taken as selected, sorted
 * @param scale the divisor found (the table maximum)
 * @param inverse for each code 0..999, the plain 8-bit value estimated for it, −1 when never observed
 * @param forward for each plain value 0..255, the code estimated for it
 * @param predictors for each position, the unselected positions whose mean predicts it
 * @param codesSeen distinct codes observed at the selected positions (256 when the table is complete)
 * @param ranked whether the table was assigned by rank (all 256 codes seen)
 * @param images encrypted images observed
 * @param blocks blocks observed
 * @param seconds wall time of the recovery
 */
public record FfxRecovery(int blockSize, int channels, int[] positions, int scale, int[] inverse, int[] forward,
        int[][] predictors, int codesSeen, boolean ranked, int images, int blocks, double seconds) {

    private static final int LEVELS = 256;

    public FfxRecovery {
        positions = positions.clone();
        inverse = inverse.clone();
        forward = forward.clone();
        predictors = predictors.clone();
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    @Override
    public int[] inverse() {
        return inverse.clone();
    }

    @Override
    public int[] forward() {
        return forward.clone();
    }

    /** The recovered mask: true at the positions taken as selected. */
    public boolean[] mask() {
        boolean[] mask = new boolean[blockSize * blockSize * channels];
        for (int k : positions) {
            mask[k] = true;
        }
        return mask;
    }

    /**
     * Encrypts {@code count} plain C×H×W images in [0,1] as the estimate says FFX does: v = ⌊255·x⌋,
     * the estimated code at the selected positions, v elsewhere, all divided by the divisor.
     */
    public float[] encrypt(float[] batch, int count, int height, int width) {
        BlockLayout layout = checked(batch, count, height, width);
        boolean[] mask = mask();
        float[] out = new float[batch.length];
        int plane = height * width;
        for (int i = 0; i < batch.length; i++) {
            int ch = i / plane % channels;
            int y = i % plane / width;
            if (!(batch[i] >= 0f && batch[i] <= 1f)) {
                throw new IllegalArgumentException("pixel value " + batch[i] + " is outside [0,1]: divide 8-bit images by 255 first");
            }
            int v = (int) (batch[i] * 255f);
            out[i] = (mask[layout.position(ch, y, i % width)] ? forward[v] : v) / (float) scale;
        }
        return out;
    }

    /**
     * {@link #encrypt(float[], int, int, int)} on a float32 N×C×H×W array in [0,1], for feeding the
     * stolen model; the result has the array's shape and manager (computed on the CPU).
     */
    public NDArray encrypt(NDArray x) {
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || shape.get(1) != channels || x.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("array of shape " + shape + " and type " + x.getDataType()
                    + " is not a float32 N×" + channels + "×H×W batch: stack the images into one float32 batch");
        }
        float[] out = encrypt(x.toFloatArray(), Math.toIntExact(shape.get(0)), Math.toIntExact(shape.get(2)),
                Math.toIntExact(shape.get(3)));
        NDArray result = x.getManager().create(out, shape);
        return x.getDevice().equals(result.getDevice()) ? result : result.toDevice(x.getDevice(), false);
    }

    /**
     * Decrypts {@code count} observed C×H×W ciphertexts: unselected positions exactly (code / 255),
     * selected ones by the estimated table, or, for a code never observed, by the prediction from
     * their block's unselected positions.
     */
    public float[] decrypt(float[] batch, int count, int height, int width) {
        BlockLayout layout = checked(batch, count, height, width);
        boolean[] mask = mask();
        int size = layout.imageSize();
        int length = layout.blockLength();
        float[] out = new float[batch.length];
        float[] image = new float[size];
        for (int n = 0; n < count; n++) {
            System.arraycopy(batch, n * size, image, 0, size);
            float[] blocks = layout.split(image);
            float[] plain = new float[size];
            for (int b = 0; b < layout.blockCount(); b++) {
                for (int k = 0; k < length; k++) {
                    int w = Math.min(inverse.length - 1, Math.round(blocks[b * length + k] * scale));
                    double v = !mask[k] ? w
                            : inverse[w] >= 0 ? inverse[w]
                            : CiphertextFfxAttack.predict(blocks, b * length, predictors[k], scale);
                    plain[b * length + k] = (float) Math.min(1, v / 255);
                }
            }
            System.arraycopy(layout.merge(plain), 0, out, n * size, size);
        }
        return out;
    }

    private BlockLayout checked(float[] batch, int count, int height, int width) {
        BlockLayout layout = new BlockLayout(blockSize, channels, height, width);
        if (count < 1 || (long) count * layout.imageSize() != batch.length) {
            throw new IllegalArgumentException("array has " + batch.length + " values but " + count + " image(s) of "
                    + channels + "×" + height + "×" + width + " need " + (long) count * layout.imageSize()
                    + ": pass a matching count, height and width");
        }
        return layout;
    }
}
