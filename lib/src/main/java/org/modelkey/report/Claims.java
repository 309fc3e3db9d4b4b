package org.modelkey.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.modelkey.Profile;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The closing cell of every notebook (docs/design.md, "Notebooks"): the claims of
 * {@code notebooks/reference/claims.csv} that the notebook tests, each checked by its id against
 * the threshold that table gives, with the numbers this run measured. A claim is
 * {@linkplain Verdict#HELD held}, {@linkplain Verdict#NOT_HELD not held}, or
 * {@linkplain Verdict#NOT_TESTABLE not testable} (its scale check did not hold, a precondition failed,
 * or this run does not measure its quantity). A claim that does not hold is a result: nothing here
 * throws for it, at any profile; at {@code smoke} and in a rehearsal the verdicts are printed and decide nothing.
 *
 * <p>A cell reads like the paper's claim:
 * <pre>{@code
 * Measure base = Measure.accuracy("baseline", 0.734, testImages);          // with its Wilson interval
 * claims.check("scale-classification-02").value("top1", base).ratio("over_chance", base, Measure.of("chance", chance));
 * claims.check("apsipa-close-shf").marginRatio("ratio", correct, base, chance);   // m(correct) ≥ 0.90 · m(baseline)
 * claims.check("icip-t1-order").increasing("slack", a10, a20, a30, a100);
 * claims.check("icip-t2-estimation").requires("the attacker's images are disjoint from the test set", disjoint)...;
 * claims.notTestable("zhong-queries-cifar10", "profile demo does not run CIFAR-10");
 * claims.report("02")
 * }</pre>
 * Every condition of a check must hold for the claim to hold; the same threshold may be used by
 * several conditions ("for every subset"). {@link #report} decides, prints, writes
 * {@code results/<profile>/claims/NN.csv} (which {@code environment/reproduce} collects into
 * {@code results/<profile>/claims.csv}) and fails only on a programming error: an id the table lacks, a
 * check with no condition, a guarded claim checked before its scale check, or a row of this notebook left
 * unchecked.
 */
public final class Claims {

    /** The outcome of one claim. */
    public enum Verdict {
        HELD, NOT_HELD, NOT_TESTABLE;

        /** "held", "not held", "not testable", as written in the results. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private final Results results;
    private final ClaimTable table;
    private final Map<String, Check> checks = new LinkedHashMap<>();

    /** The claims of {@code notebooks/reference/claims.csv}, saved with this profile's results. */
    public Claims(Profile profile) {
        this(new Results(profile), ClaimTable.reference());
    }

    public Claims(Results results, ClaimTable table) {
        this.results = results;
        this.table = table;
    }

    /** Starts the check of claim {@code id}; add its conditions with the returned check's methods. */
    public Check check(String id) {
        ClaimTable.Row row = table.row(id);
        if (checks.containsKey(id)) {
            throw new IllegalStateException("claim " + id + " is checked twice: give all its conditions to one check");
        }
        Check check = new Check(row);
        checks.put(id, check);
        return check;
    }

    /** Records claim {@code id} as not testable because this run does not measure {@code missing}. */
    public Claims notTestable(String id, String missing) {
        check(id).missing = "not measured by this run: " + missing;
        return this;
    }

    /** The verdict of a claim checked so far. */
    public Verdict verdict(String id) {
        Check check = checks.get(table.row(id).id());
        if (check == null) {
            throw new IllegalStateException("claim " + id + " has not been checked in this notebook");
        }
        return decide(check).verdict;
    }

    /**
     * Decides every claim checked, prints the verdicts, writes them to
     * {@code results/<profile>/claims/<notebook>.csv} (atomically, with the provenance columns) and
     * returns them as a table.
     *
     * @param notebook the notebook's two-digit number, as in the table's {@code notebook} column
     */
    public Table report(String notebook) {
        List<String> unchecked = table.rows().stream().filter(r -> r.notebook().equals(notebook))
                .map(ClaimTable.Row::id).filter(id -> !checks.containsKey(id)).toList();
        if (!unchecked.isEmpty()) {
            throw new IllegalStateException("notebook " + notebook + " leaves claims " + unchecked + " of claims.csv"
                    + " unchecked: check each, or record it with notTestable(id, what this run does not measure)");
        }
        List<String> foreign = checks.values().stream().filter(c -> !c.row.notebook().equals(notebook))
                .map(c -> c.row.id() + " (notebook " + c.row.notebook() + ")").toList();
        if (checks.isEmpty() || !foreign.isEmpty()) {
            throw new IllegalStateException(checks.isEmpty() ? "no claim was checked in notebook " + notebook
                    : "claims " + foreign + " belong to another notebook in claims.csv: check them there");
        }
        Table out = table();
        results.save(Path.of("claims"), notebook, out);
        Map<String, Long> counts = out.stringColumn("verdict").asList().stream()
                .collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()));
        System.out.println("claims of notebook " + notebook + ": " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + (results.profile().isSmoke() ? " (profile smoke: its models are too small, these verdicts decide nothing)"
                        : results.profile().isRehearsal() ? " (a rehearsal: miniature data, at most " + Profile.REHEARSAL_STEPS
                                + " optimizer steps per fit; these verdicts decide nothing)" : ""));
        return out;
    }

    /** The verdicts of the claims checked so far, one row each. */
    public Table table() {
        List<Decision> decisions = checks.values().stream().map(this::decide).toList();
        return Table.create("claims",
                StringColumn.create("id", decisions.stream().map(d -> d.row.id())),
                StringColumn.create("notebook", decisions.stream().map(d -> d.row.notebook())),
                StringColumn.create("kind", decisions.stream().map(d -> d.row.kind())),
                StringColumn.create("paper", decisions.stream().map(d -> d.row.paper())),
                StringColumn.create("measured", decisions.stream().map(d -> d.measured)),
                StringColumn.create("threshold", decisions.stream().map(d -> d.row.threshold())),
                StringColumn.create("paper_value", decisions.stream().map(d -> d.row.paperValue())),
                StringColumn.create("verdict", decisions.stream().map(d -> d.verdict.label())),
                StringColumn.create("evidence", decisions.stream().map(d -> d.evidence)));
    }

    private record Decision(ClaimTable.Row row, Verdict verdict, String measured, String evidence) {}

    private Decision decide(Check c) {
        String measured = c.conditions.stream().map(k -> k.measured).filter(m -> !m.isEmpty())
                .collect(Collectors.joining("; "));
        String evidence = java.util.stream.Stream.concat(
                c.conditions.stream().map(k -> (k.holds ? "" : "NOT: ") + k.evidence), c.notes.stream())
                .collect(Collectors.joining("; "));
        if (c.missing != null) {
            return new Decision(c.row, Verdict.NOT_TESTABLE, measured, join(c.missing, evidence));
        }
        if (!c.row.guard().isEmpty()) {
            Check guard = checks.get(c.row.guard());
            if (guard == null) {
                throw new IllegalStateException("claim " + c.row.id() + " is guarded by " + c.row.guard()
                        + ": check " + c.row.guard() + " in the same claims cell, before it");
            }
            Verdict scale = decide(guard).verdict;
            if (scale != Verdict.HELD) {
                return new Decision(c.row, Verdict.NOT_TESTABLE, measured,
                        join("scale check " + c.row.guard() + " " + scale.label() + ": this scale cannot test the claim", evidence));
            }
        }
        if (c.conditions.isEmpty()) {
            throw new IllegalStateException("claim " + c.row.id() + " was checked without a measurement: give it a"
                    + " condition (value, ratio, marginRatio, ...) or use notTestable");
        }
        boolean held = c.conditions.stream().allMatch(k -> k.holds);
        return new Decision(c.row, held ? Verdict.HELD : Verdict.NOT_HELD, measured, evidence);
    }

    private static String join(String first, String rest) {
        return rest.isEmpty() ? first : first + "; " + rest;
    }

    /**
     * The part of a claim id that names a data set or transform: lower case, letters and digits only
     * ("Fashion-MNIST" gives {@code fashionmnist}, "CIFAR-10" {@code cifar10}, "SHF" {@code shf}).
     */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A number as the evidence writes it: four significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String describe(Measure m) {
        return m.interval() == null ? m.label() + " " + number(m.value())
                : m.label() + " " + number(m.value()) + " [" + number(m.interval().low()) + ", " + number(m.interval().high()) + "]";
    }

    private static String overlap(Measure a, Measure b) {
        Boolean o = a.overlaps(b);
        return o == null ? "" : o ? ", 95 % intervals overlap" : ", 95 % intervals do not overlap";
    }

    private record Condition(boolean holds, String measured, String evidence) {}

    /** The conditions of one claim; each method tests one measured quantity against a threshold of the table. */
    public final class Check {
        private final ClaimTable.Row row;
        private final List<Condition> conditions = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String missing;

        private Check(ClaimTable.Row row) {
            this.row = row;
        }

        /** Whether the claim's row has a threshold named {@code name} (rows of one family may differ). */
        public boolean hasThreshold(String name) {
            return row.bounds().containsKey(name);
        }

        /** The value of a parameter of the test, {@code name = value} in the table (e.g. a tolerance). */
        public double parameter(String name) {
            ClaimTable.Bound b = row.bound(name);
            if (!b.op().equals("=")) {
                throw new IllegalArgumentException("threshold '" + b + "' of claim " + row.id() + " is a bound, not a parameter 'name = value'");
            }
            return b.value();
        }

        /** {@code x} satisfies the threshold {@code bound} (e.g. {@code top1 >= 0.70}). */
        public Check value(String bound, Measure x) {
            ClaimTable.Bound b = row.bound(bound);
            return add(b.test(x.value()), bound + "=" + number(x.value()), describe(x) + " (" + b + ")");
        }

        /** x / reference satisfies {@code bound} (e.g. {@code overhead <= 1.05}, {@code ratio < 1} for "below"). */
        public Check ratio(String bound, Measure x, Measure reference) {
            ClaimTable.Bound b = row.bound(bound);
            double r = x.value() / reference.value();
            return add(b.test(r), bound + "=" + number(r), x.label() + "/" + reference.label() + " = " + number(r)
                    + " (" + b + "): " + describe(x) + " vs " + describe(reference) + overlap(x, reference));
        }

        /**
         * The margin ratio m(x) / m(reference) satisfies {@code bound}, where m(v) = v − chance and chance
         * is the best constant guess on the test set (e.g. {@code ratio >= 0.90} for "close to"). When the
         * reference is not above chance there is no margin to compare, and the condition does not hold.
         */
        public Check marginRatio(String bound, Measure x, Measure reference, double chance) {
            ClaimTable.Bound b = row.bound(bound);
            double r = (x.value() - chance) / (reference.value() - chance);
            boolean margin = reference.value() > chance;
            return add(margin && b.test(r), bound + "=" + number(r), "m(" + x.label() + ")/m(" + reference.label() + ") = "
                    + number(r) + " (" + b + (margin ? "" : "; " + reference.label() + " is not above chance, so it has no margin to compare")
                    + "): " + describe(x) + " vs " + describe(reference) + ", chance " + number(chance) + overlap(x, reference));
        }

        /** |x − reference| satisfies {@code bound} (e.g. {@code gap <= 0.01}). */
        public Check difference(String bound, Measure x, Measure reference) {
            ClaimTable.Bound b = row.bound(bound);
            double d = Math.abs(x.value() - reference.value());
            return add(b.test(d), bound + "=" + number(d), "|" + x.label() + " − " + reference.label() + "| = "
                    + number(d) + " (" + b + "): " + describe(x) + " vs " + describe(reference) + overlap(x, reference));
        }

        /**
         * The measures do not decrease, in the order given; a step may fall by at most {@code slack}
         * times the larger half-width of the two 95 % intervals (threshold {@code slack = k}).
         */
        public Check increasing(String slack, Measure... xs) {
            return ordered(slack, true, xs);
        }

        /** The measures do not increase, in the order given (see {@link #increasing}). */
        public Check decreasing(String slack, Measure... xs) {
            return ordered(slack, false, xs);
        }

        private Check ordered(String slack, boolean up, Measure... xs) {
            ClaimTable.Bound b = row.bound(slack);
            if (!b.op().equals("=") || xs.length < 2) {
                throw new IllegalArgumentException("claim " + row.id() + ": an ordering needs a parameter '" + slack
                        + " = k' and at least two measures");
            }
            boolean holds = true;
            StringBuilder steps = new StringBuilder();
            for (int i = 1; i < xs.length; i++) {
                double rise = up ? xs[i].value() - xs[i - 1].value() : xs[i - 1].value() - xs[i].value();
                double allowed = b.value() * Math.max(xs[i].halfWidth(), xs[i - 1].halfWidth());
                holds &= rise >= -allowed;
                steps.append(i == 1 ? describe(xs[0]) : "").append(up ? " ≤ " : " ≥ ").append(describe(xs[i]))
                        .append(rise >= -allowed ? "" : " (falls by " + number(-rise) + " > " + number(allowed) + ")");
            }
            return add(holds, "", steps + " (" + b + ")");
        }

        /**
         * A precondition read from the table (e.g. {@code batch >= 64}): when {@code x} does not satisfy
         * it, the claim is not testable, whatever was measured.
         */
        public Check requires(String bound, Measure x) {
            ClaimTable.Bound b = row.bound(bound);
            if (!b.test(x.value())) {
                requires(describe(x) + " (" + b + ")", false);
            }
            return this;
        }

        /** Context for the evidence that decides nothing (e.g. a number reported beside the test's). */
        public Check note(String context) {
            notes.add(context);
            return this;
        }

        /** A condition the table states without a number (e.g. "same architecture"), with its evidence. */
        public Check condition(String evidence, boolean holds) {
            return add(holds, "", evidence);
        }

        /** A precondition of the test: when it is not met, the claim is not testable, whatever was measured. */
        public Check requires(String precondition, boolean met) {
            if (!met && missing == null) {
                missing = "precondition not met: " + precondition;
            }
            return this;
        }

        private Check add(boolean holds, String measured, String evidence) {
            conditions.add(new Condition(holds, measured, evidence));
            return this;
        }
    }
}
