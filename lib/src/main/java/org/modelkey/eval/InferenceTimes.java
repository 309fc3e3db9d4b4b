package org.modelkey.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modelkey.report.Numbers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Inference time with and without the key transform at several batch sizes: the measurement behind
 * ICIP 2021 Table 3's "Overhead: No" for the proposed method.
 *
 * @param byBatch the timing of each batch size, smallest first
 */
public record InferenceTimes(Map<Integer, InferenceTime> byBatch) {

    // the column names of toTable()
    public static final String BATCH = "batch";
    public static final String PLAIN_MS_PER_IMAGE = "plain_ms_per_image";
    public static final String KEYED_MS_PER_IMAGE = "keyed_ms_per_image";
    public static final String INFERENCE_OVERHEAD_PERCENT = "inference_overhead_percent";

    public InferenceTimes {
        if (byBatch.isEmpty()) {
            throw new IllegalArgumentException("no batch size was timed: time at least one");
        }
        byBatch = new LinkedHashMap<>(byBatch);
    }

    @Override
    public Map<Integer, InferenceTime> byBatch() {
        return new LinkedHashMap<>(byBatch);
    }

    /** @return the largest batch size timed */
    public int largestBatch() {
        return byBatch.keySet().stream().mapToInt(Integer::intValue).max().getAsInt();
    }

    /** @return the timing of {@code batch} images at once */
    public InferenceTime at(int batch) {
        InferenceTime t = byBatch.get(batch);
        if (t == null) {
            throw new IllegalArgumentException("batch " + batch + " was not timed; timed: " + byBatch.keySet());
        }
        return t;
    }

    /**
     * @return one row per batch size: milliseconds per image without and with the key (three
     *     decimals) and the overhead in % (one decimal)
     */
    public Table toTable() {
        IntColumn batch = IntColumn.create(BATCH);
        DoubleColumn plain = DoubleColumn.create(PLAIN_MS_PER_IMAGE), keyed = DoubleColumn.create(KEYED_MS_PER_IMAGE);
        DoubleColumn overhead = DoubleColumn.create(INFERENCE_OVERHEAD_PERCENT);
        byBatch.forEach((n, t) -> {
            batch.append(n);
            plain.append(Numbers.round(t.plainMillisPerImage(), 3));
            keyed.append(Numbers.round(t.keyedMillisPerImage(), 3));
            overhead.append(Numbers.round(100 * t.overhead(), 1));
        });
        return Table.create("inference time per image with and without the key", batch, plain, keyed, overhead);
    }
}
