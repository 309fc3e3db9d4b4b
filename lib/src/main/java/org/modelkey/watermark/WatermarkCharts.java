package org.modelkey.watermark;

import java.awt.Color;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modelkey.report.SweptAxis;
import tech.tablesaw.api.Table;

/**
 * The chapter's figures, drawn from the result tables: the slides' sweep panels (accuracy against
 * β at α₀, panels (a)-(c), and against α at β₀, panels (d)-(f)) and the pruning curves. Solid
 * lines are fresh key samples, dashed lines normal test images; every x axis is labelled with the
 * values swept.
 */
public final class WatermarkCharts {

    private WatermarkCharts() {}

    /**
     * One sweep panel of one data set: key and normal accuracy of each method against β (at
     * {@code alpha0}) or against α (at {@code beta0}), and the non-watermarked model's accuracy.
     */
    public static XYChart sweep(Table sweep, String dataSet, boolean overBeta, double alpha0, double beta0) {
        String x = overBeta ? SweepPoint.BETA : SweepPoint.ALPHA;
        Table rows = sweep.where(sweep.stringColumn(SweepPoint.DATA_SET).isEqualTo(dataSet)
                .and(overBeta ? sweep.doubleColumn(SweepPoint.ALPHA).isEqualTo(alpha0)
                        : sweep.doubleColumn(SweepPoint.BETA).isEqualTo(beta0)));
        SweptAxis axis = SweptAxis.of(rows.doubleColumn(x).asDoubleArray());
        XYChart chart = chart(dataSet + (overBeta ? ": α = " + alpha0 : ": β = " + beta0),
                overBeta ? "β (per-pixel change)" : "α (key samples / training images)");
        for (String method : rows.stringColumn(SweepPoint.METHOD).unique().asList()) {
            Table m = rows.where(rows.stringColumn(SweepPoint.METHOD).isEqualTo(method)).sortAscendingOn(x);
            double[] xs = axis.positions(m.doubleColumn(x).asDoubleArray());
            chart.addSeries(method + " key", xs, m.doubleColumn(SweepPoint.KEY).asDoubleArray());
            chart.addSeries(method + " normal", xs, m.doubleColumn(SweepPoint.NORMAL).asDoubleArray())
                    .setLineStyle(SeriesLines.DASH_DASH);
        }
        double plain = sweep.where(sweep.stringColumn(SweepPoint.DATA_SET).isEqualTo(dataSet)
                .and(sweep.stringColumn(SweepPoint.METHOD).isEqualTo(SweepPoint.NONE)))
                .doubleColumn(SweepPoint.NORMAL).get(0);
        double[] level = new double[axis.ticks().length];
        Arrays.fill(level, plain);
        XYSeries reference = chart.addSeries("no watermark", axis.ticks(), level);
        reference.setLineStyle(SeriesLines.DOT_DOT);
        reference.setMarker(SeriesMarkers.NONE);
        reference.setLineColor(Color.GRAY);
        return axis.label(chart);
    }

    /** Key and normal accuracy of each method of one data set against the pruning rate. */
    public static XYChart pruning(Table pruning, String dataSet) {
        Table rows = pruning.where(pruning.stringColumn(PruningPoint.DATA_SET).isEqualTo(dataSet));
        SweptAxis axis = SweptAxis.of(rows.doubleColumn(PruningPoint.RATE).asDoubleArray());
        XYChart chart = chart(dataSet + ": pruning attack", "pruning rate (share of weights zeroed)");
        for (String method : rows.stringColumn(PruningPoint.METHOD).unique().asList()) {
            Table m = rows.where(rows.stringColumn(PruningPoint.METHOD).isEqualTo(method))
                    .sortAscendingOn(PruningPoint.RATE);
            double[] xs = axis.positions(m.doubleColumn(PruningPoint.RATE).asDoubleArray());
            chart.addSeries(method + " key", xs, m.doubleColumn(PruningPoint.KEY).asDoubleArray());
            chart.addSeries(method + " normal", xs, m.doubleColumn(PruningPoint.NORMAL).asDoubleArray())
                    .setLineStyle(SeriesLines.DASH_DASH);
        }
        return axis.label(chart);
    }

    private static XYChart chart(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(440).height(400).title(title).xAxisTitle(xTitle)
                .yAxisTitle("accuracy").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setMarkerSize(6);
        return chart;
    }
}
