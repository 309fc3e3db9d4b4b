package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.report.Results;
import tech.tablesaw.api.Table;

class TransferLearningResultTest {

    private static final Table PAPER = Results.paperReference("icip2021-table1-transfer-subsets.csv");
    private static final TransferLearningResult RESULT = new TransferLearningResult("stamps", "resnet8", 2, 7L,
            50, 200, 0.84, 30.4, List.of(
                    new TransferLearningResult.Subset(10, 20, "k1", new AccessControlResult(0.6, new double[] {0.1, 0.2}, 0.15, 0.0707, 0.12), 5.2, 0.44),
                    new TransferLearningResult.Subset(100, 200, "k2", new AccessControlResult(0.8, new double[] {0.1, 0.1}, 0.1, 0, 0.1), 20.6, 0.46)));

    @Test
    void subsetsFirstThenTheBaselineBesideThePapersNumbers() {
        Table t = RESULT.toTable(PAPER, "this run", "the paper's");
        assertEquals(List.of("model", "subset_percent", "train_images", "correct_key", "correct_key_low", "correct_key_high",
                "incorrect_key_mean", "incorrect_key_mean_low", "incorrect_key_mean_high", "incorrect_key_std", "plain",
                "plain_low", "plain_high", "paper_correct_key", "paper_incorrect_key", "paper_plain", "scale_this_run",
                "scale_paper", "dataset", "model_spec", "incorrect_keys", "seed", "key_id", "train_s", "eval_s"), t.columnNames());
        assertEquals(List.of("protected", "protected", "baseline (not protected)"), t.stringColumn("model").asList());
        assertEquals(60.0, t.doubleColumn(TransferLearningResult.CORRECT_KEY).get(0));
        assertEquals(7.07, t.doubleColumn(TransferLearningResult.INCORRECT_KEY_STD).get(0));
        assertTrue(t.doubleColumn(TransferLearningResult.CORRECT_KEY).isMissing(2));
        assertEquals(84.0, t.doubleColumn(TransferLearningResult.PLAIN).get(2));
        assertEquals(TransferLearningResult.paperValue(PAPER, "protected", 10, "correct_key"),
                t.doubleColumn(TransferLearningResult.PAPER_CORRECT_KEY).get(0));
        assertEquals(TransferLearningResult.paperValue(PAPER, "baseline_not_protected", 100, "plain"),
                t.doubleColumn(TransferLearningResult.PAPER_PLAIN).get(2));
        assertEquals(List.of(2, 2, 0), t.intColumn(TransferLearningResult.INCORRECT_KEYS).asList());
        assertEquals(List.of("k1", "k2", "none"), t.stringColumn(TransferLearningResult.KEY_ID).asList());
        assertEquals(30.0, t.doubleColumn(TransferLearningResult.TRAIN_S).get(2));
        assertTrue(t.doubleColumn(TransferLearningResult.EVAL_S).isMissing(2));
        assertEquals(List.of(10.0, 100.0), List.copyOf(RESULT.access().keySet()));
    }

    @Test
    void aSubsetThePaperDoesNotPrintIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransferLearningResult.paperValue(PAPER, "protected", 40, "plain"));
        assertTrue(e.getMessage().contains("no row for protected at 40.0 %"), e.getMessage());
    }
}
