package org.modelkey.watermark;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.modelkey.report.Claims;
import org.modelkey.report.Measure;

/**
 * What the chapter measured on one data set, read against the slides' claims ({@code zhong-*}) and
 * the kit's specificity claim ({@code kit-watermark-specific-*}) of {@code claims.csv}, per data
 * set: the non-watermarked model's accuracy (scale check), the new-label model at (α₀, β₀)
 * (fidelity, effectiveness, queries), another owner's model and the non-watermarked model under
 * Zhang's label (false positives), the attacks, and the variant with decoys.
 *
 * @param task       the data set
 * @param alpha0     α of the tested models
 * @param beta0      β of the tested models
 * @param sweep      every sweep point (other data sets' rows are ignored)
 * @param checks     every ownership check
 * @param pruning    every pruning point
 * @param fineTuning every fine-tuning outcome
 */
public record WatermarkFindings(WatermarkTask task, double alpha0, double beta0, List<SweepPoint> sweep,
                                List<OwnershipCheck> checks, List<PruningPoint> pruning,
                                List<FineTuningOutcome> fineTuning) {

    /** Suspect names the notebook's ownership checks use. */
    public static final String WATERMARKED = "watermarked";
    public static final String NON_WATERMARKED = "non-watermarked";
    public static final String OTHER_OWNERS_MODEL = "another owner's watermarked model";

    private static final String NEW = WatermarkMethod.NEW_LABEL.id();
    private static final String ZHANG = WatermarkMethod.EXISTING_LABEL.id();
    private static final String SPECIFIC = NEW + "+decoys";

    /** Checks the data set's claims, the scale check first. */
    public void check(Claims claims) {
        String d = Claims.slug(task.name());
        int tests = task.test().size();
        Measure plain = Measure.accuracy("non-watermarked", point(SweepPoint.NONE).normal(), tests);
        claims.check("scale-watermark-" + d).value("top1", plain);
        SweepPoint marked = point(NEW);
        claims.check("zhong-fidelity-" + d).difference("gap", Measure.accuracy("new label, normal", marked.normal(), tests), plain);
        claims.check("zhong-effectiveness-" + d).requires("alpha", Measure.of("α", alpha0))
                .value("key", Measure.accuracy("new label, fresh key samples (β " + beta0 + ")", marked.key(), marked.keyN()));
        OwnershipCheck other = check(NEW, OTHER_OWNERS_MODEL, "owner");
        OwnershipCheck innocent = check(ZHANG, NON_WATERMARKED, "owner");
        claims.check("zhong-false-positives-" + d)
                .value("rate", rate("another owner's new-label model on the owner's key samples", other))
                .value("rate", rate("non-watermarked model, Zhang's label", innocent))
                .condition("claimed: another owner's model " + other.verdict().detected() + ", non-watermarked "
                        + innocent.verdict().detected(), !other.verdict().detected() && !innocent.verdict().detected());
        OwnershipCheck mine = check(NEW, WATERMARKED, "owner");
        int needed = mine.queriesNeeded();
        claims.check("zhong-queries-" + d).requires("bound", Measure.of("false-positive bound", mine.verdict().falsePositiveBound()))
                .condition("a number of queries decides (queries_needed " + needed + ")", needed > 0)
                .value("queries", Measure.of("queries needed", needed > 0 ? needed : Double.POSITIVE_INFINITY));
        FineTuningOutcome newTuned = tuned(NEW), zhangTuned = tuned(ZHANG);
        Measure newAfter = Measure.accuracy("new label, key samples after fine-tuning", newTuned.keyAfter(), newTuned.keyN());
        claims.check("zhong-fine-tuning-" + d).value("key", newAfter).ratio("versus_zhang", newAfter,
                Measure.accuracy("Zhang's label", zhangTuned.keyAfter(), zhangTuned.keyN()));
        Claims.Check pruned = claims.check("zhong-pruning-" + d);
        List<PruningPoint> curve = pruning.stream().filter(p -> mine(p.dataSet()) && p.variant().equals(NEW)).toList();
        double unpruned = curve.stream().filter(p -> p.rate() == 0).findFirst().orElseThrow(() -> missing("unpruned")).normal();
        for (PruningPoint p : curve) {
            if (p.normal() >= unpruned - pruned.parameter("within")) {
                pruned.value("key", Measure.accuracy("key samples at pruning rate " + p.rate(), p.key(), p.keyN()));
            }
        }
        SweepPoint specific = point(SPECIFIC);
        claims.check("kit-watermark-specific-" + d)
                .value("rate", rate("new label + decoys on another owner's key samples", check(SPECIFIC, WATERMARKED, "another owner")))
                .value("key", Measure.accuracy("new label + decoys, fresh key samples", specific.key(), specific.keyN()))
                .difference("gap", Measure.accuracy("new label + decoys, normal", specific.normal(), tests), plain);
    }

    private boolean mine(String dataSet) {
        return dataSet.equals(task.name());
    }

    private SweepPoint point(String variant) {
        Predicate<SweepPoint> tested = p -> variant.equals(SweepPoint.NONE)
                || p.alpha() == alpha0 && p.beta() == beta0;
        return sweep.stream().filter(p -> mine(p.dataSet()) && p.variant().equals(variant) && tested.test(p))
                .findFirst().orElseThrow(() -> missing(variant + " at α=" + alpha0 + ", β=" + beta0));
    }

    private OwnershipCheck check(String variant, String suspect, String queriedWith) {
        return checks.stream().filter(c -> mine(c.dataSet()) && c.variant().equals(variant) && c.suspect().equals(suspect)
                && c.queriedWith().equals(queriedWith)).findFirst()
                .orElseThrow(() -> missing("ownership check of " + suspect + " (" + variant + ", " + queriedWith + "'s key samples)"));
    }

    private FineTuningOutcome tuned(String variant) {
        return fineTuning.stream().filter(o -> mine(o.dataSet()) && o.variant().equals(variant)).findFirst()
                .orElseThrow(() -> missing("fine-tuning of " + variant));
    }

    private static Measure rate(String label, OwnershipCheck c) {
        return Measure.accuracy(label, c.verdict().markRate(), c.verdict().queries());
    }

    private NoSuchElementException missing(String what) {
        return new NoSuchElementException(task.name() + ": no " + what + " was measured; run the chapter's cells in order");
    }
}
