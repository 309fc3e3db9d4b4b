package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import tech.tablesaw.api.DoubleColumn;

/** The search logic of both key searches on cheap objectives (the DJL objective is tested in BatchAccuracyTest). */
class KeySearchTest {

    /** Fraction of key entries that agree with {@code correct}: an objective that points at the correct key. */
    private static KeyObjective agreementWith(SecretKey correct) {
        int[] target = KeyEstimationAttack.entries(correct);
        return candidate -> {
            int[] beta = KeyEstimationAttack.entries(candidate);
            int same = 0;
            for (int k = 0; k < beta.length; k++) {
                same += beta[k] == target[k] ? 1 : 0;
            }
            return (double) same / beta.length;
        };
    }

    /** A deterministic but erratic objective: a hash of the key, so swaps go up and down. */
    private static double erratic(SecretKey key) {
        return Math.floorMod(java.util.Arrays.hashCode(key.positions()), 101) / 100.0;
    }

    private static boolean nonDecreasing(DoubleColumn c) {
        for (int r = 1; r < c.size(); r++) {
            if (c.getDouble(r) < c.getDouble(r - 1)) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void theKeptAccuracyNeverGoesDown(KeyKind kind) {
        SecretKey start = SecretKey.fromSeed(kind, 2, 3, 11);
        KeySearchResult r = new KeyEstimationAttack(2).search(KeySearchTest::erratic, start);
        DoubleColumn kept = r.curve().doubleColumn("kept_accuracy");
        DoubleColumn candidate = r.curve().doubleColumn("candidate_accuracy");
        assertTrue(nonDecreasing(kept));
        assertTrue(candidate.min() < candidate.max(), "the erratic objective must make some swaps worse");
        assertEquals(r.startAccuracy(), kept.getDouble(0));
        assertEquals(r.accuracy(), kept.getDouble(kept.size() - 1));
        assertEquals(r.accuracy(), erratic(r.estimated()), "the reported accuracy is the estimated key's");
        assertTrue(r.accuracy() >= r.startAccuracy());
        assertEquals(r.evaluations(), r.curve().rowCount());
    }

    @Test
    void anEvaluationBudgetEndsTheSearchWithinAPassAndLeavesTheRestAsBefore() {
        SecretKey start = SecretKey.fromSeed(KeyKind.NP, 2, 3, 11);   // L = 12: 36 swaps that change the key per pass
        KeySearchResult full = new KeyEstimationAttack(1).search(KeySearchTest::erratic, start);
        assertEquals(37, full.evaluations());
        KeySearchResult capped = new KeyEstimationAttack(1, 10).search(KeySearchTest::erratic, start);
        assertEquals(10, capped.evaluations());
        assertEquals(10, capped.curve().rowCount());
        for (int r = 0; r < 10; r++) {
            assertEquals(full.curve().doubleColumn("kept_accuracy").getDouble(r),
                    capped.curve().doubleColumn("kept_accuracy").getDouble(r), "row " + r);
        }
        assertEquals(full.curve().doubleColumn("kept_accuracy").getDouble(9), capped.accuracy());
        assertEquals(37, new KeyEstimationAttack(1, 1000).search(KeySearchTest::erratic, start).evaluations());
        assertThrows(IllegalArgumentException.class, () -> new KeyEstimationAttack(1, 0));
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void startedFromTheCorrectKeyItKeepsIt(KeyKind kind) {
        SecretKey correct = SecretKey.fromSeed(kind, 2, 3, 5);
        KeySearchResult r = new KeyEstimationAttack(1).search(agreementWith(correct), correct);
        assertEquals(correct, r.estimated());
        assertEquals(1.0, r.accuracy());
        assertEquals(1.0, r.curve().doubleColumn("kept_accuracy").min());
    }

    @ParameterizedTest
    @EnumSource(value = KeyKind.class, names = {"NP", "FFX"})
    void anInformativeObjectiveLeadsToTheCorrectMask(KeyKind kind) {
        SecretKey correct = SecretKey.fromSeed(kind, 2, 3, 5);
        SecretKey random = SecretKey.fromSeed(kind, 2, 3, 6);
        SecretKey start = kind == KeyKind.FFX ? ((SecretKey.Ffx) random).withPassword(((SecretKey.Ffx) correct).password()) : random;
        KeySearchResult r = new KeyEstimationAttack(3).search(agreementWith(correct), start);
        assertEquals(1.0, r.accuracy());
        assertEquals(correct, r.estimated());
    }

    @Test
    void swapsOfEqualMaskBitsAreSkipped() {
        // from the correct mask every swap is reverted, so each pass meets the same 6 ones × 6 zeros
        SecretKey correct = SecretKey.fromSeed(KeyKind.NP, 2, 3, 1);
        KeySearchResult r = new KeyEstimationAttack(2).search(agreementWith(correct), correct);
        assertEquals(1 + 2 * 6 * 6, r.evaluations());
        assertTrue(r.curve().doubleColumn("candidate_accuracy").where(
                r.curve().intColumn("evaluation").isGreaterThan(0)).max() < 1.0, "every evaluated swap changed the key");
        SecretKey shf = SecretKey.fromSeed(KeyKind.SHF, 2, 3, 1);
        assertEquals(1 + 12 * 11 / 2, new KeyEstimationAttack(1).search(KeySearchTest::erratic, shf).evaluations());
    }

    @Test
    void aKnownFfxPasswordIsKeptAndOnlyTheMaskIsDrawn() {
        SecretKey start = new AttackerKnowledge(KeyKind.FFX, 2, 8, "known").randomKey(3);
        assertEquals("known", ((SecretKey.Ffx) start).password());
        assertArrayEquals(new AttackerKnowledge(KeyKind.FFX, 2, 8).randomKey(3).positions(), start.positions());
        var e = assertThrows(IllegalArgumentException.class, () -> new AttackerKnowledge(KeyKind.NP, 2, 8, "known"));
        assertTrue(e.getMessage().contains("give null, or kind FFX"), e.getMessage());
    }

    @Test
    void zeroPassesIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new KeyEstimationAttack(0));
        assertTrue(e.getMessage().contains("at least 1 pass"), e.getMessage());
    }

    @Test
    void randomSearchWithASeedIsRepeatable() {
        KeyObjective objective = KeySearchTest::erratic;
        KeySearchResult a = new RandomKeySearch(50).search(objective, new AttackerKnowledge(KeyKind.NP, 4, 42), 3);
        KeySearchResult b = new RandomKeySearch(50).search(objective, new AttackerKnowledge(KeyKind.NP, 4, 42), 3);
        KeySearchResult c = new RandomKeySearch(50).search(objective, new AttackerKnowledge(KeyKind.NP, 4, 43), 3);
        assertEquals(a.estimated(), b.estimated());
        assertEquals(a.curve().doubleColumn("candidate_accuracy").asList(),
                b.curve().doubleColumn("candidate_accuracy").asList());
        assertNotEquals(a.start(), c.start());
        assertTrue(nonDecreasing(a.curve().doubleColumn("kept_accuracy")));
        assertEquals(a.curve().doubleColumn("candidate_accuracy").max(), a.accuracy());
        assertEquals(erratic(a.estimated()), a.accuracy());
        assertEquals(50, a.evaluations());
    }

    @Test
    void randomSearchNeedsAtLeastOneKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RandomKeySearch(0));
        assertTrue(e.getMessage().contains("at least 1 key"), e.getMessage());
    }

    @Test
    void summaryShowsKeyIdsNotKeys() {
        SecretKey start = SecretKey.fromSeed(KeyKind.SHF, 2, 1, 3);
        var summary = new KeyEstimationAttack(1).search(KeySearchTest::erratic, start).toTable();
        assertEquals(1, summary.rowCount());
        assertEquals(start.id(), summary.stringColumn("start_key").get(0));
        assertTrue(summary.doubleColumn("evaluations_per_second").get(0) > 0);
    }
}
