package org.modelkey.report;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookDisplayTest {

    @Test
    void rendersCaptionHeaderAndEveryCell() {
        Table table = Table.create("accuracy", StringColumn.create("key", "SHF", "NP"),
                DoubleColumn.create("top1", 0.91, 0.875));

        String html = NotebookDisplay.tableHtml(table);

        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains("<caption>accuracy</caption>"), html);
        assertTrue(html.contains("<th>key</th><th>top1</th>"), html);
        assertTrue(html.contains("<tr><td>SHF</td><td>0.91</td></tr>"), html);
        assertTrue(html.contains("<tr><td>NP</td><td>0.875</td></tr>"), html);
    }

    @Test
    void escapesMarkup() {
        Table table = Table.create("a<b", StringColumn.create("x&y", "<i>\"quoted\"</i>"));

        String html = NotebookDisplay.tableHtml(table);

        assertTrue(html.contains("<caption>a&lt;b</caption>"), html);
        assertTrue(html.contains("<th>x&amp;y</th>"), html);
        assertTrue(html.contains("<td>&lt;i&gt;&quot;quoted&quot;&lt;/i&gt;</td>"), html);
    }

    @Test
    void longTablesAreCutAndSaySo() {
        Table table = Table.create("long", IntColumn.create("i", IntStream.range(0, 250).toArray()));

        String html = NotebookDisplay.tableHtml(table);

        assertEquals(NotebookDisplay.MAX_ROWS, html.split("<tr><td>", -1).length - 1);
        assertTrue(html.contains("150 more rows"), html);
        assertFalse(html.contains("<td>100</td>"), html);
    }

    @Test
    void refusesObjectsThatAreNotTables() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotebookDisplay.tableHtml("text"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void drawsChartsAtTheirOwnSize() {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(320).height(200).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});

        BufferedImage image = NotebookDisplay.chartImage(chart);

        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void registersWithNoKernelOutsideANotebook() {
        assertFalse(NotebookDisplay.register(), "no IJava or JJava kernel runs in a unit test");
    }

    @Test
    void refusesToRegisterOtherTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NotebookDisplay.registerWith(new Object(), String.class));
        assertTrue(e.getMessage().contains("java.lang.String is neither"), e.getMessage());
    }
}
