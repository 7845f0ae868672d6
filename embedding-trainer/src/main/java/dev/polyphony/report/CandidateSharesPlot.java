package dev.polyphony.report;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars of the candidates each generator placed in the blended lists, labelled with the count
 * and its share of all placed candidates; when known, a second bar per generator shows the candidates
 * its reasons support.
 */
public final class CandidateSharesPlot {
  public static final PlotSize DEFAULT_SIZE = new PlotSize(900, 480);
  static final String PLACED = "placed";
  static final String SUPPORTED = "supported by its reasons";

  private CandidateSharesPlot() {}

  /** Writes the bars of {@code shares} (at least one generator) to {@code png} at {@link #DEFAULT_SIZE}. */
  public static void write(CandidateShares shares, Path png) throws IOException {
    write(shares, png, DEFAULT_SIZE);
  }

  public static void write(CandidateShares shares, Path png, PlotSize size) throws IOException {
    PngCharts.headless();
    if (shares.placed().isEmpty()) {
      throw new IllegalArgumentException("no generators to plot");
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, Integer> e : shares.placed().entrySet()) {
      data.addValue(e.getValue(), PLACED, e.getKey());
    }
    for (Map.Entry<String, Integer> e : shares.supported().entrySet()) {
      data.addValue(e.getValue(), SUPPORTED, e.getKey());
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, PngCharts.color(0));
    renderer.setSeriesPaint(1, PngCharts.OTHER);
    renderer.setDefaultItemLabelGenerator(new CountLabels(shares));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    NumberAxis counts = new NumberAxis("candidates");
    counts.setUpperMargin(0.2);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("generator"), counts, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    PngCharts.style(plot);
    String title = String.format(Locale.ROOT, "Candidate generators: %,d placed candidates", shares.total());
    JFreeChart chart = PngCharts.chart(title, plot, !shares.supported().isEmpty());
    PngCharts.write(chart, png, size);
  }

  /** Labels a placed bar with its count and share, a supported bar with its count. */
  private static final class CountLabels extends StandardCategoryItemLabelGenerator {
    private final transient CandidateShares shares;

    CountLabels(CandidateShares shares) {
      this.shares = shares;
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      int count = dataset.getValue(row, column).intValue();
      if (row > 0) {
        return String.format(Locale.ROOT, "%,d", count);
      }
      return String.format(Locale.ROOT, "%,d (%.1f%%)", count,
          100 * shares.share((String) dataset.getColumnKey(column)));
    }
  }
}
