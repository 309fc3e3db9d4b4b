package org.modelkey.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class SweptAxisTest {

    @Test
    void valuesSitAtEqualStepsInAscendingOrder() {
        SweptAxis axis = SweptAxis.of(0.01, 0.001, 0.003, 0.01);
        assertArrayEquals(new double[] {2, 0, 1}, axis.positions(new double[] {0.01, 0.001, 0.003}));
        assertArrayEquals(new double[] {0, 1, 2}, axis.ticks());
        assertThrows(IllegalArgumentException.class, () -> axis.positions(new double[] {0.002}));
        assertThrows(IllegalArgumentException.class, () -> SweptAxis.of());
        assertThrows(IllegalArgumentException.class, () -> SweptAxis.of(Double.NaN));
    }

    @Test
    void labelsPrintTheValuesAsSwept() {
        assertEquals("2", SweptAxis.text(2.0));
        assertEquals("0.001", SweptAxis.text(0.001));
        assertEquals("0.05", SweptAxis.text(0.05));
    }

    @Test
    void aLabelledChartRenders() {
        SweptAxis axis = SweptAxis.of(2, 4, 8);
        XYChart chart = new XYChartBuilder().width(300).height(200).build();
        chart.addSeries("s", axis.positions(new double[] {2, 4, 8}), new double[] {0.1, 0.5, 0.9});
        BufferedImage image = BitmapEncoder.getBufferedImage(axis.label(chart));
        assertEquals(300, image.getWidth());
    }
}
