package org.modelkey.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.modelkey.key.FfxCipher;
import org.modelkey.key.SecretKey;

/**
 * Format-preserving Feistel encryption (FFX) of half of every block (segmentation paper, Sec. 3.2;
 * the authors' FFX): each value becomes the 8-bit v = ⌊255·x⌋; at the key's selected positions v is
 * replaced by its 3-digit FFX encryption E(v) ∈ 0..999 ({@link FfxCipher}, radix 10, keyed by the
 * password); then every value, selected or not, is divided by the table maximum max<sub>v</sub> E(v).
 * Decryption takes w = round(x·max) and maps it back (E⁻¹ at selected positions), divided by 255;
 * it is exact on 8-bit images (x = k/255). The authors truncate w; rounding makes the float32
 * round trip exact. Values that no encryption produces decrypt to whatever E⁻¹ gives, as in the
 * authors' code, and may exceed 1.
 *
 * <p>Both directions are one lookup in a precomputed float table: entry {@code 256·s + v} (encryption)
 * or {@code 1000·s + w} (decryption), where s is 1 at selected positions.
 */
public final class FfxTransform extends BlockTransform {

    /** Number of decimal digits the FFX cipher works on (0..999). */
    public static final int DIGITS = 3;
    private static final int LEVELS = 256;
    private static final int CODES = 1000;

    private final boolean[] mask;
    private final int[] lookup;
    private final float scale;
    private final float[] encryptTable;
    private final float[] decryptTable;

    FfxTransform(SecretKey.Ffx key) {
        super(key);
        mask = key.mask();
        FfxCipher cipher = new FfxCipher(key.password().getBytes(StandardCharsets.UTF_8), 10);
        lookup = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            lookup[v] = cipher.encryptInteger(v, DIGITS);
        }
        scale = Arrays.stream(lookup).max().orElseThrow();
        encryptTable = new float[2 * LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            encryptTable[v] = v / scale;
            encryptTable[LEVELS + v] = lookup[v] / scale;
        }
        decryptTable = new float[2 * CODES];
        for (int w = 0; w < CODES; w++) {
            decryptTable[w] = w / 255f;
            decryptTable[CODES + w] = cipher.decryptInteger(w, DIGITS) / 255f;
        }
    }

    /** The 256-entry table E(v) for v = 0..255, as the authors' {@code generate_lookup} makes it. */
    public int[] lookupTable() {
        return lookup.clone();
    }

    /** The divisor of encrypted values: the largest entry of {@link #lookupTable()}. */
    public int scale() {
        return (int) scale;
    }

    @Override
    Plan plan(BlockLayout layout) {
        return new TablePlan(layout, layout.maskMap(mask));
    }

    private final class TablePlan extends Plan {
        private final int[] selected;
        private final int[] encryptOffsets;
        private final int[] decryptOffsets;

        TablePlan(BlockLayout layout, int[] selected) {
            super(layout);
            this.selected = selected;
            encryptOffsets = new int[selected.length];
            decryptOffsets = new int[selected.length];
            for (int o = 0; o < selected.length; o++) {
                encryptOffsets[o] = selected[o] * LEVELS;
                decryptOffsets[o] = selected[o] * CODES;
            }
        }

        @Override
        void apply(float[] src, float[] dst, int count, boolean encrypt) {
            int length = count * selected.length;
            if (encrypt) {
                int[] offset = repeated("encrypt", encryptOffsets, count);
                for (int o = 0; o < length; o++) {
                    dst[o] = encryptTable[offset[o] + (int) (src[o] * 255f)];
                }
            } else {
                int[] offset = repeated("decrypt", decryptOffsets, count);
                for (int o = 0; o < length; o++) {
                    dst[o] = decryptTable[offset[o] + (int) Math.rint(src[o] * scale)];
                }
            }
        }

        @Override
        NDArray apply(NDArray flat, boolean encrypt) {
            int[] offsetsHere = encrypt ? encryptOffsets : decryptOffsets;
            NDArray offsets = device.get(encrypt ? "encrypt offsets" : "decrypt offsets", flat,
                    m -> m.create(Arrays.stream(offsetsHere).asLongStream().toArray()));
            NDArray table = device.get(encrypt ? "encrypt" : "decrypt", flat,
                    m -> m.create(encrypt ? encryptTable : decryptTable));
            try (NDArray scaled = flat.mul(encrypt ? 255f : scale);
                    NDArray rounded = encrypt ? null : scaled.round();
                    NDArray code = (encrypt ? scaled : rounded).toType(DataType.INT64, false);
                    NDArray index = code.add(offsets)) {
                return table.take(index);
            }
        }
    }
}
