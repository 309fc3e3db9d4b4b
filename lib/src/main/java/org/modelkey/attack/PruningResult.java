package org.modelkey.attack;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link PruningAttack} measured: one row per pruning rate.
 *
 * @param name e.g. {@code pruning attack (GLOBAL, fine-tuned)}
 * @param rows in the order of the rates
 */
public record PruningResult(String name, List<Row> rows) implements AttackResult {

    // the column names of toTable()
    public static final String RATE = "rate";
    public static final String SPARSITY = "sparsity";
    public static final String CORRECT = "correct";
    public static final String INCORRECT_MEAN = "incorrect_mean";
    public static final String INCORRECT_STD = "incorrect_std";
    public static final String PLAIN = "plain";

    /**
     * @param rate the pruning rate asked for
     * @param sparsity the fraction of prunable weights actually zeroed
     * @param correct accuracy with the correct key
     * @param incorrectMean mean accuracy over the incorrect keys
     * @param incorrectStd their standard deviation
     * @param plain accuracy on plain images
     */
    public record Row(double rate, double sparsity, double correct, double incorrectMean, double incorrectStd,
            double plain) {}

    public PruningResult {
        rows = List.copyOf(rows);
    }

    @Override
    public Table toTable() {
        return Table.create(name,
                DoubleColumn.create(RATE, rows.stream().mapToDouble(Row::rate)),
                DoubleColumn.create(SPARSITY, rows.stream().mapToDouble(Row::sparsity)),
                DoubleColumn.create(CORRECT, rows.stream().mapToDouble(Row::correct)),
                DoubleColumn.create(INCORRECT_MEAN, rows.stream().mapToDouble(Row::incorrectMean)),
                DoubleColumn.create(INCORRECT_STD, rows.stream().mapToDouble(Row::incorrectStd)),
                DoubleColumn.create(PLAIN, rows.stream().mapToDouble(Row::plain)));
    }
}
