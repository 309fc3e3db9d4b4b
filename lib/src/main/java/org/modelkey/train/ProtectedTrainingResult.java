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
 * Access control of notebook 02's models (APSIPA 2021): the baseline's accuracy on plain images and
 * each protected model's under its correct key, incorrect keys and plain images, with how long each
 * model trained (from its card) and was evaluated in this run.
 *
 * @param baselinePlain top-1 accuracy of the non-protected baseline on plain test images
 * @param protectedModels one row per transform, in the order they were evaluated
 * @param testImages size of the test set, for the Wilson intervals
 */
public record ProtectedTrainingResult(String dataset, String modelSpec, int epochs, int incorrectKeys, long seed,
        int testImages, double baselinePlain, double baselineTrainSeconds, double baselineEvalSeconds,
        List<Row> protectedModels) {

    public static final String MODEL = "model";
    public static final String TRANSFORM = "transform";
    public static final String CORRECT_KEY = "correct_key";
    public static final String INCORRECT_KEY_MEAN = "incorrect_key_mean";
    public static final String INCORRECT_KEY_STD = "incorrect_key_std";
    public static final String INCORRECT_KEY_MAX = "incorrect_key_max";
    public static final String PLAIN = "plain";
    public static final String DATASET = "dataset";
    public static final String MODEL_SPEC = "model_spec";
    public static final String EPOCHS = "epochs";
    public static final String INCORRECT_KEYS = "incorrect_keys";
    public static final String SEED = "seed";
    public static final String KEY_ID = "key_id";
    public static final String TRAIN_S = "train_s";
    public static final String EVAL_S = "eval_s";

    /**
     * One protected model.
     *
     * @param transform the key's kind, e.g. {@code NP}
     * @param keyId the key's random identifier (never the key)
     */
    public record Row(String transform, int blockSize, String keyId, AccessControlResult access,
            double trainSeconds, double evalSeconds) {}

    public ProtectedTrainingResult {
        protectedModels = List.copyOf(protectedModels);
    }

    /** Each protected model's access-control result by transform, in table order. */
    public Map<String, AccessControlResult> access() {
        Map<String, AccessControlResult> access = new LinkedHashMap<>();
        protectedModels.forEach(r -> access.put(r.transform(), r.access()));
        return access;
    }

    /**
     * The table of {@code results/<profile>/02-protected-training.csv}: accuracies in percent (two
     * decimals), the baseline first with missing key columns, then the settings, the key ids, the
     * seconds, and each accuracy's 95 % Wilson interval.
     */
    public Table toTable() {
        StringColumn model = StringColumn.create(MODEL), transform = StringColumn.create(TRANSFORM);
        StringColumn keyId = StringColumn.create(KEY_ID);
        DoubleColumn correct = DoubleColumn.create(CORRECT_KEY), mean = DoubleColumn.create(INCORRECT_KEY_MEAN);
        DoubleColumn std = DoubleColumn.create(INCORRECT_KEY_STD), max = DoubleColumn.create(INCORRECT_KEY_MAX);
        DoubleColumn plain = DoubleColumn.create(PLAIN);
        DoubleColumn train = DoubleColumn.create(TRAIN_S), eval = DoubleColumn.create(EVAL_S);
        IntColumn keys = IntColumn.create(INCORRECT_KEYS);
        model.append("baseline (not protected)");
        transform.append("none");
        keyId.append("none");
        correct.appendMissing();
        mean.appendMissing();
        std.appendMissing();
        max.appendMissing();
        plain.append(Numbers.percent(baselinePlain));
        train.append(Math.round(baselineTrainSeconds));
        eval.append(Numbers.round(baselineEvalSeconds, 1));
        keys.append(0);
        for (Row r : protectedModels) {
            AccessControlResult a = r.access();
            model.append("protected");
            transform.append(r.transform() + " M=" + r.blockSize());
            keyId.append(r.keyId());
            correct.append(Numbers.percent(a.correct()));
            mean.append(Numbers.percent(a.incorrectMean()));
            std.append(Numbers.percent(a.incorrectStd()));
            max.append(Numbers.percent(a.incorrectMax()));
            plain.append(Numbers.percent(a.plain()));
            train.append(Math.round(r.trainSeconds()));
            eval.append(Numbers.round(r.evalSeconds(), 1));
            keys.append(incorrectKeys);
        }
        Table table = Table.create("02 protected training: top-1 accuracy (%)", model, transform, correct, mean, std, max, plain);
        Results.withConstant(table, DATASET, dataset);
        Results.withConstant(table, MODEL_SPEC, modelSpec);
        Results.withConstant(table, EPOCHS, epochs);
        table.addColumns(keys);
        Results.withConstant(table, SEED, seed);
        table.addColumns(keyId, train, eval);
        return Interval.addWilsonColumns(table, testImages, 100, CORRECT_KEY, INCORRECT_KEY_MEAN, INCORRECT_KEY_MAX, PLAIN);
    }
}
