package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

    private static ByteImages classification(int n) {
        byte[] pixels = new byte[n * 3 * 8 * 8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int k = 0; k < 192; k++) {
                pixels[i * 192 + k] = (byte) (i + k);
            }
        }
        return ByteImages.labelled(3, 8, 8, pixels, labels, List.of("a", "b", "c"));
    }

    @Test
    void recordsFollowTheSharedContract() throws IOException {
        ByteImages src = classification(5);
        ImageDataset ds = ImageDataset.builder(src).setSampling(2, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            Record r = ds.get(m, 4);
            NDArray x = r.getData().singletonOrThrow();
            NDArray y = r.getLabels().singletonOrThrow();
            assertEquals(new Shape(3, 8, 8), x.getShape());
            assertEquals(DataType.FLOAT32, x.getDataType());
            assertArrayEquals(src.sample(4).image().data(), x.toFloatArray());
            assertEquals(new Shape(), y.getShape());
            assertEquals(1, y.getInt());
        }
    }

    @Test
    void segmentationLabelsAreIntMasks() throws IOException {
        byte[] masks = new byte[2 * 16];
        masks[5] = (byte) 255;
        masks[16 + 3] = 2;
        ByteImages src = new ByteImages(2, 3, 4, 4, ByteBuffer.wrap(new byte[96]), null, ByteBuffer.wrap(masks), null,
                List.of("background", "x", "y"));
        ImageDataset ds = ImageDataset.builder(src).setSampling(2, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y0 = ds.get(m, 0).getLabels().singletonOrThrow();
            assertEquals(new Shape(4, 4), y0.getShape());
            assertEquals(DataType.INT32, y0.getDataType());
            assertEquals(255, y0.toIntArray()[5]);
            assertEquals(2, ds.get(m, 1).getLabels().singletonOrThrow().toIntArray()[3]);
        }
    }

    private static List<float[]> epoch(ImageDataset ds, NDManager m, ExecutorService executor)
            throws IOException, TranslateException {
        List<float[]> batches = new ArrayList<>();
        Iterable<Batch> data = executor == null ? ds.getData(m) : ds.getData(m, executor);
        for (Batch b : data) {
            batches.add(b.getData().head().toFloatArray());
            b.close();
        }
        return batches;
    }

    @Test
    void augmentedEpochsAreReproducibleAndPrefetchingChangesNothing() throws Exception {
        ByteImages src = classification(10);
        SampleTransform aug = SampleTransform.standardAugmentation(6);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (NDManager m = NDManager.newBaseManager()) {
            ImageDataset a = ImageDataset.builder(src).setSampling(4, false).optTransform(aug, 9).build();
            ImageDataset b = ImageDataset.builder(src).setSampling(4, false).optTransform(aug, 9)
                    .optPrefetchNumber(2).build();
            List<float[]> a1 = epoch(a, m, null), a2 = epoch(a, m, null);
            List<float[]> b1 = epoch(b, m, pool);
            assertEquals(3, a1.size());
            assertEquals(4 * 3 * 6 * 6, a1.get(0).length);
            for (int i = 0; i < a1.size(); i++) {
                assertArrayEquals(a1.get(i), b1.get(i));
            }
            assertFalse(java.util.Arrays.equals(a1.get(0), a2.get(0)), "a new epoch draws new crops");
            a.restartAugmentation();
            assertArrayEquals(a1.get(0), epoch(a, m, null).get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cachedAugmentationGivesTheSameRecordsAndAugmentsEachReadOnce() throws Exception {
        ByteImages src = classification(10);
        SampleTransform standard = SampleTransform.standardAugmentation(6);
        AtomicInteger calls = new AtomicInteger();
        SampleTransform counted = (s, rng) -> {
            calls.incrementAndGet();
            return standard.apply(s, rng);
        };
        try (NDManager m = NDManager.newBaseManager()) {
            ImageDataset plain = ImageDataset.builder(src).setSampling(4, false).optTransform(standard, 9).build();
            ImageDataset cached = ImageDataset.builder(src).setSampling(4, false).optTransform(counted, 9)
                    .optCachedAugmentation().build();
            List<float[]> expected = new ArrayList<>(epoch(plain, m, null));
            expected.addAll(epoch(plain, m, null));
            for (int model = 0; model < 3; model++) {
                cached.restartAugmentation();
                List<float[]> seen = new ArrayList<>(epoch(cached, m, null));
                seen.addAll(epoch(cached, m, null));
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), seen.get(i), "model " + model + ", batch " + i);
                }
            }
            assertEquals(2 * 10, calls.get(), "two epochs of 10 records, each augmented once for all three models");
            assertEquals(20, cached.cachedSamples());
        }
    }

    @Test
    void cachingWithoutAugmentationIsExplained() {
        var e = assertThrows(IllegalStateException.class,
                () -> ImageDataset.builder(classification(2)).setSampling(2, false).optCachedAugmentation().build());
        assertTrue(e.getMessage().contains("optTransform"), e.getMessage());
    }

    @Test
    void buildingWithoutSamplingIsExplained() {
        var e = assertThrows(IllegalStateException.class, () -> ImageDataset.builder(classification(2)).build());
        assertTrue(e.getMessage().contains("setSampling"), e.getMessage());
    }
}
