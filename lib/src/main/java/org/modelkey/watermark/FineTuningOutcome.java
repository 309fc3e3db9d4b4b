package org.modelkey.watermark;

import java.util.List;
import java.util.Map;
import org.modelkey.report.Interval;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A watermarked model before and after the fine-tuning attack (Zhong et al. 2020, "Robustness for
 * fine-tuning attack"): the attacker trains the stolen model on its own labelled images.
 *
 * @param dataSet        the task's name
 * @param variant        {@link Embedding#variant()}
 * @param attackerImages images the attacker fine-tuned on
 * @param epochs         fine-tuning epochs
 * @param learningRate   the constant fine-tuning learning rate
 * @param normalBefore   normal test accuracy before
 * @param normalAfter    normal test accuracy after
 * @param normalN        test images
 * @param keyBefore      fresh-key-sample accuracy before
 * @param keyAfter       fresh-key-sample accuracy after
 * @param keyN           fresh key samples
 * @param wallSeconds    time of the attack
 */
public record FineTuningOutcome(String dataSet, String variant, int attackerImages, int epochs, double learningRate,
                                double normalBefore, double normalAfter, int normalN, double keyBefore,
                                double keyAfter, int keyN, double wallSeconds) {

    // the column names of table()
    public static final String DATA_SET = "data_set";
    public static final String METHOD = "method";
    public static final String NORMAL_AFTER = "normal_after";
    public static final String NORMAL_BEFORE = "normal_before";
    public static final String KEY_AFTER = "key_after";
    public static final String KEY_BEFORE = "key_before";
    public static final String ATTACKER_IMAGES = "attacker_images";
    public static final String EPOCHS = "epochs";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String WALL = "wall_s";

    /** The outcomes as a table, with 95 % Wilson intervals of the four accuracies. */
    public static Table table(List<FineTuningOutcome> outcomes) {
        Table t = Table.create("06 fine-tuning attack",
                StringColumn.create(DATA_SET, outcomes.stream().map(FineTuningOutcome::dataSet)),
                StringColumn.create(METHOD, outcomes.stream().map(FineTuningOutcome::variant)),
                SweepPoint.column(NORMAL_AFTER, outcomes, FineTuningOutcome::normalAfter),
                SweepPoint.column(NORMAL_BEFORE, outcomes, FineTuningOutcome::normalBefore),
                SweepPoint.column(KEY_AFTER, outcomes, FineTuningOutcome::keyAfter),
                SweepPoint.column(KEY_BEFORE, outcomes, FineTuningOutcome::keyBefore),
                IntColumn.create(ATTACKER_IMAGES, outcomes.stream().mapToInt(FineTuningOutcome::attackerImages).toArray()),
                IntColumn.create(EPOCHS, outcomes.stream().mapToInt(FineTuningOutcome::epochs).toArray()),
                SweepPoint.column(LEARNING_RATE, outcomes, FineTuningOutcome::learningRate),
                SweepPoint.column(WALL, outcomes, o -> Math.round(o.wallSeconds() * 10) / 10.0));
        IntColumn normalN = IntColumn.create("n", outcomes.stream().mapToInt(FineTuningOutcome::normalN).toArray());
        IntColumn keyN = IntColumn.create("n", outcomes.stream().mapToInt(FineTuningOutcome::keyN).toArray());
        Interval.addWilsonColumns(t, normalN, 1, NORMAL_AFTER, NORMAL_BEFORE);
        return Interval.addWilsonColumns(t, keyN, 1, KEY_AFTER, KEY_BEFORE);
    }

    /**
     * The slides' fine-tuning table ({@code paper}: columns method, dataset, normal_after,
     * normal_before, key_after, key_before, in %) above this run's outcomes in the same units.
     *
     * @param sizes each data set's {@code owner+attacker+test} sizes
     * @param scale this run's scale, printed in every row of this run
     */
    public static Table besidePaper(Table paper, List<FineTuningOutcome> outcomes, Map<String, String> sizes, String scale) {
        Table side = Table.create("fine-tuning attack: paper vs this run", StringColumn.create("source"),
                StringColumn.create(METHOD), StringColumn.create(DATA_SET), StringColumn.create("owner+attacker+test"),
                DoubleColumn.create(NORMAL_AFTER + "_pct"), DoubleColumn.create(NORMAL_BEFORE + "_pct"),
                DoubleColumn.create(KEY_AFTER + "_pct"), DoubleColumn.create(KEY_BEFORE + "_pct"),
                StringColumn.create("scale"));
        for (Row r : paper) {
            side.stringColumn(0).append("paper");
            side.stringColumn(1).append(r.getString("method"));
            side.stringColumn(2).append(r.getString("dataset"));
            side.stringColumn(3).append("full set");
            append(side, r.getDouble("normal_after"), r.getDouble("normal_before"), r.getDouble("key_after"),
                    r.getDouble("key_before"));
            side.stringColumn(8).append("Zhong et al. 2020 (slides), full data sets");
        }
        for (FineTuningOutcome o : outcomes) {
            side.stringColumn(0).append("this run");
            side.stringColumn(1).append(o.variant());
            side.stringColumn(2).append(o.dataSet());
            side.stringColumn(3).append(sizes.getOrDefault(o.dataSet(), ""));
            append(side, percent(o.normalAfter()), percent(o.normalBefore()), percent(o.keyAfter()), percent(o.keyBefore()));
            side.stringColumn(8).append(scale + ", fine-tuned " + o.epochs() + " epochs at lr " + o.learningRate()
                    + " on " + o.attackerImages() + " images");
        }
        return side;
    }

    private static void append(Table side, double... values) {
        for (int i = 0; i < values.length; i++) {
            side.doubleColumn(4 + i).append(values[i]);
        }
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }
}
