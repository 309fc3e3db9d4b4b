package org.modelkey.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.report.Interval;
import org.modelkey.report.Numbers;
import org.modelkey.report.Results;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Access control of notebook 03's models (ICIP 2021, Table 1): each model fine-tuned on a subset
 * under its correct key, incorrect keys and plain images, and the plain baseline.
 *
 * @param testImages size of the test set, for the Wilson intervals
 * @param baselineImages training images of the baseline (the whole training set)
 * @param subsets one row per subset model, in the order they were evaluated
 */
public record TransferLearningResult(String dataset, String modelSpec, int incorrectKeys, long seed,
        int testImages, int baselineImages, double baselinePlain, double baselineTrainSeconds, List<Subset> subsets) {

    public static final String MODEL = "model";
    public static final String SUBSET_PERCENT = "subset_percent";
    public static final String TRAIN_IMAGES = "train_images";
    public static final String CORRECT_KEY = "correct_key";
    public static final String INCORRECT_KEY_MEAN = "incorrect_key_mean";
    public static final String INCORRECT_KEY_STD = "incorrect_key_std";
    public static final String PLAIN = "plain";
    public static final String PAPER_CORRECT_KEY = "paper_correct_key";
    public static final String PAPER_INCORRECT_KEY = "paper_incorrect_key";
    public static final String PAPER_PLAIN = "paper_plain";
    public static final String SCALE_THIS_RUN = "scale_this_run";
    public static final String SCALE_PAPER = "scale_paper";
    public static final String DATASET = "dataset";
    public static final String MODEL_SPEC = "model_spec";
    public static final String INCORRECT_KEYS = "incorrect_keys";
    public static final String SEED = "seed";
    public static final String KEY_ID = "key_id";
    public static final String TRAIN_S = "train_s";
    public static final String EVAL_S = "eval_s";

    /**
     * One subset model.
     *
     * @param percent share of the training set it was fine-tuned on
     * @param trainImages images in that subset
     * @param keyId the identifier in the stored model's key file (never the key)
     */
    public record Subset(double percent, int trainImages, String keyId, AccessControlResult access, double trainSeconds,
            double evalSeconds) {}

    public TransferLearningResult {
        subsets = List.copyOf(subsets);
    }

    /** @return each subset model's access-control result by subset percent, in table order */
    public Map<Double, AccessControlResult> access() {
        Map<Double, AccessControlResult> access = new LinkedHashMap<>();
        subsets.forEach(s -> access.put(s.percent(), s.access()));
        return access;
    }

    /**
     * @param paper ICIP 2021 Table 1 as {@code notebooks/reference/icip2021-table1-transfer-subsets.csv}
     * @param model its {@code model} column: {@code protected} or {@code baseline_not_protected}
     * @return the paper's value of {@code column} for that model and subset, NaN where it prints none
     */
    public static double paperValue(Table paper, String model, double percent, String column) {
        Table row = paper.where(paper.stringColumn("model").isEqualTo(model)
                .and(paper.intColumn("subset_percent").isEqualTo((int) percent)));
        if (row.rowCount() == 0) {
            throw new IllegalArgumentException("the paper's table has no row for " + model + " at " + percent + " %");
        }
        return row.doubleColumn(column).isMissing(0) ? Double.NaN : row.doubleColumn(column).get(0);
    }

    /**
     * The table of {@code results/<profile>/03-transfer-subsets.csv}: this run's accuracies in % beside the
     * paper's, the subset models first and the baseline last, then the scales, settings, seconds and
     * the Wilson intervals.
     *
     * @param paper ICIP 2021 Table 1 (see {@link #paperValue})
     * @param scaleThisRun / scalePaper what each side measured, so that the numbers are not compared across scales
     */
    public Table toTable(Table paper, String scaleThisRun, String scalePaper) {
        StringColumn model = StringColumn.create(MODEL), key = StringColumn.create(KEY_ID);
        DoubleColumn percent = DoubleColumn.create(SUBSET_PERCENT);
        IntColumn images = IntColumn.create(TRAIN_IMAGES), keys = IntColumn.create(INCORRECT_KEYS);
        DoubleColumn correct = DoubleColumn.create(CORRECT_KEY), mean = DoubleColumn.create(INCORRECT_KEY_MEAN);
        DoubleColumn std = DoubleColumn.create(INCORRECT_KEY_STD), plain = DoubleColumn.create(PLAIN);
        DoubleColumn paperCorrect = DoubleColumn.create(PAPER_CORRECT_KEY), paperIncorrect = DoubleColumn.create(PAPER_INCORRECT_KEY);
        DoubleColumn paperPlain = DoubleColumn.create(PAPER_PLAIN);
        DoubleColumn train = DoubleColumn.create(TRAIN_S), eval = DoubleColumn.create(EVAL_S);
        for (Subset s : subsets) {
            AccessControlResult r = s.access();
            model.append("protected");
            percent.append(s.percent());
            images.append(s.trainImages());
            correct.append(Numbers.percent(r.correct()));
            mean.append(Numbers.percent(r.incorrectMean()));
            std.append(Numbers.percent(r.incorrectStd()));
            plain.append(Numbers.percent(r.plain()));
            paperCorrect.append(paperValue(paper, "protected", s.percent(), "correct_key"));
            paperIncorrect.append(paperValue(paper, "protected", s.percent(), "incorrect_key"));
            paperPlain.append(paperValue(paper, "protected", s.percent(), "plain"));
            keys.append(incorrectKeys);
            key.append(s.keyId());
            train.append(Math.round(s.trainSeconds()));
            eval.append(Numbers.round(s.evalSeconds(), 1));
        }
        model.append("baseline (not protected)");
        percent.append(100);
        images.append(baselineImages);
        correct.appendMissing();
        mean.appendMissing();
        std.appendMissing();
        plain.append(Numbers.percent(baselinePlain));
        paperCorrect.appendMissing();
        paperIncorrect.appendMissing();
        paperPlain.append(paperValue(paper, "baseline_not_protected", 100, "plain"));
        keys.append(0);
        key.append("none");
        train.append(Math.round(baselineTrainSeconds));
        eval.appendMissing();
        Table table = Table.create("03 Table 1: top-1 accuracy (%), this run beside ICIP 2021", model, percent, images,
                correct, mean, std, plain, paperCorrect, paperIncorrect, paperPlain);
        Results.withConstant(table, SCALE_THIS_RUN, scaleThisRun);
        Results.withConstant(table, SCALE_PAPER, scalePaper);
        Results.withConstant(table, DATASET, dataset);
        Results.withConstant(table, MODEL_SPEC, modelSpec);
        table.addColumns(keys);
        Results.withConstant(table, SEED, seed);
        table.addColumns(key, train, eval);
        return Interval.addWilsonColumns(table, testImages, 100, CORRECT_KEY, INCORRECT_KEY_MEAN, PLAIN);
    }
}
