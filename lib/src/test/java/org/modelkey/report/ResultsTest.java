package org.modelkey.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.modelkey.Profile;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import static org.junit.jupiter.api.Assertions.*;

class ResultsTest {
    private final Results results =
            new Results(Profile.SMOKE, new Provenance("smoke", "abc1234", "PyTorch 2.7.1", "cpu()", 7L));

    @Test
    void tableGetsProvenanceColumns() throws IOException {
        Table t = Table.create("t", DoubleColumn.create("accuracy", 0.5, 0.75));
        Path file = results.saveTable("99-test-table", t);
        assertTrue(file.startsWith(Profile.projectRoot().resolve("target")), "smoke writes under target/");
        Table back = Table.read().csv(file.toFile());
        assertEquals(2, back.rowCount());
        assertEquals("abc1234", back.stringColumn("commit").get(1));
        assertEquals("smoke", back.stringColumn("profile").get(0));
        assertEquals(7L, back.column("seed").get(0) instanceof Number n ? n.longValue() : Long.parseLong(back.column("seed").getString(0)));
        assertEquals(0.75, back.doubleColumn("accuracy").get(1), 1e-12);
    }

    @Test
    void constantColumnsRepeatTheirValueAndRefuseADuplicateName() {
        Table t = Table.create("t", DoubleColumn.create("accuracy", 0.5, 0.75));
        Results.withConstant(Results.withConstant(Results.withConstant(Results.withConstant(t,
                "dataset", "stamps"), "epochs", 3), "seed", 7L), "baseline", 81.5);
        assertEquals(java.util.List.of("accuracy", "dataset", "epochs", "seed", "baseline"), t.columnNames());
        assertEquals("stamps", t.stringColumn("dataset").get(1));
        assertEquals(3, t.intColumn("epochs").get(1));
        assertEquals(7L, t.longColumn("seed").get(0));
        assertEquals(81.5, t.doubleColumn("baseline").get(1));
        var e = assertThrows(IllegalArgumentException.class, () -> Results.withConstant(t, "epochs", 4));
        assertTrue(e.getMessage().contains("already has a column 'epochs'"), e.getMessage());
    }

    @Test
    void figureIsAReadablePng() throws IOException {
        XYChart chart = new XYChart(320, 200);
        chart.addSeries("y", new double[] {1, 2, 3}, new double[] {1, 4, 9});
        Path file = results.saveFigure("99-test-figure", chart);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(320, back.getWidth());
        assertEquals(200, back.getHeight());
    }

    @Test
    void rejectsPathsAsNames() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> results.saveTable("../escape", Table.create("t")));
        assertTrue(e.getMessage().contains("plain file name"));
    }

    @Test
    void readsThePapersNumbers() {
        Table t = Results.paperReference("seg2021-table1-miou-by-block.csv");
        assertEquals(8, t.rowCount());
        assertEquals(0.7080, t.doubleColumn("baseline").get(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Results.paperReference("nope.csv"));
    }

    @Test
    void commitIsKnownInACheckout() {
        assertFalse(Provenance.commit(Profile.projectRoot()).isEmpty());
        assertTrue(Files.isDirectory(Profile.projectRoot().resolve("lib")));
    }
}
