package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.BlockTransform;
import org.modelkey.transform.FfxTransform;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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

    /** Column: entries v → E(v) of the 256-entry table recovered exactly. */
    public static final String TABLE_RIGHT = "table_right";
    /** Column: mean |estimated v − v| over the codes observed, in 8-bit levels. */
    public static final String TABLE_MEAN_ERROR = "table_mean_abs_error";
    /** Column: distinct codes observed at the selected positions, of 256. */
    public static final String CODES_SEEN = "codes_seen";
    /** Column: whether the divisor found equals the true table maximum. */
    public static final String DIVISOR_RIGHT = "divisor_right";

    private static final int LEVELS = 256;

    public FfxRecovery {
        positions = positions.clone();
        inverse = inverse.clone();
        forward = forward.clone();
        predictors = predictors.clone();
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

    /** Mask bits right against the true key. */
    public int right(SecretKey.Ffx truth) {
        checkShape(truth);
        boolean[] a = mask();
        boolean[] b = truth.mask();
        int right = 0;
        for (int k = 0; k < a.length; k++) {
            right += a[k] == b[k] ? 1 : 0;
        }
        return right;
    }

    /** Entries v → E(v) of the true key's table recovered exactly. */
    public int tableRight(SecretKey.Ffx truth) {
        int[] table = trueTable(truth);
        int right = 0;
        for (int v = 0; v < LEVELS; v++) {
            right += forward[v] == table[v] ? 1 : 0;
        }
        return right;
    }

    /** Mean |estimated v − v| in 8-bit levels over the codes E(v) observed; NaN when none was. */
    public double tableMeanError(SecretKey.Ffx truth) {
        int[] table = trueTable(truth);
        double sum = 0;
        int n = 0;
        for (int v = 0; v < LEVELS; v++) {
            if (inverse[table[v]] >= 0) {
                sum += Math.abs(inverse[table[v]] - v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** One row scored against {@code truth}: {@link CiphertextRecovery}'s columns (one candidate) and the table's. */
    public Table toTable(SecretKey.Ffx truth) {
        int right = right(truth);
        int length = truth.length();
        boolean divisorRight;
        try (FfxTransform t = (FfxTransform) BlockTransform.of(truth)) {
            divisorRight = t.scale() == scale;
        }
        return Table.create("ciphertext-only FFX",
                StringColumn.create(CiphertextRecovery.KIND, KeyKind.FFX.name()),
                IntColumn.create(CiphertextRecovery.BLOCK_SIZE, new int[] {blockSize}),
                IntColumn.create(CiphertextRecovery.CHANNELS, new int[] {channels}),
                IntColumn.create(CiphertextRecovery.IMAGES_OBSERVED, new int[] {images}),
                IntColumn.create(CiphertextRecovery.BLOCKS_OBSERVED, new int[] {blocks}),
                IntColumn.create(CiphertextRecovery.CANDIDATES, new int[] {1}),
                IntColumn.create(CiphertextRecovery.RIGHT, new int[] {right}),
                IntColumn.create(CiphertextRecovery.OUT_OF, new int[] {length}),
                DoubleColumn.create(CiphertextRecovery.SHARE_RIGHT, (double) right / length),
                StringColumn.create(CiphertextRecovery.UNIT, "bits"),
                DoubleColumn.create(CiphertextRecovery.SECONDS, seconds),
                StringColumn.create(CiphertextRecovery.KEY_ID, truth.id()),
                StringColumn.create(DIVISOR_RIGHT, String.valueOf(divisorRight)),
                IntColumn.create(CODES_SEEN, new int[] {codesSeen}),
                IntColumn.create(TABLE_RIGHT, new int[] {tableRight(truth)}),
                DoubleColumn.create(TABLE_MEAN_ERROR, tableMeanError(truth)));
    }

    private int[] trueTable(SecretKey.Ffx truth) {
        checkShape(truth);
        try (FfxTransform t = (FfxTransform) BlockTransform.of(truth)) {
            return t.lookupTable();
        }
    }

    private void checkShape(SecretKey truth) {
        Objects.requireNonNull(truth, "true key");
        if (truth.blockSize() != blockSize || truth.channels() != channels) {
            throw new IllegalArgumentException("the true key has M=" + truth.blockSize() + ", C=" + truth.channels()
                    + " but the recovery was for M=" + blockSize + ", C=" + channels + ": score against the key that encrypted the images");
        }
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
