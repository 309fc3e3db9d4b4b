package org.modelkey.attack;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link FineTuningAttack} measured: the stolen model before fine-tuning (fraction 0), then one
 * row per fraction of the attacker's data fine-tuned on.
 *
 * @param rows in the order run, the stolen model first
 */
public record FineTuningResult(List<Row> rows) implements AttackResult {

    // the column names of toTable()
    public static final String FRACTION = "fraction";
    public static final String IMAGES = "images";
    public static final String PLAIN = "plain";
    public static final String CORRECT_KEY = "correct_key";
    public static final String FROM_SCRATCH = "from_scratch_plain";

    /**
     * @param fraction part of the attacker's data fine-tuned on (0: the stolen model)
     * @param images images fine-tuned on
     * @param plain test accuracy on plain images
     * @param correctKey test accuracy with the correct key
     * @param fromScratch plain test accuracy of the same images trained from scratch (NaN for the stolen model)
     */
    public record Row(double fraction, int images, double plain, double correctKey, double fromScratch) {}

    public FineTuningResult {
        rows = List.copyOf(rows);
    }

    @Override
    public Table toTable() {
        return Table.create("fine-tuning attack",
                DoubleColumn.create(FRACTION, rows.stream().mapToDouble(Row::fraction)),
                IntColumn.create(IMAGES, rows.stream().mapToInt(Row::images).toArray()),
                DoubleColumn.create(PLAIN, rows.stream().mapToDouble(Row::plain)),
                DoubleColumn.create(CORRECT_KEY, rows.stream().mapToDouble(Row::correctKey)),
                DoubleColumn.create(FROM_SCRATCH, rows.stream().mapToDouble(Row::fromScratch)));
    }
}
