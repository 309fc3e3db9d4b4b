package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    // truth:      0 0 0 1 1 2 2 2
    // predicted:  0 0 1 1 1 2 0 2   -> 6 of 8 right
    private static final Predictions SAMPLE = new Predictions(
            new int[] {0, 0, 1, 1, 1, 2, 0, 2}, new int[] {0, 0, 0, 1, 1, 2, 2, 2}, 3);

    @Test
    void accuracyAndConfusionCountsComeFromTribuo() {
        ClassificationReport report = ClassificationReport.of(SAMPLE, List.of("cat", "dog", "fox"));
        assertEquals(0.75, report.accuracy(), 1e-12);
        assertEquals(SAMPLE.accuracy(), report.accuracy(), 1e-12);
        assertEquals(2, report.count(0, 0));
        assertEquals(1, report.count(0, 1)); // a cat taken for a dog
        assertEquals(1, report.count(2, 0)); // a fox taken for a cat
        assertEquals(0, report.count(1, 0));
        // per-class F1: cat 2/3, dog 0.8, fox 0.8
        assertEquals((2.0 / 3 + 0.8 + 0.8) / 3, report.macroF1(), 1e-9);
        assertTrue(report.toString().contains("accuracy 0.7500"), report.toString());
    }

    @Test
    void classesNeverSeenStillBelongToTheDomain() {
        Predictions onlyZeros = new Predictions(new int[] {0, 0}, new int[] {0, 0}, 4);
        ClassificationReport report = ClassificationReport.of(onlyZeros, null);
        assertEquals(1.0, report.accuracy(), 1e-12);
        assertEquals(4, report.confusionMatrix().getDomain().size());
    }

    @Test
    void mismatchedNamesOrIndicesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(SAMPLE, List.of("a")))
                .getMessage().contains("one name per class"));
        Predictions outside = new Predictions(new int[] {5}, new int[] {0}, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(outside, null))
                .getMessage().contains("class index 5"));
    }
}
