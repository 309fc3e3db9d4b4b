package org.modelkey.watermark;

import java.util.List;
import org.modelkey.report.Interval;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One ownership test (Zhong et al. 2020, "effectiveness and efficiency"): a suspect model queried
 * with fresh key samples, the exact binomial verdict, and the fewest queries that would decide at
 * the suspect's measured mark rate.
 *
 * @param dataSet       the task's name
 * @param variant       the owner's embedding, {@link Embedding#variant()}
 * @param suspect       which model was queried (e.g. "watermarked", "non-watermarked", "another owner's")
 * @param queriedWith   whose key samples were sent: "owner" or "another owner"
 * @param verdict       the test's outcome at the verifier's bound
 * @param queriesNeeded fewest queries that detect the mark at this mark rate; -1 when none can
 */
public record OwnershipCheck(String dataSet, String variant, String suspect, String queriedWith, Verdict verdict,
                             int queriesNeeded) {

    // the column names of table()
    public static final String DATA_SET = "data_set";
    public static final String METHOD = "method";
    public static final String SUSPECT = "suspect";
    public static final String QUERIED_WITH = "queried_with";
    public static final String QUERIES = "queries";
    public static final String HITS = "hits";
    public static final String MARK_RATE = "mark_rate";
    public static final String P0 = "p0";
    public static final String CRITICAL_HITS = "critical_hits";
    public static final String LOG10_P = "log10_p_value";
    public static final String DETECTED = "detected";
    public static final String QUERIES_NEEDED = "queries_needed";

    /** The checks as a table, with the 95 % Wilson interval of the mark rate. */
    public static Table table(List<OwnershipCheck> checks) {
        IntColumn queries = IntColumn.create(QUERIES, checks.stream().mapToInt(c -> c.verdict().queries()).toArray());
        Table t = Table.create("06 ownership verification",
                StringColumn.create(DATA_SET, checks.stream().map(OwnershipCheck::dataSet)),
                StringColumn.create(METHOD, checks.stream().map(OwnershipCheck::variant)),
                StringColumn.create(SUSPECT, checks.stream().map(OwnershipCheck::suspect)),
                StringColumn.create(QUERIED_WITH, checks.stream().map(OwnershipCheck::queriedWith)), queries,
                IntColumn.create(HITS, checks.stream().mapToInt(c -> c.verdict().hits()).toArray()),
                SweepPoint.column(MARK_RATE, checks, c -> c.verdict().markRate()),
                SweepPoint.column(P0, checks, c -> c.verdict().p0()),
                IntColumn.create(CRITICAL_HITS, checks.stream().mapToInt(c -> c.verdict().criticalHits()).toArray()),
                SweepPoint.column(LOG10_P, checks, c -> c.verdict().logPValue() / Math.log(10)),
                BooleanColumn.create(DETECTED, checks.stream().map(c -> c.verdict().detected()).toList()),
                IntColumn.create(QUERIES_NEEDED, checks.stream().mapToInt(OwnershipCheck::queriesNeeded).toArray()));
        return Interval.addWilsonColumns(t, queries.copy(), 1, MARK_RATE);
    }
}
