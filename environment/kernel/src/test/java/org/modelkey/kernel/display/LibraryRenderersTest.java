package org.modelkey.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryRenderersTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final Renderer renderer = new Renderer();
    private final LibraryRenderers libraries = new LibraryRenderers(renderer);

    LibraryRenderersTest() {
        Image.registerAll(renderer);
    }

    @Test
    void tablesBecomeHtmlOnceTablesawIsOnTheClasspath() {
        Table table = Table.create("t", IntColumn.create("epoch", 1, 2));
        assertFalse(renderer.render(table).hasDataForType(MIMEType.TEXT_HTML), "nothing registered yet");

        libraries.refresh(getClass().getClassLoader());
        DisplayData data = renderer.render(table);

        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("<th>epoch</th>"));
        assertEquals(table.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void chartsBecomePngAtTheirOwnSize() throws IOException {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});

        libraries.refresh(getClass().getClassLoader());
        String png = (String) renderer.render(chart).getData(MIMEType.IMAGE_PNG);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void refreshingTwiceRegistersOnce() {
        libraries.refresh(getClass().getClassLoader());
        libraries.refresh(getClass().getClassLoader());

        Table table = Table.create("t", IntColumn.create("i", 1));
        String html = (String) renderer.render(table).getData(MIMEType.TEXT_HTML);
        assertEquals(1, html.split("<table", -1).length - 1, html);
    }

    @Test
    void aLoaderWithoutTheLibrariesRegistersNothing() {
        libraries.refresh(ClassLoader.getPlatformClassLoader());

        assertFalse(renderer.render(Table.create("t")).hasDataForType(MIMEType.TEXT_HTML));
    }
}
