package org.modelkey.kernel.display;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableHtmlTest {

    @Test
    void rendersCaptionHeaderAndEveryCell() {
        Table table = Table.create("accuracy", StringColumn.create("key", "SHF", "NP"),
                DoubleColumn.create("top1", 0.91, 0.875));

        String html = TableHtml.of(table);

        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains("<caption>accuracy</caption>"), html);
        assertTrue(html.contains("<th>key</th><th>top1</th>"), html);
        assertTrue(html.contains("<tr><td>SHF</td><td>0.91</td></tr>"), html);
        assertTrue(html.contains("<tr><td>NP</td><td>0.875</td></tr>"), html);
    }

    @Test
    void escapesMarkup() {
        Table table = Table.create("a<b", StringColumn.create("x&y", "<i>\"quoted\"</i>"));

        String html = TableHtml.of(table);

        assertTrue(html.contains("<caption>a&lt;b</caption>"), html);
        assertTrue(html.contains("<th>x&amp;y</th>"), html);
        assertTrue(html.contains("<td>&lt;i&gt;&quot;quoted&quot;&lt;/i&gt;</td>"), html);
    }

    @Test
    void longTablesAreCutAndSaySo() {
        Table table = Table.create("long", IntColumn.create("i", IntStream.range(0, 250).toArray()));

        String html = TableHtml.of(table);

        assertEquals(TableHtml.MAX_ROWS, html.split("<tr><td>", -1).length - 1);
        assertTrue(html.contains("150 more rows"), html);
        assertFalse(html.contains("<td>100</td>"), html);
    }

    @Test
    void refusesObjectsThatAreNotTables() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableHtml.of("text"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }
}
