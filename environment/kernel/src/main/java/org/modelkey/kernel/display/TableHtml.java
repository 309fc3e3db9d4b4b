package org.modelkey.kernel.display;

import java.lang.reflect.Method;
import java.util.List;

/**
 * A Tablesaw {@code tech.tablesaw.api.Table} as an HTML table, read through reflection because
 * Tablesaw lives on the notebook's classpath, not the kernel's. Long tables show their first
 * {@value #MAX_ROWS} rows and say how many are left out.
 */
public final class TableHtml {

    static final int MAX_ROWS = 100;

    private TableHtml() {}

    /** Renders {@code table} (any object with Tablesaw's {@code Relation} methods). */
    public static String of(Object table) {
        try {
            Class<?> type = table.getClass();
            String name = (String) type.getMethod("name").invoke(table);
            List<?> columns = (List<?>) type.getMethod("columnNames").invoke(table);
            int rows = (Integer) type.getMethod("rowCount").invoke(table);
            Method cell = type.getMethod("getString", int.class, int.class);
            StringBuilder html = new StringBuilder("<table class=\"tablesaw\">\n");
            if (name != null && !name.isBlank()) {
                html.append("<caption>").append(escape(name)).append("</caption>\n");
            }
            html.append("<thead><tr>");
            for (Object column : columns) {
                html.append("<th>").append(escape(String.valueOf(column))).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            int shown = Math.min(rows, MAX_ROWS);
            for (int r = 0; r < shown; r++) {
                html.append("<tr>");
                for (int c = 0; c < columns.size(); c++) {
                    html.append("<td>").append(escape(String.valueOf(cell.invoke(table, r, c)))).append("</td>");
                }
                html.append("</tr>\n");
            }
            if (rows > shown) {
                html.append("<tr><td colspan=\"").append(columns.size()).append("\">… ")
                        .append(rows - shown).append(" more rows</td></tr>\n");
            }
            return html.append("</tbody>\n</table>").toString();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot render " + table.getClass().getName()
                    + " as a Tablesaw table: " + e, e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
