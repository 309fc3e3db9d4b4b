package org.modelkey.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import org.modelkey.key.SecretKey;

/**
 * Pixel shuffling (SHF): every flattened block is permuted by the key p, output[k] = input[p[k]];
 * decryption applies the inverse permutation (segmentation paper, Sec. 3.2; the authors' Shuffle).
 * Precomputed as one image-wide gather map per direction.
 */
public final class Shuffle extends BlockTransform {

    private final int[] permutation;
    private final int[] inverse;

    Shuffle(SecretKey.Shf key) {
        super(key);
        permutation = key.permutation();
        inverse = new int[permutation.length];
        for (int k = 0; k < permutation.length; k++) {
            inverse[permutation[k]] = k;
        }
    }

    @Override
    Plan plan(BlockLayout layout) {
        return new GatherPlan(layout, layout.gatherMap(permutation), layout.gatherMap(inverse));
    }

    private static final class GatherPlan extends Plan {
        private final int[] forward;
        private final int[] backward;

        GatherPlan(BlockLayout layout, int[] forward, int[] backward) {
            super(layout);
            this.forward = forward;
            this.backward = backward;
        }

        @Override
        void apply(float[] src, float[] dst, int count, boolean encrypt) {
            int[] map = encrypt ? forward : backward;
            for (int base = 0; base < count * map.length; base += map.length) {
                for (int o = 0; o < map.length; o++) {
                    dst[base + o] = src[base + map[o]];
                }
            }
        }

        @Override
        NDArray apply(NDArray flat, boolean encrypt) {
            int[] map = encrypt ? forward : backward;
            NDArray index = device.get(encrypt ? "forward" : "backward", flat,
                    m -> m.create(Arrays.stream(map).asLongStream().toArray()));
            return flat.get(new NDIndex(":, {}", index));
        }
    }
}
