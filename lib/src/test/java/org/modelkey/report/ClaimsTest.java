package org.modelkey.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.Profile;
import org.modelkey.report.Claims.Verdict;
import tech.tablesaw.api.Table;

class ClaimsTest {
    private static final String HEADER = String.join(",", ClaimTable.COLUMNS);

    @TempDir
    Path dir;

    private ClaimTable table(String... rows) throws IOException {
        Path file = dir.resolve("claims.csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
        return ClaimTable.load(file);
    }

    private Claims claims() throws IOException {
        ClaimTable t = table(
                "scale-test,scale,—,—,the baseline is strong enough,baseline top-1 ≥ 70 %,top1 >= 0.70,,,99",
                "close-test,paper,P,abstract,close to the baseline,m(correct) ≥ 0.90 · m(baseline),ratio >= 0.90,72.63,scale-test,99",
                "drop-test,paper,P,abstract,\"incorrect key: drops, severely\",mean and best,mean <= 0.10; best <= 0.20,,scale-test,99",
                "order-test,paper,P,Table 1,grows with the subset,increasing within intervals,slack = 1,,,99",
                "other-test,paper,P,Fig. 2,measured elsewhere,not here,,,,99");
        return new Claims(new Results(Profile.SMOKE, new Provenance("smoke", "abc", "PyTorch", "cpu()", 1L)), t);
    }

    @Test
    void heldNotHeldAndNotTestableWithTheThresholdReadFromTheTable() throws IOException {
        Claims c = claims();
        c.check("scale-test").value("top1", Measure.accuracy("baseline", 0.80, 500));
        c.check("close-test").marginRatio("ratio", Measure.accuracy("correct", 0.75, 500),
                Measure.accuracy("baseline", 0.80, 500), 0.20);    // m = 0.55 / 0.60 = 0.92 ≥ 0.90
        c.check("drop-test").marginRatio("mean", Measure.of("incorrect mean", 0.22), Measure.of("correct", 0.74), 0.20)
                .marginRatio("best", Measure.of("best incorrect", 0.40), Measure.of("correct", 0.74), 0.20);
        c.check("order-test").increasing("slack", Measure.accuracy("10 %", 0.60, 500), Measure.accuracy("100 %", 0.59, 500));
        c.notTestable("other-test", "the pruning sweep");
        assertEquals(Verdict.HELD, c.verdict("close-test"));
        assertEquals(Verdict.NOT_HELD, c.verdict("drop-test"), "best incorrect keeps 0.37 of the margin, over 0.20");
        assertEquals(Verdict.HELD, c.verdict("order-test"), "a fall of 0.01 is within the intervals");
        assertEquals(Verdict.NOT_TESTABLE, c.verdict("other-test"));
        Table t = c.report("99");
        assertEquals(5, t.rowCount());
        assertTrue(t.stringColumn("evidence").get(1).contains("95 % intervals overlap"), t.stringColumn("evidence").get(1));
        assertEquals("ratio >= 0.90", t.stringColumn("threshold").get(1));
        assertTrue(t.stringColumn("evidence").get(4).contains("not measured by this run: the pruning sweep"));
        Path saved = Profile.SMOKE.resultsDir().resolve("claims").resolve("99.csv");
        try {
            assertTrue(Files.readString(saved).contains("not held"), "verdicts are written for reproduce to collect");
        } finally {
            Files.delete(saved);    // not a notebook's verdicts: keep them out of the smoke run's collected claims
        }
    }

    @Test
    void aFailedScaleCheckMakesItsClaimsNotTestable() throws IOException {
        Claims c = claims();
        c.check("scale-test").value("top1", Measure.accuracy("baseline", 0.30, 500));
        c.check("close-test").marginRatio("ratio", Measure.of("correct", 0.30), Measure.of("baseline", 0.30), 0.2);
        assertEquals(Verdict.NOT_HELD, c.verdict("scale-test"));
        assertEquals(Verdict.NOT_TESTABLE, c.verdict("close-test"), "held on its numbers, but the scale cannot test it");
        assertTrue(c.table().stringColumn("evidence").get(1).startsWith("scale check scale-test not held"));
    }

    @Test
    void aReferenceAtChanceHasNoMarginAndHoldsNothing() throws IOException {
        Claims c = claims();
        c.check("scale-test").value("top1", Measure.of("baseline", 0.9));
        c.check("drop-test").marginRatio("mean", Measure.of("incorrect", 0.30), Measure.of("correct", 0.15), 0.20)
                .marginRatio("best", Measure.of("best incorrect", 0.30), Measure.of("correct", 0.15), 0.20);
        assertEquals(Verdict.NOT_HELD, c.verdict("drop-test"), "a negative margin ratio must not pass an upper bound");
    }

    @Test
    void aFailedPreconditionMakesTheClaimNotTestable() throws IOException {
        Claims c = claims();
        c.check("order-test").requires("the attacker's images are disjoint from the test set", false)
                .increasing("slack", Measure.of("a", 1), Measure.of("b", 2));
        assertEquals(Verdict.NOT_TESTABLE, c.verdict("order-test"));
    }

    @Test
    void programmingErrorsAreClear() throws IOException {
        Claims c = claims();
        var unknown = assertThrows(IllegalArgumentException.class, () -> c.check("no-such-claim"));
        assertTrue(unknown.getMessage().contains("unknown claim id 'no-such-claim'"), unknown.getMessage());
        var noBound = assertThrows(IllegalArgumentException.class,
                () -> c.check("order-test").value("top1", Measure.of("x", 1)));
        assertTrue(noBound.getMessage().contains("has no threshold 'top1'"), noBound.getMessage());
        c.check("close-test").marginRatio("ratio", Measure.of("correct", 0.5), Measure.of("baseline", 0.6), 0.2);
        var guard = assertThrows(IllegalStateException.class, () -> c.verdict("close-test"));
        assertTrue(guard.getMessage().contains("check scale-test in the same claims cell"), guard.getMessage());
        var unchecked = assertThrows(IllegalStateException.class, () -> c.report("99"));
        assertTrue(unchecked.getMessage().contains("unchecked"), unchecked.getMessage());
    }

    @Test
    void aMalformedTableIsAClearError() {
        Path file = dir.resolve("claims.csv");
        var header = assertThrows(IllegalArgumentException.class, () -> {
            Files.writeString(file, "id,paper,claim\n");
            ClaimTable.load(file);
        });
        assertTrue(header.getMessage().contains("line 1: the header must be"), header.getMessage());
        var fields = assertThrows(IllegalArgumentException.class, () -> {
            Files.writeString(file, HEADER + "\na,paper,P,w,c,t,ratio >= 0.9,,\n");
            ClaimTable.load(file);
        });
        assertTrue(fields.getMessage().contains("line 2: 9 fields"), fields.getMessage());
        var threshold = assertThrows(IllegalArgumentException.class,
                () -> table("a,paper,P,w,c,t,ratio about 0.9,,,02"));
        assertTrue(threshold.getMessage().contains("is not 'name op number'"), threshold.getMessage());
        var number = assertThrows(IllegalArgumentException.class, () -> table("a,paper,P,w,c,t,ratio >= high,,,02"));
        assertTrue(number.getMessage().contains("has no number"), number.getMessage());
        var guard = assertThrows(IllegalArgumentException.class, () -> table("a,paper,P,w,c,t,,,scale-x,02"));
        assertTrue(guard.getMessage().contains("not a scale check"), guard.getMessage());
        var kind = assertThrows(IllegalArgumentException.class, () -> table("a,claim,P,w,c,t,,,,02"));
        assertTrue(kind.getMessage().contains("kind 'claim'"), kind.getMessage());
    }

    @Test
    void theKitsTableLoads() {
        ClaimTable reference = ClaimTable.reference();
        assertTrue(reference.rows().size() > 40);
        assertEquals(0.90, reference.row("apsipa-close-shf").bound("ratio").value(), 1e-12);
    }
}
