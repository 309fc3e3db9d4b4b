package org.modelkey.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modelkey.key.SecretKey;

/**
 * A block-wise transform with a secret key and its inverse (segmentation paper, Sec. 3.2): every
 * M×M block of every image is flattened channel-last ({@link BlockLayout}) and transformed with the
 * same key. Works on one float C×H×W image, on a batch, and on a DJL {@link NDArray} (N×C×H×W or
 * C×H×W) with engine ops on the array's device, all giving the same values.
 *
 * <p>What a key implies for an image size (index maps, tables, and their copies on each device) is
 * computed once and cached. {@link #close()} frees the device copies. Instances are thread-safe.
 * {@code bt::encrypt} is a {@code UnaryOperator<NDArray>} for training.
 */
public abstract class BlockTransform implements AutoCloseable {

    private static final int ONE_BITS = Float.floatToRawIntBits(1f);

    private final SecretKey key;
    private final Map<BlockLayout, Plan> plans = new ConcurrentHashMap<>();

    BlockTransform(SecretKey key) {
        this.key = key;
    }

    /** The transform a key defines: {@link Shuffle} for SHF, {@link NegativePositive} for NP, {@link FfxTransform} for FFX. */
    public static BlockTransform of(SecretKey key) {
        if (key instanceof SecretKey.Shf shf) {
            return new Shuffle(shf);
        }
        return key instanceof SecretKey.Ffx ffx ? new FfxTransform(ffx) : new NegativePositive((SecretKey.Np) key);
    }

    public SecretKey key() {
        return key;
    }

    /** Encrypts one C×H×W image with values in [0,1] into a new array. */
    public float[] encrypt(float[] image, int height, int width) {
        return encrypt(image, 1, height, width);
    }

    /** Decrypts one C×H×W image into a new array. */
    public float[] decrypt(float[] image, int height, int width) {
        return decrypt(image, 1, height, width);
    }

    /** Encrypts a batch of {@code count} C×H×W images stored one after another into a new array. */
    public float[] encrypt(float[] batch, int count, int height, int width) {
        float[] out = new float[batch.length];
        apply(batch, out, count, height, width, true);
        return out;
    }

    /** Decrypts a batch of {@code count} C×H×W images into a new array. */
    public float[] decrypt(float[] batch, int count, int height, int width) {
        float[] out = new float[batch.length];
        apply(batch, out, count, height, width, false);
        return out;
    }

    /** Encrypts a batch from {@code src} into {@code dst} (distinct arrays of the same length). */
    public void encrypt(float[] src, float[] dst, int count, int height, int width) {
        apply(src, dst, count, height, width, true);
    }

    /** Decrypts a batch from {@code src} into {@code dst} (distinct arrays of the same length). */
    public void decrypt(float[] src, float[] dst, int count, int height, int width) {
        apply(src, dst, count, height, width, false);
    }

    /** Encrypts a float32 N×C×H×W or C×H×W array in [0,1]; the result has its shape, device and manager. */
    public NDArray encrypt(NDArray x) {
        return apply(x, true);
    }

    /** Decrypts a float32 N×C×H×W or C×H×W array; the result has its shape, device and manager. */
    public NDArray decrypt(NDArray x) {
        return apply(x, false);
    }

    /** Frees the key's index maps and tables copied to devices; the transform stays usable. */
    @Override
    public void close() {
        plans.values().forEach(Plan::close);
        plans.clear();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " with " + key;
    }

    /** Builds what the key implies for one image size. */
    abstract Plan plan(BlockLayout layout);

    /** Layout of a C×H×W image under this key, validated. */
    public BlockLayout layout(int height, int width) {
        return new BlockLayout(key.blockSize(), key.channels(), height, width);
    }

    private Plan cachedPlan(int height, int width) {
        return plans.computeIfAbsent(layout(height, width), this::plan);
    }

    private void apply(float[] src, float[] dst, int count, int height, int width, boolean encrypt) {
        Plan plan = cachedPlan(height, width);
        int size = plan.layout.imageSize();
        if (count < 1 || (long) count * size != src.length) {
            throw new IllegalArgumentException("array has " + src.length + " values but " + count + " image(s) of "
                    + key.channels() + "×" + height + "×" + width + " need " + (long) count * size
                    + ": the key was made for C=" + key.channels() + " channels; pass a matching count, height and width");
        }
        if (dst.length != src.length || dst == src) {
            throw new IllegalArgumentException("output array must be a different array of " + src.length + " values: allocate a new one");
        }
        if (!inUnitRange(src)) {
            checkUnitRange(src);
        }
        plan.apply(src, dst, count, encrypt);
    }

    private NDArray apply(NDArray x, boolean encrypt) {
        Shape shape = x.getShape();
        if (shape.dimension() != 3 && shape.dimension() != 4) {
            throw new IllegalArgumentException("array of shape " + shape + " is not C×H×W or N×C×H×W: reshape it to images");
        }
        if (x.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("array is " + x.getDataType()
                    + ", not float32 in [0,1]: convert with x.toType(DataType.FLOAT32, false).div(255) for 8-bit images");
        }
        int d = shape.dimension();
        long channels = shape.get(d - 3);
        if (channels != key.channels()) {
            throw new IllegalArgumentException("images have " + channels + " channels but the key was made for C=" + key.channels()
                    + ": convert the images to " + key.channels() + " channels or make a key with C=" + channels);
        }
        Plan plan = cachedPlan(Math.toIntExact(shape.get(d - 2)), Math.toIntExact(shape.get(d - 1)));
        try (NDArray lo = x.min(); NDArray hi = x.max()) {
            checkRange(lo.getFloat(), hi.getFloat());
        }
        long count = d == 4 ? shape.get(0) : 1;
        try (NDArray flat = x.reshape(count, plan.layout.imageSize()); NDArray out = plan.apply(flat, encrypt)) {
            NDArray result = out.reshape(shape);
            result.attach(x.getManager());
            return result;
        }
    }

    /**
     * True when every value is +0 or a positive float up to 1: the IEEE bit patterns of non-negative
     * floats are ordered like ints, so {@code bits | (bits(1) − bits)} is negative exactly for
     * negative values, −0, NaN and values above 1. Branch-free, so the JIT vectorises it to about
     * memory-copy speed (a min/max loop runs several times slower).
     */
    private static boolean inUnitRange(float[] values) {
        int any = 0;
        for (float v : values) {
            int bits = Float.floatToRawIntBits(v);
            any |= bits | (ONE_BITS - bits);
        }
        return any >= 0;
    }

    /** Precise range check with the message, run only when the fast one flagged a value (or −0). */
    private static void checkUnitRange(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        checkRange(lo, hi);
    }

    private static void checkRange(float lo, float hi) {
        if (!(lo >= 0f && hi <= 1f)) {
            throw new IllegalArgumentException("pixel values must lie in [0,1] but range over [" + lo + ", " + hi
                    + "]: divide 8-bit images by 255 and undo any normalisation before transforming");
        }
    }

    /**
     * What a key implies for one image size: the fast loop over a float batch, and the
     * same mapping with engine ops on an N×(C·H·W) array, using per-device copies of its tables.
     */
    abstract static class Plan implements AutoCloseable {
        final BlockLayout layout;
        final DeviceArrays device = new DeviceArrays();
        private final Map<String, Object> repeated = new ConcurrentHashMap<>();

        Plan(BlockLayout layout) {
            this.layout = layout;
        }

        /** Transforms {@code count} images stored one after another in {@code src} (values in [0,1]) into {@code dst}. */
        abstract void apply(float[] src, float[] dst, int count, boolean encrypt);

        /** Transforms an N×(C·H·W) array; the result is a new array, attached anywhere. */
        abstract NDArray apply(NDArray flat, boolean encrypt);

        /**
         * A per-image pattern (an array with one entry per value of an image) repeated for
         * {@code count} images, kept for the largest batch so far. Loops that index it like the
         * batch itself are vectorised by the JIT, unlike loops that add an image offset.
         */
        @SuppressWarnings("unchecked")
        <A> A repeated(String name, A pattern, int count) {
            int n = Array.getLength(pattern);
            A current = (A) repeated.get(name);
            if (current == null || Array.getLength(current) < n * count) {
                current = (A) Array.newInstance(pattern.getClass().getComponentType(), n * count);
                for (int i = 0; i < count; i++) {
                    System.arraycopy(pattern, 0, current, i * n, n);
                }
                repeated.put(name, current);
            }
            return current;
        }

        @Override
        public void close() {
            device.close();
        }
    }
}
