package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.train.SyntheticImages;

class EpochSamplerTest {

    @Test
    void eachEpochIsAFixedPermutationOfItsSeed() {
        int[] first = EpochSampler.training(4, 1, 0).order(50);
        assertArrayEquals(first, EpochSampler.training(4, 1, 0).order(50));
        assertFalse(Arrays.equals(first, EpochSampler.training(4, 1, 1).order(50)), "epochs share an order");
        assertFalse(Arrays.equals(first, EpochSampler.training(4, 2, 0).order(50)), "seeds share an order");
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void skippingResumesTheSameBatchesAndTheLastBatchIsOptional() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset data = SyntheticImages.dataset(manager, 2, 5, 1, 1, 4); // 10 items
            List<List<Long>> all = batches(EpochSampler.training(4, 3, 2).keepingLast(true), data);
            assertEquals(3, all.size());
            assertEquals(2, all.get(2).size());
            assertEquals(all.subList(1, 3), batches(EpochSampler.training(4, 3, 2).keepingLast(true).skipping(1), data));
            assertEquals(all.subList(0, 2), batches(EpochSampler.training(4, 3, 2), data));
            assertEquals(List.of(0L, 1L, 2L, 3L), batches(EpochSampler.inOrder(4), data).get(0));
            assertEquals(2, EpochSampler.batchesPerEpoch(10, 4, true));
            assertEquals(3, EpochSampler.batchesPerEpoch(10, 4, false));
        }
    }

    private static List<List<Long>> batches(EpochSampler sampler, ArrayDataset data) {
        List<List<Long>> out = new ArrayList<>();
        for (Iterator<List<Long>> it = sampler.sample(data); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
