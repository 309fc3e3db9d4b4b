package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class InferenceTimesTest {

    private static InferenceTimes times() {
        Map<Integer, InferenceTime> byBatch = new LinkedHashMap<>();
        byBatch.put(1, new InferenceTime(2.00049, 2.5));
        byBatch.put(250, new InferenceTime(0.1, 0.10246));
        return new InferenceTimes(byBatch);
    }

    @Test
    void oneRowPerBatchSizeRounded() {
        Table t = times().toTable();
        assertEquals(List.of(1, 250), t.intColumn(InferenceTimes.BATCH).asList());
        assertEquals(List.of(2.0, 0.1), t.doubleColumn(InferenceTimes.PLAIN_MS_PER_IMAGE).asList());
        assertEquals(0.102, t.doubleColumn(InferenceTimes.KEYED_MS_PER_IMAGE).get(1));
        assertEquals(25.0, t.doubleColumn(InferenceTimes.INFERENCE_OVERHEAD_PERCENT).get(0), 1e-9);
        assertEquals(2.5, t.doubleColumn(InferenceTimes.INFERENCE_OVERHEAD_PERCENT).get(1), 1e-9);
        assertEquals(250, times().largestBatch());
        assertEquals(2.5, times().at(1).keyedMillisPerImage());
    }

    @Test
    void anUntimedBatchOrNoTimingIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> times().at(64));
        assertTrue(e.getMessage().contains("batch 64 was not timed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InferenceTimes(Map.of()));
    }
}
