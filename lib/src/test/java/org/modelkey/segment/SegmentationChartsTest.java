package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modelkey.segment.SegmentationTablesTest.assertMessage;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.modelkey.key.KeyKind;
import org.modelkey.report.Results;
import tech.tablesaw.api.Table;

class SegmentationChartsTest {

    private static final Table PAPER = Results.paperReference(SegmentationTables.PAPER_TABLE1);

    /** The x tick labels of every position 0 … count−1. */
    private static List<String> ticks(XYChart chart, int count) {
        Function<Double, String> format = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        return IntStream.range(0, count).mapToObj(i -> format.apply((double) i)).toList();
    }

    @Test
    void table1TicksShowEveryBlockShareOfThisRunAndThePaper() {
        XYChart chart = SegmentationCharts.table1(SweepFixture.sweep(2, 12), 24, PAPER);
        // this run: 2/24, 12/24; the paper: 2/256 … 256/256
        assertEquals(List.of("1/128", "1/64", "1/32", "1/16", "1/12", "1/8", "1/4", "1/2", "1"), ticks(chart, 9));
        assertEquals(" ", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.5));
        XYSeries shf = chart.getSeriesMap().get("SHF (this run)");
        assertArrayEquals(new double[] {4, 7}, shf.getXData());
        assertArrayEquals(new double[] {0, 1, 2, 3, 5, 6, 7, 8}, chart.getSeriesMap().get("NP (paper)").getXData());
        assertArrayEquals(new double[] {0.6216, 0.5695, 0.5173, 0.4329, 0.3880, 0.3733, 0.3218, 0.3007},
                chart.getSeriesMap().get("NP (paper)").getYData(), 1e-12);
        XYSeries baseline = chart.getSeriesMap().get("baseline (this run)");
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, baseline.getXData());
        double base = SweepFixture.baseline().correct().meanIoU();
        assertTrue(Arrays.stream(baseline.getYData()).allMatch(y -> y == base));
        assertTrue(Arrays.stream(chart.getSeriesMap().get("baseline (paper)").getYData()).allMatch(y -> y == 0.708));
        assertEquals(8, chart.getSeriesMap().size());   // three transforms and a baseline, each this run's and the paper's
        // XChart's tick search never ends when the series' x values, in the order added, are not equally spaced
        BufferedImage image = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> BitmapEncoder.getBufferedImage(chart));
        assertEquals(760, image.getWidth());
        assertMessage("exceed the image side 8", () -> SegmentationCharts.table1(SweepFixture.sweep(2, 12), 8, PAPER));
    }

    @Test
    void fractionsAreInLowestTerms() {
        assertEquals("1/16", SegmentationCharts.fraction(2, 32));
        assertEquals("1/3", SegmentationCharts.fraction(32, 96));
        assertEquals("1", SegmentationCharts.fraction(256, 256));
    }

    @Test
    void fig6HasAPanelPerTransformLabelledWithEveryBlockSize() {
        List<SegmentationRun> runs = SweepFixture.sweep(2, 4, 8, 32);
        List<XYChart> panels = SegmentationCharts.fig6Panels(runs);
        assertEquals(List.of("(a) SHF", "(b) NP", "(c) FFX"), panels.stream().map(XYChart::getTitle).toList());
        for (XYChart panel : panels) {
            assertEquals(List.of("2", "4", "8", "32"), ticks(panel, 4));
            assertEquals(List.of("Correct", "Incorrect (2 keys)", "Plain", "Baseline"), List.copyOf(panel.getSeriesMap().keySet()));
            for (XYSeries s : panel.getSeriesMap().values()) {
                assertArrayEquals(new double[] {0, 1, 2, 3}, s.getXData(), s.getName());
            }
        }
        SegmentationRun np8 = runs.get(7);
        XYSeries incorrect = panels.get(1).getSeriesMap().get("Incorrect (2 keys)");
        assertEquals(np8.access().incorrectMean(), incorrect.getYData()[2]);
        assertEquals(np8.access().incorrectStd(), incorrect.getExtraValues()[2]);
        assertEquals(np8.access().plain(), panels.get(1).getSeriesMap().get("Plain").getYData()[2]);
        assertEquals(panels.get(0).getStyler().getYAxisMax(), panels.get(2).getStyler().getYAxisMax());

        BufferedImage figure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SegmentationCharts.fig6(runs));
        assertEquals(3 * 420, figure.getWidth());
        assertEquals(360, figure.getHeight());
    }

    @Test
    void fig6NamesWhatIsWrongWithTheSweep() {
        assertMessage("no runs", () -> SegmentationCharts.fig6(List.of()));
        List<SegmentationRun> gap = new ArrayList<>(SweepFixture.sweep(2, 4));
        gap.remove(6);   // FFX M=4
        assertMessage("FFX has models at M = [2] but the sweep ran M = [2, 4]", () -> SegmentationCharts.fig6(gap));
    }

    /** A model's examples: {@code images} images of 8×8, predictions off by {@code shift} classes. */
    private static SegmentationExample example(String label, int images, int shift) {
        int side = 8, plane = side * side;
        float[] inputs = new float[3 * images * plane];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (i % 7) / 6f;
        }
        int[] truth = new int[images * plane], predicted = new int[images * plane];
        Arrays.setAll(truth, i -> i % plane < plane / 2 ? 0 : 1);
        Arrays.setAll(predicted, i -> (truth[i] + (i % 5 == 0 ? shift : 0)) % 2);
        double[] iou = new double[images];
        for (int i = 0; i < images; i++) {
            iou[i] = new MeanIoU(2).add(Arrays.copyOfRange(predicted, i * plane, (i + 1) * plane),
                    Arrays.copyOfRange(truth, i * plane, (i + 1) * plane)).value();
        }
        return new SegmentationExample(label, side, inputs, predicted, truth, iou);
    }

    @Test
    void fig5GrowsARowPerModelAndTwoColumnsPerImage() {
        BufferedImage two = SegmentationCharts.fig5(List.of(example("baseline", 2, 0), example("NP M=2", 2, 1)));
        BufferedImage three = SegmentationCharts.fig5(List.of(example("baseline", 2, 0), example("NP M=2", 2, 1),
                example("FFX M=2", 2, 1)));
        BufferedImage wider = SegmentationCharts.fig5(List.of(example("baseline", 3, 0), example("NP M=2", 3, 1)));
        int cell = 8 * 16, gap = 8, caption = 16;   // 8×8 images enlarged 16 times
        assertEquals(two.getWidth(), three.getWidth());
        assertEquals(cell + caption + gap, three.getHeight() - two.getHeight());
        assertEquals(two.getHeight(), wider.getHeight());
        assertEquals(2 * (cell + gap), wider.getWidth() - two.getWidth());
        // the last row is the ground truth under each prediction, in VOC colours (class 1 dark red)
        assertEquals(0x800000, two.getRGB(two.getWidth() - 1, two.getHeight() - 1) & 0xffffff);
    }

    @Test
    void fig5NeedsExamplesOfTheSameImages() {
        assertMessage("no examples", () -> SegmentationCharts.fig5(List.of()));
        assertMessage("example NP M=2 (3 images of 8×8) does not show the 2 test images of baseline",
                () -> SegmentationCharts.fig5(List.of(example("baseline", 2, 0), example("NP M=2", 3, 1))));
    }
}
