package org.modelkey.segment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modelkey.data.Pixels;
import org.modelkey.data.VocPalette;
import org.modelkey.key.KeyKind;
import org.modelkey.report.FigureGrid;
import org.modelkey.report.SweptAxis;
import tech.tablesaw.api.Table;

/**
 * The figures of the block-size sweep (Ito et al. 2021): Table 1 as a chart beside the paper's
 * numbers, Fig. 6 (access control against M, one panel per transform) and Fig. 5 (inputs as the
 * model sees them, predicted maps with their mean IoU, ground truth). Every x axis is labelled with
 * each block size swept ({@link SweptAxis}).
 */
public final class SegmentationCharts {

    /** SHF, NP, FFX, in {@link KeyKind} order. */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private SegmentationCharts() {}

    /**
     * Table 1 as a chart: mean IoU with the correct key of this run's SHF, NP and FFX (solid) and the
     * paper's (dashed) against M / side, the share of the image a block covers, with each baseline (the
     * paper's as its table prints it at its smallest M) as a flat line. The x ticks are every M / side of
     * both sweeps, as fractions (1/16).
     *
     * @param side this run's image side
     * @param paperTable1 the paper's Table 1, as for {@link SegmentationTables#table1}
     */
    public static XYChart table1(List<SegmentationRun> runs, int side, Table paperTable1) {
        SweepRuns sweep = SweepRuns.of(runs);
        int[] ours = sweep.blockSizes(), paperM = SegmentationTables.paperBlockSizes(paperTable1);
        int paperSide = SegmentationScale.PAPER.side();
        if (Arrays.stream(ours).anyMatch(m -> m > side)) {
            throw new IllegalArgumentException("block sizes " + Arrays.toString(ours) + " exceed the image side " + side
                    + ": give the side of the images the sweep ran on (SegmentationScale.side())");
        }
        Map<Double, String> fractions = new TreeMap<>();
        Arrays.stream(ours).forEach(m -> fractions.put((double) m / side, fraction(m, side)));
        Arrays.stream(paperM).forEach(m -> fractions.put((double) m / paperSide, fraction(m, paperSide)));
        SweptAxis axis = SweptAxis.of(fractions.keySet().stream().mapToDouble(Double::doubleValue).toArray());
        double[] x = axis.positions(Arrays.stream(ours).mapToDouble(m -> (double) m / side).toArray());
        double[] paperX = axis.positions(Arrays.stream(paperM).mapToDouble(m -> (double) m / paperSide).toArray());
        double baseline = sweep.baseline().correct().meanIoU();
        double top = baseline;
        for (KeyKind kind : KeyKind.values()) {
            top = Math.max(top, sweep.of(kind).stream().mapToDouble(r -> r.correct().meanIoU()).max().orElse(0));
        }
        XYChart chart = new XYChartBuilder().width(760).height(440).title("Table 1: mean IoU with the correct key vs block size")
                .xAxisTitle("M / image side").yAxisTitle("mean IoU").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.min(1, Math.max(0.8, Math.ceil(top * 10) / 10)))
                .setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(6);
        // the baselines first, across every tick: XChart places custom-formatted ticks at the series' x values
        // only when those values, in the order the series bring them, are equally spaced
        double[] level = new double[axis.ticks().length];
        Arrays.fill(level, baseline);
        styled(chart.addSeries("baseline (this run)", axis.ticks(), level), Color.BLACK, null).setMarker(SeriesMarkers.NONE);
        double[] paperLevel = new double[axis.ticks().length];
        Arrays.fill(paperLevel, SegmentationTables.paperValue(paperTable1, SegmentationTables.BASELINE,
                Arrays.stream(paperM).min().orElseThrow()));
        styled(chart.addSeries("baseline (paper)", axis.ticks(), paperLevel), Color.GRAY, SeriesLines.DASH_DASH)
                .setMarker(SeriesMarkers.NONE);
        for (KeyKind kind : KeyKind.values()) {
            Color colour = COLOURS[kind.ordinal()];
            styled(chart.addSeries(kind + " (this run)", x, sweep.of(kind).stream().mapToDouble(r -> r.correct().meanIoU()).toArray()),
                    colour, null);
            styled(chart.addSeries(kind + " (paper)", paperX, paper(paperTable1, kind.name(), paperM)), colour, SeriesLines.DASH_DASH);
        }
        // SweptAxis decides which x carries a tick; the tick shows the fraction rather than its decimal
        Function<Double, String> ticks = axis.label(chart).getStyler().getxAxisTickLabelsFormattingFunction();
        String[] text = fractions.values().toArray(String[]::new);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> ticks.apply(v).isBlank() ? " " : text[(int) Math.round(v)]);
        return chart;
    }

    /**
     * Fig. 6: for (a) SHF, (b) NP and (c) FFX, mean IoU with the correct key, with the incorrect keys
     * (their mean, bars one standard deviation) and on plain images against M, the baseline dotted;
     * the three panels side by side on a shared y range.
     *
     * @throws IllegalArgumentException as {@link SegmentationTables#table1} for the runs, or if the models of a
     *     transform were scored with different numbers of incorrect keys
     */
    public static BufferedImage fig6(List<SegmentationRun> runs) {
        return FigureGrid.row(fig6Panels(runs).stream().map(BitmapEncoder::getBufferedImage).toList()).gap(0).render();
    }

    /** The three panels of {@link #fig6}, as charts. */
    static List<XYChart> fig6Panels(List<SegmentationRun> runs) {
        SweepRuns sweep = SweepRuns.of(runs);
        double[] sizes = Arrays.stream(sweep.blockSizes()).asDoubleStream().toArray();
        SweptAxis axis = SweptAxis.of(sizes);
        double[] x = axis.positions(sizes);
        double top = runs.stream().mapToDouble(r -> r.isBaseline() ? r.correct().meanIoU() : Math.max(r.correct().meanIoU(),
                Math.max(r.access().incorrectMean() + r.access().incorrectStd(), r.access().plain()))).max().orElse(1);
        double yTop = Math.min(1.0, Math.max(0.1, Math.ceil(1.25 * top * 10) / 10));
        double[] baseline = new double[axis.ticks().length];
        Arrays.fill(baseline, sweep.baseline().correct().meanIoU());
        List<XYChart> panels = new ArrayList<>();
        for (KeyKind kind : KeyKind.values()) {
            List<SegmentationRun> rs = sweep.of(kind);
            long[] keys = rs.stream().mapToLong(r -> r.access().incorrect().length).distinct().toArray();
            if (keys.length != 1) {
                throw new IllegalArgumentException("the " + kind + " models were scored with " + Arrays.toString(keys)
                        + " incorrect keys: score every model with the same number of incorrect keys");
            }
            XYChart c = new XYChartBuilder().width(420).height(360).title("(" + (char) ('a' + kind.ordinal()) + ") " + kind)
                    .xAxisTitle("block size M").yAxisTitle("mean IoU").build();
            c.getStyler().setYAxisMin(0.0).setYAxisMax(yTop).setLegendPosition(Styler.LegendPosition.InsideNE).setMarkerSize(7);
            c.addSeries("Correct", x, rs.stream().mapToDouble(r -> r.correct().meanIoU()).toArray());
            c.addSeries("Incorrect (" + keys[0] + " keys)", x, rs.stream().mapToDouble(r -> r.access().incorrectMean()).toArray(),
                    rs.stream().mapToDouble(r -> r.access().incorrectStd()).toArray());
            c.addSeries("Plain", x, rs.stream().mapToDouble(r -> r.access().plain()).toArray());
            styled(c.addSeries("Baseline", axis.ticks(), baseline), Color.GRAY, SeriesLines.DOT_DOT).setMarker(SeriesMarkers.NONE);
            panels.add(axis.label(c));
        }
        return panels;
    }

    /**
     * Fig. 5: a row per model with, for each test image, its input as the model sees it (after the key
     * transform) and its predicted map with that map's mean IoU under it, then a last row "GT" with the
     * ground truth under the predictions; maps in VOC colours.
     *
     * @throws IllegalArgumentException if there is no example, or the examples do not show the same test
     *     images at the same size
     */
    public static BufferedImage fig5(List<SegmentationExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples: give each model's SegmentationExample of the same test images");
        }
        SegmentationExample first = examples.get(0);
        int side = first.side(), n = first.count(), plane = side * side;
        for (SegmentationExample e : examples) {
            if (e.side() != side || e.count() != n || e.inputs().length != 3 * n * plane || e.predicted().length != n * plane
                    || !Arrays.equals(e.truth(), first.truth())) {
                throw new IllegalArgumentException("example " + e.label() + " (" + e.count() + " images of " + e.side() + "×"
                        + e.side() + ") does not show the " + n + " test images of " + first.label() + " (" + side + "×" + side
                        + ") with 3×" + plane + " input values and " + plane + " predicted and true labels each:"
                        + " draw every model's examples from the same test images");
            }
        }
        int zoom = Math.max(1, 128 / side);
        BufferedImage blank = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);   // under the inputs, on the white ground
        blank.setRGB(0, 0, 0xffffff);
        List<List<BufferedImage>> rows = new ArrayList<>();
        for (SegmentationExample e : examples) {
            List<BufferedImage> row = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Pixels input = new Pixels(3, side, side, Arrays.copyOfRange(e.inputs(), i * 3 * plane, (i + 1) * 3 * plane));
                row.add(panel(input.toBufferedImage(), zoom, null));
                row.add(panel(map(e.predicted(), i, side), zoom, String.format("%.4f", e.meanIoU()[i])));
            }
            rows.add(row);
        }
        List<BufferedImage> truth = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            truth.add(blank);
            truth.add(panel(map(first.truth(), i, side), zoom, null));
        }
        rows.add(truth);
        List<String> titles = IntStream.range(0, n).boxed()
                .flatMap(i -> List.of("input " + (i + 1), "prediction").stream()).toList();
        List<String> labels = new ArrayList<>(examples.stream().map(SegmentationExample::label).toList());
        labels.add("GT");
        return FigureGrid.of(rows).gap(8).columnTitles(titles).rowTitles(labels).render();
    }

    private static XYSeries styled(XYSeries s, Color colour, BasicStroke line) {
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        if (line != null) {
            s.setLineStyle(line);
        }
        return s;
    }

    private static double[] paper(Table paperTable1, String column, int[] paperM) {
        return Arrays.stream(paperM).mapToDouble(m -> SegmentationTables.paperValue(paperTable1, column, m)).toArray();
    }

    /** m / side in lowest terms: {@code 1/16}, {@code 1}. */
    static String fraction(int m, int side) {
        int gcd = BigInteger.valueOf(m).gcd(BigInteger.valueOf(side)).intValue();
        return side / gcd == 1 ? Integer.toString(m / gcd) : m / gcd + "/" + side / gcd;
    }

    /** Image {@code i}'s label map in VOC colours. */
    private static BufferedImage map(int[] labels, int i, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < side * side; p++) {
            out.setRGB(p % side, p / side, VocPalette.rgb(labels[i * side * side + p]));
        }
        return out;
    }

    /** The image enlarged {@code zoom} times (nearest neighbour), with a caption under it if given. */
    private static BufferedImage panel(BufferedImage image, int zoom, String caption) {
        int size = image.getWidth() * zoom, under = caption == null ? 0 : 16;
        BufferedImage out = new BufferedImage(size, size + under, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, size, size, null);
        if (caption != null) {
            g.setColor(Color.BLACK);
            g.setFont(FONT);
            g.drawString(caption, 0, size + 13);
        }
        g.dispose();
        return out;
    }
}
