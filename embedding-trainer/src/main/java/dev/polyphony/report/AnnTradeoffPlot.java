package dev.polyphony.report;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The recall / speed curve of an approximate index, as in ann-benchmarks (Aumüller, Bernhardsson and
 * Faithfull, 2020): recall@10 across, queries per second up (on a log axis when they span a factor of
 * ten), one point per {@code ef}, labelled with it and joined in the given order.
 */
public final class AnnTradeoffPlot {
  public static final PlotSize DEFAULT_SIZE = new PlotSize(900, 560);

  private AnnTradeoffPlot() {}

  /** Writes the curve of {@code points} (non-empty) to {@code png} at {@link #DEFAULT_SIZE}. */
  public static void write(List<AnnTradeoffPoint> points, Path png) throws IOException {
    write(points, png, DEFAULT_SIZE);
  }

  public static void write(List<AnnTradeoffPoint> points, Path png, PlotSize size) throws IOException {
    PngCharts.headless();
    if (points.isEmpty()) {
      throw new IllegalArgumentException("no points to plot");
    }
    XYSeries series = new XYSeries("ANN index (HNSW)", false, true);
    for (AnnTradeoffPoint p : points) {
      series.add(p.recallAt10(), p.queriesPerSecond());
    }
    XYSeriesCollection data = new XYSeriesCollection(series);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, PngCharts.color(0));
    renderer.setSeriesStroke(0, PngCharts.LINE);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setDefaultItemLabelGenerator((dataset, s, item) -> "ef " + points.get(item).ef());
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    NumberAxis recall = new NumberAxis("recall@" + AnnSweep.K);
    recall.setAutoRangeIncludesZero(false);
    recall.setUpperMargin(0.08);
    XYPlot plot = new XYPlot(data, recall, speedAxis(points), renderer);
    PngCharts.style(plot);
    JFreeChart chart = PngCharts.chart("Approximate search: recall against speed", plot, false);
    PngCharts.write(chart, png, size);
  }

  /** Logarithmic when the speeds span a factor of ten or more, where a linear axis would crush the slow end. */
  private static ValueAxis speedAxis(List<AnnTradeoffPoint> points) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (AnnTradeoffPoint p : points) {
      min = Math.min(min, p.queriesPerSecond());
      max = Math.max(max, p.queriesPerSecond());
    }
    String label = "queries per second (one thread)";
    return max >= 10 * min ? PngCharts.logAxis(label) : new NumberAxis(label);
  }
}
