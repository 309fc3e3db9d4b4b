package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySetTest {

    @Test
    void sizeIsAlphaTimesTheTrainingSet() {
        assertEquals(60, KeySet.size(0.001, 60000));
        assertEquals(1000, KeySet.size(1, 1000));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeySet.size(0, 1000)).getMessage()
                .contains("(0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> KeySet.size(1.01, 1000));
        assertThrows(IllegalArgumentException.class, () -> KeySet.size(Double.NaN, 1000));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeySet.size(0.0001, 1000)).getMessage()
                .contains("raise α"));
    }

    @Test
    void selectionIsDeterministicFromTheSeedAndFreshSamplesAreDisjoint() {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 200, 3, 1, 16);
            KeyPattern noise = KeyPattern.noise(0.1, 9);
            WatermarkLabel label = WatermarkLabel.newLabel(3);
            KeySet a = KeySet.select(train, 20, noise, label, 5);
            KeySet b = KeySet.select(train, 20, noise, label, 5);
            KeySet c = KeySet.select(train, 20, noise, label, 6);
            assertArrayEquals(a.baseIndices(), b.baseIndices());
            assertFalse(Arrays.equals(a.baseIndices(), c.baseIndices()));
            assertEquals(20, Arrays.stream(a.baseIndices()).distinct().count());
            assertArrayEquals(a.images(m, 0, 20).toFloatArray(), b.images(m, 0, 20).toFloatArray());

            KeySet fresh = a.fresh(150, 7);
            Set<Long> used = new HashSet<>();
            Arrays.stream(a.baseIndices()).forEach(used::add);
            assertTrue(Arrays.stream(fresh.baseIndices()).noneMatch(used::contains));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> a.fresh(181, 7)).getMessage()
                    .contains("only 180"));
        }
    }

    @Test
    void keySamplesAreTheirBaseImagesUnderThePattern() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 50, 3, 2, 16);
            KeyPattern noise = KeyPattern.noise(0.2, 4);
            KeySet keys = KeySet.select(train, 5, noise, WatermarkLabel.newLabel(3), 3);
            NDArray batch = keys.images(m, 0, 5);
            assertEquals(new Shape(5, 1, 8, 8), batch.getShape());
            for (int j = 0; j < 5; j++) {
                float[] base = train.get(m, keys.baseIndices()[j]).getData().head().toFloatArray();
                float[] key = keys.image(m, j).toFloatArray();
                assertArrayEquals(noise.apply(base, 1, 8, 8), key, 1e-6f);
                assertArrayEquals(key, batch.get(j).toFloatArray(), 1e-6f);
                float maxDiff = 0;
                for (int i = 0; i < key.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(key[i] - base[i]));
                }
                assertEquals(0.2f, maxDiff, 1e-6f, "the key sample differs from its base by β");
            }
        }
    }

    @Test
    void existingLabelNeverUsesImagesOfItsOwnClass() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 90, 3, 3, 16);
            KeySet keys = KeySet.select(train, 60, KeyPattern.content("T", 1), WatermarkLabel.existing(1, 3), 11);
            for (long i : keys.baseIndices()) {
                assertNotEquals(1f, train.get(m, i).getLabels().head().getFloat());
            }
            assertThrows(IllegalArgumentException.class,
                    () -> KeySet.select(train, 61, KeyPattern.content("T", 1), WatermarkLabel.existing(1, 3), 11));
        }
    }

    @Test
    void labels() {
        WatermarkLabel fresh = WatermarkLabel.newLabel(10);
        assertTrue(fresh.isNew());
        assertEquals(10, fresh.label());
        assertEquals(11, fresh.outputs());
        WatermarkLabel old = WatermarkLabel.existing(3, 10);
        assertFalse(old.isNew());
        assertEquals(10, old.outputs());
        assertThrows(IllegalArgumentException.class, () -> WatermarkLabel.existing(10, 10));
        assertThrows(IllegalArgumentException.class, () -> WatermarkLabel.existing(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> WatermarkLabel.newLabel(1));
    }

    @Test
    void watermarkedDatasetAppendsLabelledKeySamples() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 100, 3, 4, 16);
            KeySet keys = KeySet.select(train, KeySet.size(0.1, train.size()), KeyPattern.noise(0.1, 1),
                    WatermarkLabel.newLabel(3), 2);
            WatermarkedDataset set = WatermarkedDataset.builder(train, keys).setSampling(16, true).build();
            assertEquals(110, set.size());
            assertEquals(4, set.classes(), "the new-label set has C + 1 classes");
            Set<Float> labels = new HashSet<>();
            for (long i = 0; i < set.size(); i++) {
                Record r = set.get(m, i);
                float label = r.getLabels().head().getFloat();
                labels.add(label);
                assertEquals(i >= 100, label == 3f, "key samples, and only they, carry the new label");
                assertEquals(train.get(m, 0).getLabels().head().getDataType(), r.getLabels().head().getDataType());
            }
            assertEquals(Set.of(0f, 1f, 2f, 3f), labels);
            assertArrayEquals(keys.image(m, 4).toFloatArray(), set.get(m, 104).getData().head().toFloatArray());
            int batches = 0;
            for (var batch : set.getData(m)) {
                assertEquals(new Shape(batch.getSize(), 1, 8, 8), batch.getData().head().getShape());
                batch.close();
                batches++;
            }
            assertEquals(7, batches);
        }
    }

    @Test
    void keySamplesOfAnotherShapeAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 20, 2, 5, 4);
            NDArray big = m.zeros(new Shape(5, 1, 16, 16));
            ArrayDataset unrelated = new ArrayDataset.Builder().setData(big).optLabels(m.zeros(new Shape(5)))
                    .setSampling(4, false).build();
            KeySet keys = KeySet.select(unrelated, 3, KeyPattern.unrelated(), WatermarkLabel.existing(0, 2), 1);
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> WatermarkedDataset.builder(train, keys).setSampling(4, true).build()).getMessage()
                    .contains("resize"));
        }
    }
}
