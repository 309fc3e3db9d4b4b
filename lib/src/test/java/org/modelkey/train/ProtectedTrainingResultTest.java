package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.report.Interval;
import tech.tablesaw.api.Table;

class ProtectedTrainingResultTest {

    private static final ProtectedTrainingResult RESULT = new ProtectedTrainingResult("stamps", "resnet8", 3, 2, 42L, 50,
            0.82, 12.4, 0.26, List.of(
                    new ProtectedTrainingResult.Row("SHF", 4, "k-shf", new AccessControlResult(0.8, new double[] {0.1, 0.3}, 0.2, 0.1414, 0.12), 20.6, 1.04),
                    new ProtectedTrainingResult.Row("NP", 4, "k-np", new AccessControlResult(0.78, new double[] {0.06, 0.02}, 0.04, 0.0283, 0.0), 19.2, 0.98)));

    @Test
    void theTableHasTheNotebooksColumnsInOrder() {
        Table t = RESULT.toTable();
        assertEquals(List.of("model", "transform", "correct_key", "correct_key_low", "correct_key_high",
                "incorrect_key_mean", "incorrect_key_mean_low", "incorrect_key_mean_high", "incorrect_key_std",
                "incorrect_key_max", "incorrect_key_max_low", "incorrect_key_max_high", "plain", "plain_low", "plain_high",
                "dataset", "model_spec", "epochs", "incorrect_keys", "seed", "key_id", "train_s", "eval_s"), t.columnNames());
        assertEquals(3, t.rowCount());
    }

    @Test
    void theBaselineRowHasNoKeyAndTheOthersTheirMeasurementsInPercent() {
        Table t = RESULT.toTable();
        assertEquals("baseline (not protected)", t.stringColumn(ProtectedTrainingResult.MODEL).get(0));
        assertTrue(t.doubleColumn(ProtectedTrainingResult.CORRECT_KEY).isMissing(0));
        assertEquals(82.0, t.doubleColumn(ProtectedTrainingResult.PLAIN).get(0));
        assertEquals(0, t.intColumn(ProtectedTrainingResult.INCORRECT_KEYS).get(0));
        assertEquals("none", t.stringColumn(ProtectedTrainingResult.KEY_ID).get(0));
        assertEquals("SHF M=4", t.stringColumn(ProtectedTrainingResult.TRANSFORM).get(1));
        assertEquals(80.0, t.doubleColumn(ProtectedTrainingResult.CORRECT_KEY).get(1));
        assertEquals(30.0, t.doubleColumn(ProtectedTrainingResult.INCORRECT_KEY_MAX).get(1), "the best incorrect key");
        assertEquals(14.14, t.doubleColumn(ProtectedTrainingResult.INCORRECT_KEY_STD).get(1));
        assertEquals(2, t.intColumn(ProtectedTrainingResult.INCORRECT_KEYS).get(2));
        assertEquals(42L, t.longColumn(ProtectedTrainingResult.SEED).get(2));
        assertEquals(21.0, t.doubleColumn(ProtectedTrainingResult.TRAIN_S).get(1));
        assertEquals(1.0, t.doubleColumn(ProtectedTrainingResult.EVAL_S).get(1));
        assertEquals(Math.round(Interval.wilson(0.8, 50).low() * 100 * 1e4) / 1e4,
                t.doubleColumn("correct_key_low").get(1), 1e-12);
        assertEquals(List.of("SHF", "NP"), List.copyOf(RESULT.access().keySet()));
    }
}
