package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassCountsTest {

    @Test
    void countsLabelsAndGivesTheMostFrequentClassesShare() throws Exception {
        int[] labels = {0, 2, 2, 1, 2, 0, 2, 2};
        ClassCounts counts = ClassCounts.of(ByteImages.labelled(1, 1, 1, new byte[labels.length], labels, List.of("a", "b", "c", "d")));
        assertArrayEquals(new int[] {2, 1, 5, 0}, counts.perClass());
        assertEquals(5.0 / 8, counts.bestConstantGuess(), 1e-12, "above 1/classes = 0.25 on this unbalanced set");
    }

    @Test
    void refusesAnEmptySet() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ClassCounts(new int[3]));
        assertTrue(e.getMessage().contains("no labelled image"), e.getMessage());
    }
}
