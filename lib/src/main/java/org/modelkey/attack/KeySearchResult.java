package org.modelkey.attack;

import org.modelkey.key.SecretKey;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Outcome of a key search ({@link KeyEstimationAttack} or {@link RandomKeySearch}): the key it
 * settled on, the batch accuracy it kept, and its curve with one row per objective evaluation
 * (columns {@code evaluation}, {@code candidate_accuracy}, {@code kept_accuracy}, and for the
 * estimation attack {@code pass}, {@code i}, {@code j}).
 *
 * @param attack name of the search, e.g. "key estimation"
 * @param start the first key tried (the random starting key of the estimation attack)
 * @param estimated the key kept at the end
 * @param startAccuracy batch accuracy of {@code start}
 * @param accuracy batch accuracy of {@code estimated}
 * @param evaluations objective evaluations made
 * @param seconds wall time of the search
 * @param plainForwardsPerSecond the model's plain inference throughput on the same batch, the
 *     yardstick for {@link #evaluationsPerSecond()}; NaN when the objective is not a model
 * @param transformShare share of the evaluation time spent on the key transform rather than the
 *     model ({@link BatchAccuracy#transformShare()}); NaN when the objective is not a model
 * @param curve the accuracy curve against the number of evaluations
 */
public record KeySearchResult(String attack, SecretKey start, SecretKey estimated, double startAccuracy,
        double accuracy, int evaluations, double seconds, double plainForwardsPerSecond, double transformShare,
        Table curve) implements AttackResult {

    // the column names of toTable()
    public static final String ATTACK = "attack";
    public static final String KIND = "kind";
    public static final String BLOCK_SIZE = "block_size";
    public static final String CHANNELS = "channels";
    public static final String START_ACCURACY = "start_accuracy";
    public static final String ACCURACY = "accuracy";
    public static final String EVALUATIONS = "evaluations";
    public static final String SECONDS = "seconds";
    public static final String EVALUATIONS_PER_SECOND = "evaluations_per_second";
    public static final String PLAIN_FORWARDS_PER_SECOND = "plain_forwards_per_second";
    public static final String SPEED_VS_PLAIN = "speed_vs_plain";
    public static final String TRANSFORM_SHARE = "transform_share";
    public static final String START_KEY = "start_key";
    public static final String ESTIMATED_KEY = "estimated_key";

    /** Objective evaluations per second of wall time. */
    public double evaluationsPerSecond() {
        return evaluations / seconds;
    }

    /** This result with the model's plain throughput on the searched batch and the transform's share of the time. */
    public KeySearchResult withSpeed(double forwardsPerSecond, double share) {
        return new KeySearchResult(attack, start, estimated, startAccuracy, accuracy, evaluations, seconds,
                forwardsPerSecond, share, curve);
    }

    /**
     * @return one row: attack, kind, M, C, start and kept batch accuracy, evaluations, seconds,
     * evaluations per second beside the plain forward passes per second on the same batch (and
     * their ratio), the transform's share of the evaluation time, and the random ids (never the
     * keys) of the start and estimated keys.
     */
    @Override
    public Table toTable() {
        return Table.create(attack,
                StringColumn.create(ATTACK, attack),
                StringColumn.create(KIND, estimated.kind().name()),
                IntColumn.create(BLOCK_SIZE, new int[] {estimated.blockSize()}),
                IntColumn.create(CHANNELS, new int[] {estimated.channels()}),
                DoubleColumn.create(START_ACCURACY, startAccuracy),
                DoubleColumn.create(ACCURACY, accuracy),
                IntColumn.create(EVALUATIONS, new int[] {evaluations}),
                DoubleColumn.create(SECONDS, seconds),
                DoubleColumn.create(EVALUATIONS_PER_SECOND, evaluationsPerSecond()),
                DoubleColumn.create(PLAIN_FORWARDS_PER_SECOND, plainForwardsPerSecond),
                DoubleColumn.create(SPEED_VS_PLAIN, evaluationsPerSecond() / plainForwardsPerSecond),
                DoubleColumn.create(TRANSFORM_SHARE, transformShare),
                StringColumn.create(START_KEY, start.id()),
                StringColumn.create(ESTIMATED_KEY, estimated.id()));
    }
}
