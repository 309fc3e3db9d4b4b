package org.modelkey.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelkey.Profile;

/**
 * The claims the kit tests, {@code notebooks/reference/claims.csv} (its README explains the columns):
 * one row per claim, with the thresholds its test reads. The thresholds are the same at every profile.
 */
public final class ClaimTable {

    /** The columns every claims table has, in this order. */
    public static final List<String> COLUMNS =
            List.of("id", "kind", "paper", "where", "claim", "test", "threshold", "paper_value", "guard", "notebook");
    /** Values of the {@code kind} column: a paper's claim, a scale check, or the kit's own finding. */
    public static final Set<String> KINDS = Set.of("paper", "scale", "kit");

    /**
     * One claim.
     *
     * @param bounds the {@code threshold} column: comparisons such as {@code ratio >= 0.90}, by name
     * @param guard the id of the scale check that must hold for this claim to be testable, or empty
     * @param notebook the two-digit number of the notebook that tests it
     */
    public record Row(String id, String kind, String paper, String where, String claim, String test,
            String threshold, Map<String, Bound> bounds, String paperValue, String guard, String notebook) {

        /** The threshold named {@code name}, with a clear error when the row has none of that name. */
        public Bound bound(String name) {
            Bound b = bounds.get(name);
            if (b == null) {
                throw new IllegalArgumentException("claim " + id + " has no threshold '" + name + "' (its threshold column is '"
                        + threshold + "'): name one of " + bounds.keySet() + " or add it to notebooks/reference/claims.csv");
            }
            return b;
        }

        public boolean isScaleCheck() {
            return kind.equals("scale");
        }
    }

    /**
     * One threshold: {@code name op value}, op one of {@code >= <= > < ==} (a bound a measured number must
     * satisfy) or {@code =} (a parameter of the test, such as an ordering's slack).
     */
    public record Bound(String name, String op, double value) {
        /** Whether {@code measured} satisfies the bound. */
        public boolean test(double measured) {
            return switch (op) {
                case ">=" -> measured >= value;
                case "<=" -> measured <= value;
                case ">" -> measured > value;
                case "<" -> measured < value;
                case "==" -> measured == value;
                default -> throw new IllegalStateException("threshold '" + this + "' is a parameter, not a bound to test");
            };
        }

        @Override
        public String toString() {
            return name + " " + op + " " + Claims.number(value);
        }
    }

    private final Path source;
    private final Map<String, Row> rows;

    private ClaimTable(Path source, Map<String, Row> rows) {
        this.source = source;
        this.rows = rows;
    }

    /** The kit's table, {@code notebooks/reference/claims.csv}. */
    public static ClaimTable reference() {
        return load(Profile.projectRoot().resolve("notebooks").resolve("reference").resolve("claims.csv"));
    }

    /** Reads a claims table, with an error naming the file, line and problem when it is malformed. */
    public static ClaimTable load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the claims table " + file
                    + ": it lives in notebooks/reference/claims.csv (see that folder's README)", e);
        }
        if (lines.isEmpty() || !splitCsv(lines.get(0), file, 1).equals(COLUMNS)) {
            throw new IllegalArgumentException(file + " line 1: the header must be " + String.join(",", COLUMNS));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            List<String> f = splitCsv(lines.get(n), file, n + 1);
            if (f.size() != COLUMNS.size()) {
                throw new IllegalArgumentException(where + ": " + f.size() + " fields, the header has " + COLUMNS.size()
                        + " (quote a field that holds a comma)");
            }
            String id = f.get(0);
            if (!id.matches("[a-z0-9]+(-[a-z0-9.]+)*")) {
                throw new IllegalArgumentException(where + ": id '" + id + "' must be lower-case words joined by '-'");
            }
            if (!KINDS.contains(f.get(1))) {
                throw new IllegalArgumentException(where + ": kind '" + f.get(1) + "' is not one of " + KINDS);
            }
            if (!f.get(9).matches("\\d\\d")) {
                throw new IllegalArgumentException(where + ": notebook '" + f.get(9) + "' is not a two-digit number such as 02");
            }
            Row row = new Row(id, f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), bounds(f.get(6), where),
                    f.get(7), f.get(8), f.get(9));
            if (rows.put(id, row) != null) {
                throw new IllegalArgumentException(where + ": claim id " + id + " appears twice");
            }
        }
        for (Row row : rows.values()) {
            Row guard = row.guard().isEmpty() ? null : rows.get(row.guard());
            if (!row.guard().isEmpty() && (guard == null || !guard.isScaleCheck())) {
                throw new IllegalArgumentException(file + ": claim " + row.id() + " is guarded by '" + row.guard()
                        + "', which is not a scale check (kind scale) of the table");
            }
        }
        return new ClaimTable(file, rows);
    }

    /** The row of {@code id}, with a clear error for an id the table does not have. */
    public Row row(String id) {
        Row row = rows.get(id);
        if (row == null) {
            throw new IllegalArgumentException("unknown claim id '" + id + "': " + source
                    + " has no such row (add it there, with its threshold, or fix the id)");
        }
        return row;
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    private static Map<String, Bound> bounds(String threshold, String where) {
        Map<String, Bound> bounds = new LinkedHashMap<>();
        if (threshold.isBlank()) {
            return bounds;
        }
        for (String part : threshold.split(";")) {
            var m = java.util.regex.Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*(>=|<=|==|>|<|=)\\s*(\\S+)\\s*").matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": threshold '" + part.trim()
                        + "' is not 'name op number' (op one of >= <= > < == =), e.g. 'ratio >= 0.90'");
            }
            double value;
            try {
                value = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": threshold '" + part.trim() + "' has no number after "
                        + m.group(2) + " ('" + m.group(3) + "')");
            }
            if (bounds.put(m.group(1), new Bound(m.group(1), m.group(2), value)) != null) {
                throw new IllegalArgumentException(where + ": threshold name '" + m.group(1) + "' appears twice");
            }
        }
        return bounds;
    }

    /** Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote). */
    static List<String> splitCsv(String line, Path file, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
