package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.report.Results;
import tech.tablesaw.api.Table;

class SegmentationTablesTest {

    private static final Table PAPER = Results.paperReference(SegmentationTables.PAPER_TABLE1);

    @Test
    void modelsHaveOneRowPerRunInTheColumnsOfTheResultsFile() {
        List<SegmentationRun> runs = SweepFixture.sweep(2, 12);
        Table t = SegmentationTables.models(runs, SweepFixture.SCALE);
        assertEquals(List.of("method", "block_size", "dataset", "image_size", "train_images", "validation_images",
                "test_images", "model", "epochs", "best_epoch", "seed", "key_id", "mean_iou", "mean_iou_low", "mean_iou_high",
                "pixel_accuracy", "incorrect_keys", "incorrect_mean_iou", "incorrect_mean_iou_low", "incorrect_mean_iou_high",
                "incorrect_std", "plain_mean_iou", "plain_mean_iou_low", "plain_mean_iou_high", "train_s", "score_s"),
                t.columnNames());
        assertEquals(runs.size(), t.rowCount());

        SegmentationRun base = runs.get(0);
        assertEquals("baseline", t.stringColumn(SegmentationTables.METHOD).get(0));
        assertEquals("", t.stringColumn(SegmentationTables.KEY_ID).get(0));
        assertEquals(0, t.intColumn(SegmentationTables.INCORRECT_KEYS).get(0));
        assertTrue(t.doubleColumn(SegmentationTables.INCORRECT_MEAN_IOU).isMissing(0));
        assertTrue(t.doubleColumn(SegmentationTables.INCORRECT_STD).isMissing(0));
        assertEquals(base.correct().meanIoU(), t.doubleColumn(SegmentationTables.PLAIN_MEAN_IOU).get(0));
        assertEquals(2, t.intColumn(SegmentationTables.BEST_EPOCH).get(0));
        assertEquals(12.3, t.doubleColumn(SegmentationTables.TRAIN_S).get(0));
        assertEquals(0.6, t.doubleColumn(SegmentationTables.SCORE_S).get(0));
        assertEquals(24, t.intColumn(SegmentationTables.IMAGE_SIZE).get(0));
        assertEquals("FCN-resnet8-w8", t.stringColumn(SegmentationTables.MODEL).get(0));
        assertEquals(7L, t.longColumn(SegmentationTables.SEED).get(0));

        int row = 3;   // NP M=2
        SegmentationRun np = runs.get(row);
        assertEquals("NP", t.stringColumn(SegmentationTables.METHOD).get(row));
        assertEquals(2, t.intColumn(SegmentationTables.BLOCK_SIZE).get(row));
        assertEquals(np.keyId(), t.stringColumn(SegmentationTables.KEY_ID).get(row));
        assertEquals(np.correct().meanIoU(), t.doubleColumn(SegmentationTables.MEAN_IOU).get(row));
        assertEquals(np.correct().pixelAccuracy(), t.doubleColumn(SegmentationTables.PIXEL_ACCURACY).get(row));
        assertEquals(np.access().incorrectMean(), t.doubleColumn(SegmentationTables.INCORRECT_MEAN_IOU).get(row));
        assertEquals(np.access().incorrectStd(), t.doubleColumn(SegmentationTables.INCORRECT_STD).get(row));
        assertEquals(np.access().plain(), t.doubleColumn(SegmentationTables.PLAIN_MEAN_IOU).get(row));
        assertEquals(SweepFixture.INCORRECT_KEYS, t.intColumn(SegmentationTables.INCORRECT_KEYS).get(row));
        assertEquals(1, t.intColumn(SegmentationTables.BEST_EPOCH).get(row));
        assertEquals(np.correct().meanIoUInterval(7).low(), t.doubleColumn(SegmentationTables.MEAN_IOU_LOW).get(row));
        assertEquals(SegmentationEvaluation.Score.meanIoUInterval(np.incorrect(), 7).high(),
                t.doubleColumn(SegmentationTables.INCORRECT_MEAN_IOU_HIGH).get(row));
        for (String[] band : new String[][] {{"mean_iou_low", "mean_iou", "mean_iou_high"},
                {"incorrect_mean_iou_low", "incorrect_mean_iou", "incorrect_mean_iou_high"},
                {"plain_mean_iou_low", "plain_mean_iou", "plain_mean_iou_high"}}) {
            assertTrue(t.doubleColumn(band[0]).get(row) <= t.doubleColumn(band[1]).get(row)
                    && t.doubleColumn(band[1]).get(row) <= t.doubleColumn(band[2]).get(row), band[1]);
        }
    }

    @Test
    void aStoredModelHasNoBestEpoch() {
        List<SegmentationRun> runs = new ArrayList<>(SweepFixture.sweep(2));
        SegmentationRun r = runs.get(1);
        runs.set(1, new SegmentationRun(r.method(), r.blockSize(), r.keyId(), -1, r.correct(), r.access(), r.incorrect(),
                r.plain(), r.trainSeconds(), r.scoreSeconds()));
        Table t = SegmentationTables.models(runs, SweepFixture.SCALE);
        assertTrue(t.intColumn(SegmentationTables.BEST_EPOCH).isMissing(1));
        assertFalse(t.intColumn(SegmentationTables.BEST_EPOCH).isMissing(0));
    }

    @Test
    void modelsRejectNoRunsAndUnscoredModels() {
        var empty = assertThrows(IllegalArgumentException.class, () -> SegmentationTables.models(List.of(), SweepFixture.SCALE));
        assertTrue(empty.getMessage().contains("no runs"), empty.getMessage());
        SegmentationRun r = SweepFixture.run(KeyKind.SHF, 2, 1);
        SegmentationRun unscored = new SegmentationRun("SHF", 2, "k", 0, r.correct(), null, List.of(), null, 1, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationTables.models(List.of(SweepFixture.baseline(), unscored), SweepFixture.SCALE));
        assertTrue(e.getMessage().contains("SHF M=2 is not scored under every condition"), e.getMessage());
    }

    @Test
    void table1HasARowForEveryBlockSizeOfThisRunAndThePaper() {
        List<SegmentationRun> runs = SweepFixture.sweep(2, 12);
        Table t = SegmentationTables.table1(runs, SweepFixture.SCALE, PAPER);
        assertEquals(List.of(2, 4, 8, 12, 16, 32, 64, 128, 256), t.intColumn(SegmentationTables.M).asList());
        assertEquals(List.of("M", "M / side (this run)", "SHF", "NP", "FFX", "baseline", "M / side (paper)", "paper SHF",
                "paper NP", "paper FFX", "paper baseline", "SHF_low", "SHF_high", "NP_low", "NP_high", "FFX_low", "FFX_high",
                "this run's scale", "paper's scale"), t.columnNames());
        int m12 = 3, m4 = 1, m256 = 8;
        assertEquals(0.5, t.doubleColumn(SegmentationTables.M_SIDE).get(m12));
        assertTrue(t.doubleColumn(SegmentationTables.M_SIDE).isMissing(m4));
        assertEquals(runs.get(2).correct().meanIoU(), t.doubleColumn("SHF").get(m12));   // SHF M=12
        assertEquals(runs.get(5).correct().meanIoU(), t.doubleColumn("FFX").get(0));     // FFX M=2
        assertTrue(t.doubleColumn("NP").isMissing(m4));
        assertEquals(runs.get(0).correct().meanIoU(), t.doubleColumn(SegmentationTables.BASELINE).get(m12));
        assertTrue(t.doubleColumn(SegmentationTables.BASELINE).isMissing(m256));
        assertEquals(1.0, t.doubleColumn(SegmentationTables.M_SIDE_PAPER).get(m256));
        assertTrue(t.doubleColumn(SegmentationTables.M_SIDE_PAPER).isMissing(m12));
        assertEquals(0.038, t.doubleColumn(SegmentationTables.PAPER + "SHF").get(m256), 1e-12);
        assertEquals(0.708, t.doubleColumn(SegmentationTables.PAPER + "baseline").get(m4), 1e-12);
        assertTrue(t.doubleColumn(SegmentationTables.PAPER + "NP").isMissing(m12));
        assertEquals(runs.get(4).correct().meanIoUInterval(7).high(), t.doubleColumn("NP" + SegmentationTables.HIGH).get(m12));
        assertTrue(t.doubleColumn("SHF" + SegmentationTables.LOW).get(0) <= t.doubleColumn("SHF").get(0));
        assertTrue(t.doubleColumn("FFX" + SegmentationTables.LOW).isMissing(m4));
        assertEquals("stamps (embedded) 24×24, 90 train / 10 validation / 3 test images, FCN-resnet8-w8, 2 epochs, seed 7",
                t.stringColumn(SegmentationTables.SCALE_THIS_RUN).get(0));
        assertEquals(SegmentationScale.PAPER.describe(), t.stringColumn(SegmentationTables.SCALE_PAPER).get(m256));
    }

    @Test
    void table1NamesWhatIsWrongWithTheSweep() {
        List<SegmentationRun> noBaseline = new ArrayList<>(SweepFixture.sweep(2, 12));
        noBaseline.remove(0);
        assertMessage("0 baselines", () -> SegmentationTables.table1(noBaseline, SweepFixture.SCALE, PAPER));

        List<SegmentationRun> gap = new ArrayList<>(SweepFixture.sweep(2, 12));
        gap.remove(3);   // NP M=2
        assertMessage("NP has models at M = [12] but the sweep ran M = [2, 12]",
                () -> SegmentationTables.table1(gap, SweepFixture.SCALE, PAPER));

        List<SegmentationRun> twice = new ArrayList<>(SweepFixture.sweep(2));
        twice.add(SweepFixture.run(KeyKind.FFX, 2, 3));
        assertMessage("FFX has two models at one block size", () -> SegmentationTables.table1(twice, SweepFixture.SCALE, PAPER));

        List<SegmentationRun> odd = new ArrayList<>(SweepFixture.sweep(2));
        SegmentationRun r = odd.get(1);
        odd.add(new SegmentationRun("XOR", 2, "k", 0, r.correct(), r.access(), r.incorrect(), r.plain(), 1, 1));
        assertMessage("run method 'XOR' is neither", () -> SegmentationTables.table1(odd, SweepFixture.SCALE, PAPER));

        assertMessage("only the baseline",
                () -> SegmentationTables.table1(List.of(SweepFixture.baseline()), SweepFixture.SCALE, PAPER));
        assertMessage("has no column 'FFX'", () -> SegmentationTables.table1(SweepFixture.sweep(2), SweepFixture.SCALE,
                PAPER.copy().removeColumns("FFX")));
        assertMessage("has no rows", () -> SegmentationTables.table1(SweepFixture.sweep(2), SweepFixture.SCALE,
                PAPER.emptyCopy()));
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
