package org.modelkey.watermark;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.modelkey.report.Interval;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One model of the α and β sweeps (Zhong et al. 2020, panels (a)-(f)): its normal test accuracy
 * and its accuracy on fresh key samples (the share answered with the watermark label). The
 * non-watermarked model is the row with variant {@value #NONE}, α = β = 0 and no key accuracy.
 *
 * @param dataSet    the task's name
 * @param variant    {@link Embedding#variant()}, or {@value #NONE}
 * @param keyId      the random id of the owner's pattern ({@link KeyedNoise#id()}; empty without a watermark)
 * @param alpha      α (0 for the non-watermarked model)
 * @param beta       β (0 for the non-watermarked model)
 * @param keySamples key samples trained on
 * @param decoys     decoys trained on
 * @param normal     normal test accuracy, over {@code normalN} images
 * @param normalN    test images
 * @param key        fresh-key-sample accuracy, over {@code keyN} samples (NaN without a watermark)
 * @param keyN       fresh key samples
 * @param wallSeconds training and measuring time
 */
public record SweepPoint(String dataSet, String variant, String keyId, double alpha, double beta, int keySamples, int decoys,
                         double normal, int normalN, double key, int keyN, double wallSeconds) {

    /** The variant of the non-watermarked model. */
    public static final String NONE = "none";

    // the column names of table()
    public static final String DATA_SET = "data_set";
    public static final String METHOD = "method";
    public static final String KEY_ID = "key_id";
    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    public static final String KEY_SAMPLES = "key_samples";
    public static final String DECOYS = "decoys";
    public static final String NORMAL = "normal_acc";
    public static final String KEY = "key_acc";
    public static final String WALL = "wall_s";

    /** The points as a table, with 95 % Wilson intervals of both accuracies. */
    public static Table table(List<SweepPoint> points) {
        Table t = Table.create("06 alpha and beta sweeps",
                StringColumn.create(DATA_SET, points.stream().map(SweepPoint::dataSet)),
                StringColumn.create(METHOD, points.stream().map(SweepPoint::variant)),
                StringColumn.create(KEY_ID, points.stream().map(SweepPoint::keyId)),
                column(ALPHA, points, SweepPoint::alpha), column(BETA, points, SweepPoint::beta),
                IntColumn.create(KEY_SAMPLES, points.stream().mapToInt(SweepPoint::keySamples).toArray()),
                IntColumn.create(DECOYS, points.stream().mapToInt(SweepPoint::decoys).toArray()),
                column(NORMAL, points, SweepPoint::normal), column(KEY, points, SweepPoint::key),
                column(WALL, points, p -> Math.round(p.wallSeconds() * 10) / 10.0));
        Interval.addWilsonColumns(t, IntColumn.create("n", points.stream().mapToInt(SweepPoint::normalN).toArray()), 1, NORMAL);
        Interval.addWilsonColumns(t, IntColumn.create("n", points.stream().mapToInt(SweepPoint::keyN).toArray()), 1, KEY);
        return t;
    }

    static <T> DoubleColumn column(String name, List<T> rows, ToDoubleFunction<T> value) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(value));
    }
}
