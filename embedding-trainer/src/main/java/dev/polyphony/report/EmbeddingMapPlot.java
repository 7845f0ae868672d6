package dev.polyphony.report;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scatter plot of an {@link EmbeddingMap}, coloured by label. The eleven most frequent labels get a
 * colour each (ties by label); the rest share a grey series named {@value #OTHERS}, drawn beneath.
 */
public final class EmbeddingMapPlot {
  public static final PlotSize DEFAULT_SIZE = new PlotSize(900, 760);
  /** The series of points whose label has no colour of its own. */
  public static final String OTHERS = "other labels";

  private EmbeddingMapPlot() {}

  /** Writes the map (at least one point) to {@code png} at {@link #DEFAULT_SIZE}. */
  public static void write(EmbeddingMap map, Path png) throws IOException {
    write(map, png, DEFAULT_SIZE);
  }

  public static void write(EmbeddingMap map, Path png, PlotSize size) throws IOException {
    PngCharts.headless();
    if (map.points().isEmpty()) {
      throw new IllegalArgumentException("no points to plot");
    }
    List<String> coloured = new ArrayList<>(map.labelCounts().keySet());
    int named = Math.min(coloured.size(), PngCharts.colors() - 1);
    boolean others = coloured.size() > named;
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (String label : coloured.subList(0, named)) {
      series.put(label, new XYSeries(label, false, true));
    }
    XYSeries rest = new XYSeries(OTHERS + " (" + (coloured.size() - named) + ")", false, true);
    for (EmbeddingMap.Point p : map.points()) {
      series.getOrDefault(p.label(), rest).add(p.x(), p.y());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < named; i++) {
      renderer.setSeriesPaint(i, PngCharts.color(i));
    }
    if (others) {
      data.addSeries(rest);
      renderer.setSeriesPaint(named, PngCharts.OTHER);
    }
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
    }
    XYPlot plot = new XYPlot(data, axis("PC1", map.varianceShareX()), axis("PC2", map.varianceShareY()),
        renderer);
    // The last series (the grey rest) is drawn first, beneath the coloured labels.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
    PngCharts.style(plot);
    String title = String.format(Locale.ROOT, "Embedding map: %,d of %,d rows, PCA", map.points().size(),
        map.rows());
    PngCharts.write(PngCharts.chart(title, plot, true), png, size);
  }

  private static NumberAxis axis(String name, double share) {
    NumberAxis axis = new NumberAxis(String.format(Locale.ROOT, "%s (%.1f%% of variance)", name, 100 * share));
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }
}
