package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.modelkey.Profile;
import org.modelkey.data.ByteImages;
import org.modelkey.model.Network;
import org.modelkey.report.ClaimTable;
import org.modelkey.report.Claims;
import org.modelkey.report.Provenance;
import org.modelkey.report.Results;
import tech.tablesaw.api.Table;

/**
 * The chapter's protocol end to end on a tiny task (6 classes of 12×12 bands, ResNet-8 of width 4):
 * every step runs, returns its rows with the settings it was given, and the findings decide every
 * claim of the data set from the real claims table.
 */
class WatermarkExperimentTest {

    private static final int CLASSES = 6;
    private static final int SIDE = 12;

    private static ByteImages bands(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIDE * SIDE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
            for (int p = 0; p < SIDE * SIDE; p++) {
                boolean band = (p / SIDE) / 2 == labels[i];
                pixels[i * SIDE * SIDE + p] = (byte) (band ? 180 + random.nextInt(70) : random.nextInt(70));
            }
        }
        return ByteImages.labelled(1, SIDE, SIDE, pixels, labels, List.of("a", "b", "c", "d", "e", "f"));
    }

    @Test
    void everyStepOfTheProtocolRunsAndTheFindingsDecideEveryClaim() throws Exception {
        WatermarkTask task = new WatermarkTask("MNIST", bands(240, 1), bands(60, 2), bands(150, 3));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        KeyedNoise mine = new KeyedNoise(0.2, 11);
        KeyedNoise other = new KeyedNoise(0.2, 12);
        Embedding center = Embedding.of(WatermarkMethod.NEW_LABEL, 0.1, mine);
        Embedding zhang = Embedding.of(WatermarkMethod.EXISTING_LABEL, 0.1, mine);
        Embedding specific = center.withDecoys(0.1);
        List<Embedding> kept = List.of(center, zhang, specific);
        try (WatermarkExperiment x = WatermarkExperiment.builder(task).model("resnet8", 4).training(2, 32, 0.2f)
                .queries(50).seed(5).log(quiet).build()) {
            assertEquals(50, x.keyQueries());
            List<SweepPoint> points = x.sweep(List.of(center, zhang, specific), kept);
            assertEquals(4, points.size());
            assertEquals(SweepPoint.NONE, points.get(0).variant());
            assertEquals(24, points.get(1).keySamples());
            assertEquals(24, points.get(3).decoys());
            assertEquals(mine.id(), points.get(1).keyId());
            assertEquals(task.classes() + 1, x.model(center).spec().classes());
            assertEquals(task.classes(), x.model(zhang).spec().classes());
            assertThrows(IllegalArgumentException.class, () -> x.model(center.withPattern(other)));

            List<OwnershipCheck> checks = new ArrayList<>();
            List<PruningPoint> pruned = new ArrayList<>();
            List<FineTuningOutcome> tuned = new ArrayList<>();
            for (Embedding e : kept) {
                WatermarkExperiment.Verification v = x.verification(e, 1e-6);
                checks.add(x.check(v, WatermarkFindings.WATERMARKED, x.model(e)));
                checks.add(x.checkOtherOwnersKeys(v, other, x.model(e)));
                if (e == zhang) {
                    checks.add(x.check(v, WatermarkFindings.NON_WATERMARKED, x.plain()));
                } else if (e == center) {
                    assertThrows(IllegalArgumentException.class,
                            () -> x.check(v, WatermarkFindings.NON_WATERMARKED, x.plain()), "no class C to answer");
                    try (Network others = x.embed(center.withPattern(other))) {
                        checks.add(x.check(v, WatermarkFindings.OTHER_OWNERS_MODEL, others));
                    }
                }
                pruned.addAll(x.prune(e, new double[] {0, 0.5}));
                tuned.add(x.fineTune(e, 1, 0.05f));
            }
            assertEquals(50, checks.get(0).verdict().queries());
            assertEquals("another owner", checks.get(1).queriedWith());
            assertEquals(0.5, pruned.get(1).rate());
            assertTrue(pruned.get(1).sparsity() > 0.4);
            assertEquals(60, tuned.get(0).attackerImages());

            Table sweep = SweepPoint.table(points);
            assertTrue(sweep.columnNames().containsAll(List.of(SweepPoint.NORMAL, SweepPoint.NORMAL + "_low", SweepPoint.KEY_ID)));
            assertEquals(checks.size(), OwnershipCheck.table(checks).rowCount());
            assertEquals(6, PruningPoint.table(pruned).rowCount());
            assertEquals(3, FineTuningOutcome.table(tuned).rowCount());

            Claims claims = new Claims(new Results(Profile.SMOKE, new Provenance("smoke", "abc", "PyTorch", "cpu()", 1L)),
                    ClaimTable.reference());
            new WatermarkFindings(task, 0.1, 0.2, points, checks, pruned, tuned).check(claims);
            for (String id : List.of("scale-watermark-mnist", "zhong-fidelity-mnist", "zhong-effectiveness-mnist",
                    "zhong-false-positives-mnist", "zhong-queries-mnist", "zhong-fine-tuning-mnist", "zhong-pruning-mnist",
                    "kit-watermark-specific-mnist")) {
                assertNotNull(claims.verdict(id), id);
            }
            assertFalse(claims.verdict("scale-watermark-mnist") == Claims.Verdict.HELD, "a 12-pixel toy is not MNIST scale");
        }
    }

    @Test
    void aTaskSplitsItsTrainingPartForTheAttackerAndLimitsEachPart() throws Exception {
        var data = new org.modelkey.data.TrainTestSplit<>(bands(300, 1), bands(120, 2));
        WatermarkTask task = WatermarkTask.split("toy", data, 20, 3);
        assertEquals(240, task.owner().size());
        assertEquals(60, task.attacker().size());
        assertEquals("240+60+120", task.sizes());
        WatermarkTask small = task.limit(60, 0, 30, 3);
        assertEquals("60+60+30", small.sizes());
        assertThrows(IllegalArgumentException.class, () -> WatermarkTask.load("stamps", Profile.SMOKE, 1));
        assertThrows(IllegalArgumentException.class, () -> WatermarkExperiment.builder(task).training(0, 32, 0.2f));
        assertThrows(IllegalArgumentException.class, () -> WatermarkExperiment.builder(task).queries(0));
    }
}
