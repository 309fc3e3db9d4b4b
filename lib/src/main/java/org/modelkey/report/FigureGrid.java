package org.modelkey.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tiles images into one figure: rows of panels (images, or charts rendered to images), each
 * enlarged {@code zoom} times by nearest neighbour so pixels stay visible, separated by a white gap,
 * with optional column titles above and row titles to the left. Columns are as wide as their widest
 * panel (or title), rows as tall as their tallest; a shorter row leaves its last cells empty.
 *
 * <pre>{@code
 * BufferedImage figure = FigureGrid.of(List.of(List.of(plain, shuffled), List.of(plain, negated)))
 *         .zoom(4).columnTitles(List.of("plain", "M = 4")).rowTitles(List.of("SHF", "NP")).render();
 * }</pre>
 */
public final class FigureGrid {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final List<List<BufferedImage>> rows;
    private int zoom = 1;
    private int gap = 6;
    private List<String> columnTitles = List.of();
    private List<String> rowTitles = List.of();

    private FigureGrid(List<List<BufferedImage>> rows) {
        this.rows = rows;
    }

    /**
     * @param rows the panels, row by row
     * @return a grid of those panels, zoom 1, gap 6 pixels, no titles
     * @throws IllegalArgumentException if there is no panel
     */
    public static FigureGrid of(List<List<BufferedImage>> rows) {
        List<List<BufferedImage>> copy = new ArrayList<>();
        for (List<BufferedImage> row : rows) {
            copy.add(List.copyOf(row));
        }
        if (copy.stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no panel to tile: give at least one image");
        }
        return new FigureGrid(List.copyOf(copy));
    }

    /** @return the panels of {@code row} side by side, as one row of a grid */
    public static FigureGrid row(List<BufferedImage> row) {
        return of(List.of(row));
    }

    /** @return the panels of {@code column} one under the other, as one column of a grid */
    public static FigureGrid column(List<BufferedImage> column) {
        return of(column.stream().map(List::of).toList());
    }

    /** @return this grid with every panel enlarged {@code factor} times */
    public FigureGrid zoom(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("zoom " + factor + " must be at least 1");
        }
        zoom = factor;
        return this;
    }

    /** @return this grid with {@code pixels} of white between panels */
    public FigureGrid gap(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("gap " + pixels + " is negative: give 0 or more pixels");
        }
        gap = pixels;
        return this;
    }

    /** @return this grid with a title above each column, in order */
    public FigureGrid columnTitles(List<String> titles) {
        columnTitles = List.copyOf(titles);
        return this;
    }

    /** @return this grid with a title left of each row, in order */
    public FigureGrid rowTitles(List<String> titles) {
        rowTitles = List.copyOf(titles);
        return this;
    }

    /** @return the figure, on a white background */
    public BufferedImage render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        int[] heights = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                BufferedImage p = Objects.requireNonNull(rows.get(r).get(c), "panel at row " + r + ", column " + c);
                widths[c] = Math.max(widths[c], p.getWidth() * zoom);
                heights[r] = Math.max(heights[r], p.getHeight() * zoom);
            }
        }
        FontMetrics metrics = metrics();
        for (int c = 0; c < Math.min(columns, columnTitles.size()); c++) {
            widths[c] = Math.max(widths[c], metrics.stringWidth(columnTitles.get(c)));
        }
        int left = rowTitles.isEmpty() ? 0 : rowTitles.stream().mapToInt(metrics::stringWidth).max().orElse(0) + gap;
        int top = columnTitles.isEmpty() ? 0 : metrics.getHeight() + gap;
        int width = left + sum(widths) + gap * Math.max(0, columns - 1);
        int height = top + sum(heights) + gap * Math.max(0, rows.size() - 1);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(FONT);
        int x = left;
        for (int c = 0; c < columns; c++) {
            if (c < columnTitles.size()) {
                g.drawString(columnTitles.get(c), x, metrics.getAscent());
            }
            x += widths[c] + gap;
        }
        int y = top;
        for (int r = 0; r < rows.size(); r++) {
            if (r < rowTitles.size()) {
                g.drawString(rowTitles.get(r), 0, y + heights[r] / 2 + metrics.getAscent() / 2);
            }
            x = left;
            for (int c = 0; c < rows.get(r).size(); c++) {
                BufferedImage p = rows.get(r).get(c);
                g.drawImage(p, x, y, p.getWidth() * zoom, p.getHeight() * zoom, null);
                x += widths[c] + gap;
            }
            y += heights[r] + gap;
        }
        g.dispose();
        return out;
    }

    private static FontMetrics metrics() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
