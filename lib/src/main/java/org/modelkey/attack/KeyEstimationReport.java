package org.modelkey.attack;

import java.util.List;
import org.modelkey.report.Interval;
import org.modelkey.report.Numbers;
import org.modelkey.report.Results;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The key-estimation attack on each stolen model (ICIP 2021, Sec. 3.4 and Table 2), with the settings
 * the whole run shares.
 *
 * @param attackerBatch images in the attacker's batch
 * @param passes passes of the swap search
 * @param testImages size of the test set, for the Wilson intervals
 */
public record KeyEstimationReport(String dataset, int attackerBatch, int passes, long seed, int testImages,
        List<KeyEstimationOutcome> models) implements AttackResult {

    // the column names of toTable(); accuracies in %
    public static final String SUBSET_PERCENT = "subset_percent";
    public static final String CORRECT_KEY = "correct_key";
    public static final String ESTIMATED_KEY = "estimated_key";
    public static final String RANDOM_START_KEY = "random_start_key";
    public static final String INCORRECT_MEAN = "incorrect_mean";
    public static final String PLAIN = "plain";
    public static final String CORRECT_ON_BATCH = "correct_on_batch";
    public static final String ESTIMATED_ON_BATCH = "estimated_on_batch";
    public static final String KEY_BITS_AGREEING = "key_bits_agreeing";
    public static final String EVALUATIONS = "evaluations";
    public static final String EVALUATIONS_PER_S = "evaluations_per_s";
    public static final String PLAIN_FORWARDS_PER_S = "plain_forwards_per_s";
    public static final String TRANSFORM_SHARE = "transform_share";
    public static final String WALL_S = "wall_s";
    public static final String DATASET = "dataset";
    public static final String MODEL = "model";
    public static final String ATTACKER_BATCH = "attacker_batch";
    public static final String PASSES = "passes";
    public static final String SEED = "seed";
    public static final String KEY = "key";
    public static final String ESTIMATED_KEY_ID = "estimated_key_id";

    public KeyEstimationReport {
        models = List.copyOf(models);
    }

    /** @return the outcome on the model of {@code subsetPercent} */
    public KeyEstimationOutcome model(int subsetPercent) {
        return models.stream().filter(m -> m.subsetPercent() == subsetPercent).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + subsetPercent + " % model was attacked"));
    }

    /**
     * @return one row per model: accuracies in % (two decimals), key bits agreeing (three), speeds,
     *     the shared settings, the key ids, and the Wilson intervals (test set, or the attacker's
     *     batch for the batch accuracies)
     */
    @Override
    public Table toTable() {
        IntColumn subset = IntColumn.create(SUBSET_PERCENT), evaluations = IntColumn.create(EVALUATIONS);
        DoubleColumn correct = DoubleColumn.create(CORRECT_KEY), estimated = DoubleColumn.create(ESTIMATED_KEY);
        DoubleColumn start = DoubleColumn.create(RANDOM_START_KEY), incorrect = DoubleColumn.create(INCORRECT_MEAN);
        DoubleColumn plain = DoubleColumn.create(PLAIN), batchCorrect = DoubleColumn.create(CORRECT_ON_BATCH);
        DoubleColumn batchEstimated = DoubleColumn.create(ESTIMATED_ON_BATCH), bits = DoubleColumn.create(KEY_BITS_AGREEING);
        DoubleColumn speed = DoubleColumn.create(EVALUATIONS_PER_S), plainSpeed = DoubleColumn.create(PLAIN_FORWARDS_PER_S);
        DoubleColumn share = DoubleColumn.create(TRANSFORM_SHARE), seconds = DoubleColumn.create(WALL_S);
        StringColumn model = StringColumn.create(MODEL), key = StringColumn.create(KEY), estimatedId = StringColumn.create(ESTIMATED_KEY_ID);
        for (KeyEstimationOutcome m : models) {
            KeySearchResult r = m.search();
            subset.append(m.subsetPercent());
            correct.append(Numbers.percent(m.access().correct()));
            estimated.append(Numbers.percent(m.estimatedAccuracy()));
            start.append(Numbers.percent(m.startAccuracy()));
            incorrect.append(Numbers.percent(m.access().incorrectMean()));
            plain.append(Numbers.percent(m.access().plain()));
            batchCorrect.append(Numbers.percent(m.correctOnBatch()));
            batchEstimated.append(Numbers.percent(r.accuracy()));
            bits.append(Numbers.round(m.keyBitsAgreeing(), 3));
            evaluations.append(r.evaluations());
            speed.append(Numbers.round(r.evaluationsPerSecond(), 1));
            plainSpeed.append(Numbers.round(r.plainForwardsPerSecond(), 1));
            share.append(Numbers.round(r.transformShare(), 4));
            seconds.append(Numbers.round(m.wallSeconds(), 1));
            model.append(m.modelSpec());
            key.append(m.keyId());
            estimatedId.append(r.estimated().id());
        }
        Table table = Table.create("key estimation attack (this run, accuracy %)", subset, correct, estimated, start,
                incorrect, plain, batchCorrect, batchEstimated, bits, evaluations, speed, plainSpeed, share, seconds);
        Results.withConstant(table, DATASET, dataset);
        table.addColumns(model);
        Results.withConstant(table, ATTACKER_BATCH, attackerBatch);
        Results.withConstant(table, PASSES, passes);
        Results.withConstant(table, SEED, Long.toString(seed));
        table.addColumns(key, estimatedId);
        Interval.addWilsonColumns(table, testImages, 100, CORRECT_KEY, ESTIMATED_KEY, RANDOM_START_KEY, INCORRECT_MEAN, PLAIN);
        return Interval.addWilsonColumns(table, attackerBatch, 100, CORRECT_ON_BATCH, ESTIMATED_ON_BATCH);
    }
}
