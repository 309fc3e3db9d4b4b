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
        Table curve) {

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
     * One row: attack, kind, M, C, start and kept batch accuracy, evaluations, seconds,
     * evaluations per second beside the plain forward passes per second on the same batch (and
     * their ratio), the transform's share of the evaluation time, and the random ids (never the
     * keys) of the start and estimated keys.
     */
    public Table summary() {
        return Table.create(attack,
                StringColumn.create("attack", attack),
                StringColumn.create("kind", estimated.kind().name()),
                IntColumn.create("block_size", new int[] {estimated.blockSize()}),
                IntColumn.create("channels", new int[] {estimated.channels()}),
                DoubleColumn.create("start_accuracy", startAccuracy),
                DoubleColumn.create("accuracy", accuracy),
                IntColumn.create("evaluations", new int[] {evaluations}),
                DoubleColumn.create("seconds", seconds),
                DoubleColumn.create("evaluations_per_second", evaluationsPerSecond()),
                DoubleColumn.create("plain_forwards_per_second", plainForwardsPerSecond),
                DoubleColumn.create("speed_vs_plain", evaluationsPerSecond() / plainForwardsPerSecond),
                DoubleColumn.create("transform_share", transformShare),
                StringColumn.create("start_key", start.id()),
                StringColumn.create("estimated_key", estimated.id()));
    }
}
