package dev.polyphony.report;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves over epochs: the loss panel has one line for the total loss and one per task; below it,
 * when any epoch carries validation metrics, one line per metric. A task or metric missing from an epoch
 * leaves a gap in its line rather than a made-up point.
 */
public final class TrainingCurvesPlot {
  public static final PlotSize DEFAULT_SIZE = new PlotSize(900, 620);

  private TrainingCurvesPlot() {}

  /** Writes the curves of {@code epochs} (non-empty, in epoch order) to {@code png} at {@link #DEFAULT_SIZE}. */
  public static void write(List<EpochRecord> epochs, Path png) throws IOException {
    write(epochs, png, DEFAULT_SIZE);
  }

  public static void write(List<EpochRecord> epochs, Path png, PlotSize size) throws IOException {
    PngCharts.headless();
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("no epochs to plot");
    }
    NumberAxis epochAxis = new NumberAxis("epoch");
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    epochAxis.setAutoRangeIncludesZero(false);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
    plot.setGap(12);
    XYSeriesCollection loss = lines(epochs, true);
    plot.add(panel("training loss", loss, 0), 3);
    XYSeriesCollection validation = lines(epochs, false);
    if (validation.getSeriesCount() > 0) {
      // Colours continue from the loss panel: the two panels share one legend.
      plot.add(panel("validation", validation, loss.getSeriesCount()), 2);
    }
    PngCharts.style(epochAxis);
    JFreeChart chart = PngCharts.chart("Training curves", plot, true);
    PngCharts.write(chart, png, size);
  }

  /** One series per name in {@code loss} ({@code total} first) or in {@code validation} (by name). */
  private static XYSeriesCollection lines(List<EpochRecord> epochs, boolean loss) {
    TreeSet<String> names = new TreeSet<>();
    for (EpochRecord e : epochs) {
      names.addAll(loss ? e.taskLosses().keySet() : e.validation().keySet());
    }
    Map<String, XYSeries> series = new LinkedHashMap<>();
    if (loss) {
      series.put(EpochRecord.TOTAL, new XYSeries(EpochRecord.TOTAL, false, false));
    }
    for (String name : names) {
      series.put(name, new XYSeries(name, false, false));
    }
    for (EpochRecord e : epochs) {
      Map<String, Double> values = loss ? e.loss() : e.validation();
      for (Map.Entry<String, XYSeries> s : series.entrySet()) {
        Double value = values.get(s.getKey());
        s.getValue().add(e.epoch(), value);
      }
    }
    XYSeriesCollection collection = new XYSeriesCollection();
    series.values().forEach(collection::addSeries);
    return collection;
  }

  private static XYPlot panel(String label, XYSeriesCollection data, int firstColor) {
    NumberAxis values = new NumberAxis(label);
    values.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, PngCharts.color(firstColor + i));
      renderer.setSeriesStroke(i, PngCharts.LINE);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    XYPlot panel = new XYPlot(data, null, values, renderer);
    PngCharts.style(panel);
    return panel;
  }
}
