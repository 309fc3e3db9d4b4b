package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Record;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecoySetTest {

    private static final double BETA = 0.1;

    @Test
    void decoysKeepTheirBaseLabelAndEachCarriesItsOwnPattern() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset bases = SyntheticSet.of(m, 40, 3, 1, 8);
            DecoySet decoys = DecoySet.select(bases, 10, BETA, 7, 11);
            assertEquals(10, decoys.size());
            Set<String> differences = new HashSet<>();
            for (int j = 0; j < decoys.size(); j++) {
                Record decoy = decoys.get(m, j);
                float[] image = decoy.getData().head().toFloatArray();
                int label = (int) decoy.getLabels().head().getFloat();
                boolean found = false;
                for (int i = 0; i < bases.size() && !found; i++) {
                    Record base = bases.get(m, i);
                    float[] b = base.getData().head().toFloatArray();
                    float[] d = new float[b.length];
                    boolean close = true;
                    for (int p = 0; p < b.length; p++) {
                        d[p] = Math.round((image[p] - b[p]) * 1000);
                        close &= Math.abs(image[p] - b[p]) <= BETA + 1e-6;
                    }
                    if (close && (int) base.getLabels().head().getFloat() == label) {
                        found = true;
                        differences.add(java.util.Arrays.toString(d));
                    }
                }
                assertTrue(found, "decoy " + j + " is a base image within β under its true label");
            }
            assertEquals(10, differences.size(), "every decoy has a pattern of its own");
        }
    }

    @Test
    void equalSeedsGiveEqualDecoysAndBadCountsAreRefused() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset bases = SyntheticSet.of(m, 20, 2, 1, 4);
            float[] a = DecoySet.select(bases, 5, BETA, 3, 4).get(m, 2).getData().head().toFloatArray();
            float[] b = DecoySet.select(bases, 5, BETA, 3, 4).get(m, 2).getData().head().toFloatArray();
            float[] c = DecoySet.select(bases, 5, BETA, 9, 4).get(m, 2).getData().head().toFloatArray();
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, c), "another secret gives other patterns");
            assertThrows(IllegalArgumentException.class, () -> DecoySet.select(bases, 21, BETA, 3, 4));
            assertThrows(IllegalArgumentException.class, () -> DecoySet.size(0, 100));
            assertEquals(5, DecoySet.size(0.05, 100));
        }
    }

    @Test
    void aWatermarkedDatasetListsNormalImagesThenKeySamplesThenDecoys() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset normal = SyntheticSet.of(m, 30, 3, 2, 8);
            KeySet keys = KeySet.select(normal, 3, new KeyedNoise(BETA, 5), WatermarkLabel.newLabel(3), 6);
            DecoySet decoys = DecoySet.select(normal, 4, BETA, 8, 9);
            WatermarkedDataset data = WatermarkedDataset.builder(normal, keys).optDecoys(decoys).setSampling(8, true).build();
            assertEquals(37, data.size());
            assertEquals(4, data.decoyCount());
            assertEquals(3f, data.get(m, 30).getLabels().head().getFloat(), "key samples get the new label");
            float decoyLabel = data.get(m, 36).getLabels().head().getFloat();
            assertEquals(decoys.get(m, 3).getLabels().head().getFloat(), decoyLabel, "decoys keep their true label");
            assertTrue(decoyLabel < 3);
        }
    }
}
