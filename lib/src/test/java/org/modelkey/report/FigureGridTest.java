package org.modelkey.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureGridTest {

    private static BufferedImage filled(int w, int h, Color color) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        return image;
    }

    @Test
    void panelsAreZoomedAndPlacedWithGaps() {
        BufferedImage red = filled(2, 3, Color.RED), blue = filled(4, 1, Color.BLUE);
        BufferedImage grid = FigureGrid.of(List.of(List.of(red, blue), List.of(blue))).zoom(2).gap(1).render();
        assertEquals(8 + 1 + 8, grid.getWidth(), "columns as wide as their widest panel, zoomed, one gap");
        assertEquals(6 + 1 + 2, grid.getHeight(), "rows as tall as their tallest panel");
        assertEquals(Color.RED.getRGB(), grid.getRGB(3, 5), "red, zoomed, at the top left");
        assertEquals(Color.WHITE.getRGB(), grid.getRGB(4, 0), "beside a narrower panel is white");
        assertEquals(Color.WHITE.getRGB(), grid.getRGB(8, 0), "the gap is white");
        assertEquals(Color.BLUE.getRGB(), grid.getRGB(9, 0), "blue in the second column");
        assertEquals(Color.BLUE.getRGB(), grid.getRGB(0, 7), "blue alone in the second row");
        assertEquals(Color.WHITE.getRGB(), grid.getRGB(12, 8), "the missing cell is empty");
    }

    @Test
    void titlesTakeARowAboveAndAColumnLeft() {
        BufferedImage red = filled(10, 10, Color.RED);
        BufferedImage plain = FigureGrid.row(List.of(red, red)).render();
        BufferedImage titled = FigureGrid.row(List.of(red, red)).columnTitles(List.of("plain", "M = 4"))
                .rowTitles(List.of("SHF")).render();
        assertTrue(titled.getWidth() > plain.getWidth() && titled.getHeight() > plain.getHeight());
        BufferedImage wide = FigureGrid.row(List.of(red)).columnTitles(List.of("a title wider than ten pixels")).render();
        assertTrue(wide.getWidth() > 10, "a column is as wide as its title: " + wide.getWidth());
        assertEquals(2 * 10 + 6, FigureGrid.column(List.of(red, red)).render().getHeight());
        assertThrows(IllegalArgumentException.class, () -> FigureGrid.of(List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> FigureGrid.row(List.of(red)).zoom(0));
    }
}
