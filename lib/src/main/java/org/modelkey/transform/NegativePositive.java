package org.modelkey.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import org.modelkey.key.SecretKey;

/**
 * Negative/positive transformation (NP): at the key's selected positions of every flattened block
 * the value is inverted on the 8-bit scale, x' = (255 − 255·x) / 255, elsewhere x' = x
 * (ICIP 2021 paper, steps 4–6 and Eq. 2: XOR with 2^8 − 1, i.e. 255 − p). This is 1 − x (as in the
 * authors' code) to within one float32 rounding, and exactly the 8-bit level 255 − p on 8-bit
 * images, so NP is its own exact inverse there; on other values it is inverted to within 1e-7.
 */
public final class NegativePositive extends BlockTransform {

    private final boolean[] mask;

    NegativePositive(SecretKey.Np key) {
        super(key);
        mask = key.mask();
    }

    @Override
    Plan plan(BlockLayout layout) {
        return new FlipPlan(layout, layout.maskMap(mask));
    }

    private static final class FlipPlan extends Plan {
        private final int[] selected;
        /** w = 1 at selected positions, 0 elsewhere. */
        private final float[] weight;

        FlipPlan(BlockLayout layout, int[] selected) {
            super(layout);
            this.selected = selected;
            weight = new float[selected.length];
            for (int o = 0; o < weight.length; o++) {
                weight[o] = selected[o];
            }
        }

        /**
         * Selects with weights w ∈ {0, 1}: w·x' + (1 − w)·x is exactly x' or x. No branch, and the
         * weights line up with the batch index, so the JIT vectorises the loop.
         */
        @Override
        void apply(float[] src, float[] dst, int count, boolean encrypt) {
            int length = count * selected.length;
            float[] w = repeated("weight", weight, count);
            for (int o = 0; o < length; o++) {
                float v = src[o];
                dst[o] = w[o] * ((255f - 255f * v) / 255f) + (1f - w[o]) * v;
            }
        }

        @Override
        NDArray apply(NDArray flat, boolean encrypt) {
            NDArray mask = device.get("mask", flat, m -> {
                boolean[] b = new boolean[selected.length];
                for (int o = 0; o < b.length; o++) {
                    b[o] = selected[o] != 0;
                }
                return m.create(b);
            });
            try (NDArray where = mask.broadcast(flat.getShape());
                    NDArray scaled = flat.mul(-255f);
                    NDArray negative = scaled.add(255f);
                    NDArray inverted = negative.div(255f)) {
                return NDArrays.where(where, inverted, flat);
            }
        }
    }
}
