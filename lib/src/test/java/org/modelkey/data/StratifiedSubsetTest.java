package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StratifiedSubsetTest {

    /** 3 classes of 100, 50 and 30 samples, interleaved. */
    private static ByteImages unbalanced() {
        int[] labels = new int[180];
        for (int i = 0; i < 180; i++) {
            labels[i] = i < 150 ? i % 3 == 0 ? 1 : 0 : 2;
        }
        return ByteImages.labelled(1, 1, 1, new byte[180], labels, List.of("a", "b", "c"));
    }

    private static int[] perClass(ImageSource s) throws IOException {
        int[] counts = new int[s.classes().size()];
        for (int i = 0; i < s.size(); i++) {
            counts[s.label(i)]++;
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 20, 30, 100})
    void takesThePercentageOfEveryClass(double percent) throws IOException {
        ByteImages set = unbalanced();
        int[] full = perClass(set);
        int[] sub = perClass(StratifiedSubset.of(set, percent, 7));
        for (int c = 0; c < full.length; c++) {
            assertEquals(Math.round(full[c] * percent / 100), sub[c], "class " + c);
        }
    }

    @Test
    void theChoiceDependsOnlyOnTheSeed() throws IOException {
        ByteImages set = unbalanced();
        assertArrayEquals(StratifiedSubset.indices(set, 20, 3), StratifiedSubset.indices(set, 20, 3));
        assertFalse(Arrays.equals(StratifiedSubset.indices(set, 20, 3), StratifiedSubset.indices(set, 20, 4)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -5, 100.5, Double.NaN})
    void percentagesOutsideZeroToHundredAreRejected(double percent) {
        var e = assertThrows(IllegalArgumentException.class, () -> StratifiedSubset.indices(unbalanced(), percent, 1));
        assertTrue(e.getMessage().contains("(0, 100]"), e.getMessage());
    }

    @Test
    void aSplitIsDisjointCompleteAndStratified() throws IOException {
        ByteImages set = unbalanced();
        TrainTestSplit<ImageSource> split = StratifiedSubset.split(set, 30, 5);
        assertEquals(180, split.train().size() + split.test().size());
        assertArrayEquals(new int[] {30, 15, 9}, perClass(split.test()));
        assertArrayEquals(new int[] {70, 35, 21}, perClass(split.train()));
    }
}
