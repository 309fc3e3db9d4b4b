package org.modelkey.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void wilsonMatchesPublishedValues() {
        // 5 of 10, 0 of 10 and 90 of 100 (Wilson 1927; e.g. Newcombe 1998, Table I)
        Interval half = Interval.wilson(0.5, 10);
        assertEquals(0.2366, half.low(), 1e-4);
        assertEquals(0.7634, half.high(), 1e-4);
        Interval none = Interval.wilson(0.0, 10);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 1e-4);
        Interval ninety = Interval.wilson(0.9, 100);
        assertEquals(0.8256, ninety.low(), 1e-4);
        assertEquals(0.9448, ninety.high(), 1e-4);
    }

    @Test
    void wilsonRejectsPercentagesAndEmptySets() {
        var e = assertThrows(IllegalArgumentException.class, () -> Interval.wilson(73.4, 100));
        assertTrue(e.getMessage().contains("pass 0.734, not 73.4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Interval.wilson(0.5, 0));
    }

    @Test
    void bootstrapIsDeterministicFromItsSeedAndCoversTheMean() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) values[i] = (i * 37 % 101) / 100.0;
        double mean = Arrays.stream(values).average().orElseThrow();
        java.util.function.ToDoubleFunction<int[]> weightedMean = w -> {
            double s = 0;
            int n = 0;
            for (int i = 0; i < w.length; i++) { s += w[i] * values[i]; n += w[i]; }
            return s / n;
        };
        Interval a = Interval.bootstrap(values.length, weightedMean, 500, 11);
        assertEquals(a, Interval.bootstrap(values.length, weightedMean, 500, 11));
        assertNotEquals(a, Interval.bootstrap(values.length, weightedMean, 500, 12));
        assertTrue(a.low() < mean && mean < a.high(), a + " around " + mean);
        // standard error of the mean of ~uniform[0,1] values: 0.29/sqrt(200) = 0.0205, so the 95 % half-width ~0.04
        assertEquals(0.04, a.halfWidth(), 0.01);
    }

    @Test
    void wilsonColumnsSitBesideEachAccuracyInItsUnit() {
        var t = tech.tablesaw.api.Table.create("t", tech.tablesaw.api.DoubleColumn.create("acc", new double[] {50.0, Double.NaN}));
        Interval.addWilsonColumns(t, 10, 100, "acc");
        assertEquals(java.util.List.of("acc", "acc_low", "acc_high"), t.columnNames());
        assertEquals(23.66, t.doubleColumn("acc_low").get(0), 1e-2);
        assertEquals(76.34, t.doubleColumn("acc_high").get(0), 1e-2);
        assertTrue(t.doubleColumn("acc_low").isMissing(1));
    }

    @Test
    void overlapAndPercentiles() {
        assertTrue(new Interval(0.1, 0.3).overlaps(new Interval(0.3, 0.5)));
        assertFalse(new Interval(0.1, 0.2).overlaps(new Interval(0.3, 0.5)));
        assertEquals(2.5, Interval.percentile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.5, 0.1));
    }
}
