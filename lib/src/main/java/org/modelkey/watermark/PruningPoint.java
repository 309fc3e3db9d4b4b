package org.modelkey.watermark;

import java.util.List;
import org.modelkey.report.Interval;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A watermarked model after magnitude pruning at one rate (Zhong et al. 2020, "Robustness for
 * pruning attack"): normal test accuracy and fresh-key-sample accuracy.
 *
 * @param dataSet  the task's name
 * @param variant  {@link Embedding#variant()}
 * @param rate     the share of weights asked to be zeroed
 * @param sparsity the share of prunable weights that are zero after pruning
 * @param normal   normal test accuracy over {@code normalN} images
 * @param normalN  test images
 * @param key      fresh-key-sample accuracy over {@code keyN} samples
 * @param keyN     fresh key samples
 */
public record PruningPoint(String dataSet, String variant, double rate, double sparsity, double normal, int normalN,
                           double key, int keyN) {

    // the column names of table()
    public static final String DATA_SET = "data_set";
    public static final String METHOD = "method";
    public static final String RATE = "rate";
    public static final String SPARSITY = "sparsity";
    public static final String NORMAL = "normal_acc";
    public static final String KEY = "key_acc";

    /** The points as a table, with 95 % Wilson intervals of both accuracies. */
    public static Table table(List<PruningPoint> points) {
        Table t = Table.create("06 pruning attack",
                StringColumn.create(DATA_SET, points.stream().map(PruningPoint::dataSet)),
                StringColumn.create(METHOD, points.stream().map(PruningPoint::variant)),
                SweepPoint.column(RATE, points, PruningPoint::rate), SweepPoint.column(SPARSITY, points, PruningPoint::sparsity),
                SweepPoint.column(NORMAL, points, PruningPoint::normal), SweepPoint.column(KEY, points, PruningPoint::key));
        Interval.addWilsonColumns(t, IntColumn.create("n", points.stream().mapToInt(PruningPoint::normalN).toArray()), 1, NORMAL);
        return Interval.addWilsonColumns(t, IntColumn.create("n", points.stream().mapToInt(PruningPoint::keyN).toArray()), 1, KEY);
    }
}
