package dev.polyphony.report;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Degree distributions on log-log axes, one line per {@link DegreeHistogram}: each non-empty bin is a
 * point at the geometric middle of its degrees, {@code sqrt(minDegree * maxDegree)}, and its nodes per
 * degree value, so that wide bins are not inflated and a power law shows as a straight line. Empty bins
 * and isolated nodes (degree 0) cannot be drawn on log axes and are left out; the report's table lists
 * the isolated counts.
 */
public final class DegreeDistributionPlot {
  public static final PlotSize DEFAULT_SIZE = new PlotSize(900, 620);

  private DegreeDistributionPlot() {}

  /** Writes the distributions (at least one with an edge) to {@code png} at {@link #DEFAULT_SIZE}. */
  public static void write(List<DegreeHistogram> histograms, Path png) throws IOException {
    write(histograms, png, DEFAULT_SIZE);
  }

  public static void write(List<DegreeHistogram> histograms, Path png, PlotSize size) throws IOException {
    PngCharts.headless();
    XYSeriesCollection data = new XYSeriesCollection();
    for (DegreeHistogram h : histograms) {
      XYSeries series = new XYSeries(h.label(), false, true);
      for (DegreeHistogram.Bin bin : h.bins()) {
        if (bin.nodes() > 0) {
          series.add(Math.sqrt((double) bin.minDegree() * bin.maxDegree()), bin.nodesPerDegree());
        }
      }
      if (series.getItemCount() > 0) {
        data.addSeries(series);
      }
    }
    if (data.getSeriesCount() == 0) {
      throw new IllegalArgumentException("no node has an edge: nothing to plot on log axes");
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, PngCharts.color(i));
      renderer.setSeriesStroke(i, PngCharts.LINE);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    XYPlot plot = new XYPlot(data, PngCharts.logAxis("degree (log-binned)"), PngCharts.logAxis("nodes per degree"),
        renderer);
    PngCharts.style(plot);
    JFreeChart chart = PngCharts.chart("Degree distribution per relation", plot, true);
    PngCharts.write(chart, png, size);
  }
}
