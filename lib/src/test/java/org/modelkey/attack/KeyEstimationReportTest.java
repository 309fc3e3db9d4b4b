package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import tech.tablesaw.api.Table;

class KeyEstimationReportTest {

    private static final SecretKey KEY = SecretKey.fromSeed(KeyKind.NP, 2, 3, 1);
    private static final SecretKey START = SecretKey.fromSeed(KeyKind.NP, 2, 3, 2);

    private static KeyEstimationOutcome outcome(int subset) {
        KeySearchResult search = new KeySearchResult("key estimation", START, KEY, 0.25, 0.5, 120, 4, 60, 0.1,
                Table.create("curve"));
        return new KeyEstimationOutcome(subset, "resnet8", "k" + subset, search, 0.875,
                new AccessControlResult(0.8, new double[] {0.1, 0.2}, 0.15, 0.07, 0.1), 0.42, 0.11, 0.7549, 6.04);
    }

    @Test
    void oneRowPerModelWithTheNotebooksColumns() {
        Table t = new KeyEstimationReport("stamps", 32, 1, 9L, 50, List.of(outcome(10), outcome(100))).toTable();
        assertEquals(List.of("subset_percent", "correct_key", "correct_key_low", "correct_key_high", "estimated_key",
                "estimated_key_low", "estimated_key_high", "random_start_key", "random_start_key_low", "random_start_key_high",
                "incorrect_mean", "incorrect_mean_low", "incorrect_mean_high", "plain", "plain_low", "plain_high",
                "correct_on_batch", "correct_on_batch_low", "correct_on_batch_high", "estimated_on_batch",
                "estimated_on_batch_low", "estimated_on_batch_high", "key_bits_agreeing", "evaluations", "evaluations_per_s",
                "plain_forwards_per_s", "transform_share", "wall_s", "dataset", "model", "attacker_batch", "passes", "seed",
                "key", "estimated_key_id"), t.columnNames());
        assertEquals(100, t.intColumn(KeyEstimationReport.SUBSET_PERCENT).get(1));
        assertEquals(42.0, t.doubleColumn(KeyEstimationReport.ESTIMATED_KEY).get(1));
        assertEquals(87.5, t.doubleColumn(KeyEstimationReport.CORRECT_ON_BATCH).get(0));
        assertEquals(50.0, t.doubleColumn(KeyEstimationReport.ESTIMATED_ON_BATCH).get(0));
        assertEquals(0.755, t.doubleColumn(KeyEstimationReport.KEY_BITS_AGREEING).get(0));
        assertEquals(30.0, t.doubleColumn(KeyEstimationReport.EVALUATIONS_PER_S).get(0));
        assertEquals("9", t.stringColumn(KeyEstimationReport.SEED).get(0));
        assertEquals(KEY.id(), t.stringColumn(KeyEstimationReport.ESTIMATED_KEY_ID).get(0));
    }

    @Test
    void keyBitsAgreeOnlyBetweenMaskedKeys() {
        assertEquals(1.0, KeyEstimationOutcome.keyBitsAgreeing(KEY, KEY));
        double unrelated = KeyEstimationOutcome.keyBitsAgreeing(START, KEY);
        assertTrue(unrelated > 0 && unrelated < 1, "unrelated masks agree on part of the bits: " + unrelated);
        var e = assertThrows(IllegalArgumentException.class,
                () -> KeyEstimationOutcome.keyBitsAgreeing(SecretKey.fromSeed(KeyKind.SHF, 2, 3, 1), KEY));
        assertTrue(e.getMessage().contains("masked keys"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> new KeyEstimationReport("stamps", 32, 1, 9L, 50, List.of(outcome(10))).model(30));
        assertTrue(missing.getMessage().contains("no 30 % model"));
    }
}
