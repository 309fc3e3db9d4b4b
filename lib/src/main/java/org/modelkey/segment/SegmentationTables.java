package org.modelkey.segment;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.modelkey.key.KeyKind;
import org.modelkey.report.Interval;
import org.modelkey.report.Numbers;
import org.modelkey.report.Results;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of the block-size sweep (Ito et al. 2021): every model with its scores under the three
 * conditions of Fig. 6, and Table 1 (mean IoU with the correct key by transform and block size M)
 * beside the paper's printed numbers. Mean IoUs carry 95 % bootstrap intervals over the test images,
 * drawn with the scale's seed.
 */
public final class SegmentationTables {

    // the columns of models()
    public static final String METHOD = "method";
    public static final String BLOCK_SIZE = "block_size";
    public static final String DATASET = "dataset";
    public static final String IMAGE_SIZE = "image_size";
    public static final String TRAIN_IMAGES = "train_images";
    public static final String VALIDATION_IMAGES = "validation_images";
    public static final String TEST_IMAGES = "test_images";
    public static final String MODEL = "model";
    public static final String EPOCHS = "epochs";
    /** From 1; missing for a model loaded from the model store. */
    public static final String BEST_EPOCH = "best_epoch";
    public static final String SEED = "seed";
    /** Empty for the baseline. */
    public static final String KEY_ID = "key_id";
    public static final String MEAN_IOU = "mean_iou";
    public static final String MEAN_IOU_LOW = "mean_iou_low";
    public static final String MEAN_IOU_HIGH = "mean_iou_high";
    public static final String PIXEL_ACCURACY = "pixel_accuracy";
    public static final String INCORRECT_KEYS = "incorrect_keys";
    public static final String INCORRECT_MEAN_IOU = "incorrect_mean_iou";
    public static final String INCORRECT_MEAN_IOU_LOW = "incorrect_mean_iou_low";
    public static final String INCORRECT_MEAN_IOU_HIGH = "incorrect_mean_iou_high";
    public static final String INCORRECT_STD = "incorrect_std";
    public static final String PLAIN_MEAN_IOU = "plain_mean_iou";
    public static final String PLAIN_MEAN_IOU_LOW = "plain_mean_iou_low";
    public static final String PLAIN_MEAN_IOU_HIGH = "plain_mean_iou_high";
    public static final String TRAIN_S = "train_s";
    public static final String SCORE_S = "score_s";

    // the columns of table1(), besides one per transform (KeyKind name) and these with a transform's name
    public static final String M = "M";
    public static final String M_SIDE = "M / side (this run)";
    public static final String BASELINE = SegmentationRun.BASELINE;
    public static final String M_SIDE_PAPER = "M / side (paper)";
    /** Prefix of the paper's columns: {@code paper SHF}, …, {@code paper baseline}. */
    public static final String PAPER = "paper ";
    /** Suffixes of a transform's bootstrap interval: {@code SHF_low}, {@code SHF_high}. */
    public static final String LOW = "_low", HIGH = "_high";
    public static final String SCALE_THIS_RUN = "this run's scale";
    public static final String SCALE_PAPER = "paper's scale";

    /** The paper's Table 1 in {@code notebooks/reference/}, for {@link Results#paperReference}. */
    public static final String PAPER_TABLE1 = "seg2021-table1-miou-by-block.csv";
    /** The paper's value columns, besides block_size. */
    private static final List<String> PAPER_COLUMNS = List.of("SHF", "NP", "FFX", BASELINE);

    private SegmentationTables() {}

    /**
     * Every model of the sweep, one row each in the runs' order: its settings and key id, mean IoU
     * (the baseline's on plain images) and pixel accuracy with the correct key, the incorrect keys'
     * mean and standard deviation, plain images, and the wall times.
     *
     * @throws IllegalArgumentException if there is no run or a protected one was not scored under every condition
     */
    public static Table models(List<SegmentationRun> runs, SegmentationScale scale) {
        SweepRuns.requireRuns(runs);
        runs.forEach(SweepRuns::requireScored);
        long seed = scale.seed();
        IntColumn bestEpoch = IntColumn.create(BEST_EPOCH);
        DoubleColumn low = DoubleColumn.create(MEAN_IOU_LOW), high = DoubleColumn.create(MEAN_IOU_HIGH);
        DoubleColumn incorrectMean = DoubleColumn.create(INCORRECT_MEAN_IOU), incorrectStd = DoubleColumn.create(INCORRECT_STD);
        DoubleColumn incorrectLow = DoubleColumn.create(INCORRECT_MEAN_IOU_LOW);
        DoubleColumn incorrectHigh = DoubleColumn.create(INCORRECT_MEAN_IOU_HIGH);
        DoubleColumn plain = DoubleColumn.create(PLAIN_MEAN_IOU), plainLow = DoubleColumn.create(PLAIN_MEAN_IOU_LOW);
        DoubleColumn plainHigh = DoubleColumn.create(PLAIN_MEAN_IOU_HIGH);
        for (SegmentationRun r : runs) {
            if (r.bestEpoch() < 0) {
                bestEpoch.appendMissing();
            } else {
                bestEpoch.append(r.bestEpoch() + 1);
            }
            Interval correct = r.correct().meanIoUInterval(seed);
            low.append(correct.low());
            high.append(correct.high());
            SegmentationEvaluation.Score plainScore = r.isBaseline() ? r.correct() : r.plain();
            Interval plainInterval = r.isBaseline() ? correct : plainScore.meanIoUInterval(seed);
            plain.append(plainScore.meanIoU());
            plainLow.append(plainInterval.low());
            plainHigh.append(plainInterval.high());
            if (r.isBaseline()) {
                incorrectMean.appendMissing();
                incorrectStd.appendMissing();
                incorrectLow.appendMissing();
                incorrectHigh.appendMissing();
            } else {
                Interval incorrect = SegmentationEvaluation.Score.meanIoUInterval(r.incorrect(), seed);
                incorrectMean.append(r.access().incorrectMean());
                incorrectStd.append(r.access().incorrectStd());
                incorrectLow.append(incorrect.low());
                incorrectHigh.append(incorrect.high());
            }
        }
        Table t = Table.create("05 · every model of the sweep",
                StringColumn.create(METHOD, runs.stream().map(SegmentationRun::method)),
                IntColumn.create(BLOCK_SIZE, runs.stream().mapToInt(SegmentationRun::blockSize).toArray()));
        Results.withConstant(t, DATASET, scale.dataset());
        Results.withConstant(t, IMAGE_SIZE, scale.side());
        Results.withConstant(t, TRAIN_IMAGES, scale.trainImages());
        Results.withConstant(t, VALIDATION_IMAGES, scale.validationImages());
        Results.withConstant(t, TEST_IMAGES, scale.testImages());
        Results.withConstant(t, MODEL, scale.model());
        Results.withConstant(t, EPOCHS, scale.epochs());
        t.addColumns(bestEpoch);
        Results.withConstant(t, SEED, seed);
        t.addColumns(StringColumn.create(KEY_ID, runs.stream().map(r -> r.isBaseline() ? "" : r.keyId())),
                DoubleColumn.create(MEAN_IOU, runs.stream().mapToDouble(r -> r.correct().meanIoU())), low, high,
                DoubleColumn.create(PIXEL_ACCURACY, runs.stream().mapToDouble(r -> r.correct().pixelAccuracy())),
                IntColumn.create(INCORRECT_KEYS, runs.stream().mapToInt(r -> r.isBaseline() ? 0 : r.access().incorrect().length).toArray()),
                incorrectMean, incorrectLow, incorrectHigh, incorrectStd, plain, plainLow, plainHigh,
                DoubleColumn.create(TRAIN_S, runs.stream().mapToDouble(r -> Numbers.round(r.trainSeconds(), 1))),
                DoubleColumn.create(SCORE_S, runs.stream().mapToDouble(r -> Numbers.round(r.scoreSeconds(), 1))));
        return t;
    }

    /**
     * Table 1: mean IoU with the correct key by block size M, one row for each M of this sweep or of the
     * paper (NaN where one side has none), with M / side for both (the share of the image a block covers
     * lines up the two sweeps), this run's SHF, NP, FFX and baseline, the paper's, each transform's 95 %
     * bootstrap interval, and both scales.
     *
     * @param paperTable1 the paper's Table 1, {@code Results.paperReference(PAPER_TABLE1)}: columns
     *     block_size, SHF, NP, FFX, baseline
     * @throws IllegalArgumentException unless the runs are one baseline and SHF, NP and FFX each at the same
     *     block sizes, all scored under every condition, or if the paper's table lacks those columns
     */
    public static Table table1(List<SegmentationRun> runs, SegmentationScale scale, Table paperTable1) {
        SweepRuns sweep = SweepRuns.of(runs);
        int[] ours = sweep.blockSizes();
        int[] paperM = paperBlockSizes(paperTable1);
        int[] allM = IntStream.concat(Arrays.stream(ours), Arrays.stream(paperM)).distinct().sorted().toArray();
        int side = scale.side(), paperSide = SegmentationScale.PAPER.side();
        Table t = Table.create("05 · Table 1: mean IoU by block size M", IntColumn.create(M, allM),
                column(M_SIDE, allM, m -> at(ours, m) < 0 ? Double.NaN : (double) m / side));
        for (KeyKind kind : KeyKind.values()) {
            List<SegmentationRun> own = sweep.of(kind);
            t.addColumns(column(kind.name(), allM, m -> at(ours, m) < 0 ? Double.NaN : own.get(at(ours, m)).correct().meanIoU()));
        }
        double baseline = sweep.baseline().correct().meanIoU();
        t.addColumns(column(BASELINE, allM, m -> at(ours, m) < 0 ? Double.NaN : baseline),
                column(M_SIDE_PAPER, allM, m -> at(paperM, m) < 0 ? Double.NaN : (double) m / paperSide));
        for (String column : PAPER_COLUMNS) {
            t.addColumns(column(PAPER + column, allM, m -> paperValue(paperTable1, column, m)));
        }
        for (KeyKind kind : KeyKind.values()) {
            List<Interval> ci = sweep.of(kind).stream().map(r -> r.correct().meanIoUInterval(scale.seed())).toList();
            t.addColumns(column(kind + LOW, allM, m -> at(ours, m) < 0 ? Double.NaN : ci.get(at(ours, m)).low()),
                    column(kind + HIGH, allM, m -> at(ours, m) < 0 ? Double.NaN : ci.get(at(ours, m)).high()));
        }
        Results.withConstant(t, SCALE_THIS_RUN, scale.describe() + ", seed " + scale.seed());
        return Results.withConstant(t, SCALE_PAPER, SegmentationScale.PAPER.describe());
    }

    /**
     * @return the paper's block sizes, in its rows' order
     * @throws IllegalArgumentException if the table lacks a column or the rows of the paper's Table 1
     */
    static int[] paperBlockSizes(Table paperTable1) {
        for (String column : PAPER_COLUMNS) {
            if (!paperTable1.containsColumn(column)) {
                throw new IllegalArgumentException("the paper's Table 1 '" + paperTable1.name() + "' has no column '" + column
                        + "' (it has " + paperTable1.columnNames() + "): pass Results.paperReference(\"" + PAPER_TABLE1 + "\")");
            }
        }
        if (!paperTable1.containsColumn(BLOCK_SIZE) || !(paperTable1.column(BLOCK_SIZE) instanceof IntColumn)
                || paperTable1.rowCount() == 0) {
            throw new IllegalArgumentException("the paper's Table 1 '" + paperTable1.name() + "' has no rows of an integer column '"
                    + BLOCK_SIZE + "': pass Results.paperReference(\"" + PAPER_TABLE1 + "\")");
        }
        return paperTable1.intColumn(BLOCK_SIZE).asIntArray();
    }

    /** The paper's value of {@code column} (SHF, NP, FFX or baseline) at block size m; NaN where it has none. */
    static double paperValue(Table paperTable1, String column, int m) {
        int row = at(paperBlockSizes(paperTable1), m);
        return row < 0 ? Double.NaN : paperTable1.numberColumn(column).getDouble(row);
    }

    /** The index of m in sizes, −1 if absent. */
    private static int at(int[] sizes, int m) {
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == m) {
                return i;
            }
        }
        return -1;
    }

    private static DoubleColumn column(String name, int[] allM, IntToDoubleFunction value) {
        return DoubleColumn.create(name, Arrays.stream(allM).mapToDouble(value).toArray());
    }
}
