package org.modelkey.report;

import java.util.ArrayList;
import java.util.List;
import org.modelkey.Profile;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The closing cell of every notebook (DESIGN.md, "Notebooks"): each of the paper's claims that
 * this run can test, with PASS or FAIL and the measured evidence. In {@code demo} and {@code paper}
 * a FAIL fails the run; in {@code smoke}, whose models are too small to reproduce anything, the
 * table is shown but only proves that the cells run.
 */
public final class Claims {
    private final Profile profile;
    private final List<String[]> rows = new ArrayList<>();

    public Claims(Profile profile) {
        this.profile = profile;
    }

    /** Records one claim with the evidence this run measured. */
    public Claims check(String claim, boolean holds, String evidence) {
        rows.add(new String[] {claim, holds ? "PASS" : "FAIL", evidence});
        return this;
    }

    /** The claims so far, one row each. */
    public Table table() {
        return Table.create("claims",
                StringColumn.create("claim", rows.stream().map(r -> r[0])),
                StringColumn.create("result", rows.stream().map(r -> r[1])),
                StringColumn.create("evidence", rows.stream().map(r -> r[2])));
    }

    /** Number of claims that failed. */
    public long failures() {
        return rows.stream().filter(r -> r[1].equals("FAIL")).count();
    }

    /**
     * Returns the table, and throws when a claim failed in {@code demo} or {@code paper}, so that
     * the notebook run (and {@code environment/reproduce}) fails.
     */
    public Table verify() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("no claim was checked: a claims cell must test at least one claim");
        }
        Table table = table();
        if (failures() > 0 && !profile.isSmoke()) {
            throw new AssertionError(failures() + " of " + rows.size() + " claims failed at profile "
                    + profile.label() + ":\n" + table.where(table.stringColumn("result").isEqualTo("FAIL")).print());
        }
        return table;
    }
}
