package dev.polyphony.report;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars of Recall@50 (top panel) and NDCG@50 (bottom panel) per recommender, one bar colour per
 * protocol, each bar labelled with its value.
 */
public final class RecommenderComparisonPlot {
  public static final PlotSize DEFAULT_SIZE = new PlotSize(900, 620);

  private RecommenderComparisonPlot() {}

  /** Writes the chart of {@code comparison} (non-empty) to {@code png} at {@link #DEFAULT_SIZE}. */
  public static void write(RecommenderComparison comparison, Path png) throws IOException {
    write(comparison, png, DEFAULT_SIZE);
  }

  public static void write(RecommenderComparison comparison, Path png, PlotSize size) throws IOException {
    PngCharts.headless();
    if (comparison.isEmpty()) {
      throw new IllegalArgumentException("no results to compare");
    }
    CategoryAxis recommenders = new CategoryAxis("recommender");
    recommenders.setCategoryLabelPositions(comparison.recommenders().size() > 5
        ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
    PngCharts.style(recommenders);
    CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(recommenders);
    plot.setGap(12);
    CategoryPlot recall = panel(comparison, "Recall@50", RecommenderComparison.Row::recallAt50);
    plot.add(recall);
    plot.add(panel(comparison, "NDCG@50", RecommenderComparison.Row::ndcgAt50));
    // Both panels colour the protocols alike: one legend entry per protocol, not per panel.
    plot.setFixedLegendItems(recall.getLegendItems());
    JFreeChart chart = PngCharts.chart("Playlist continuation: recommenders compared", plot, true);
    PngCharts.write(chart, png, size);
  }

  private static CategoryPlot panel(RecommenderComparison comparison, String metric,
      ToDoubleFunction<RecommenderComparison.Row> value) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String protocol : comparison.protocols()) {
      for (String recommender : comparison.recommenders()) {
        // Fixes the category order to the recommender order even where a protocol lacks one.
        data.addValue(null, protocol, recommender);
      }
    }
    for (RecommenderComparison.Row row : comparison.rows()) {
      data.setValue(value.applyAsDouble(row), row.protocol(), row.recommender());
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
        new DecimalFormat("0.000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (int i = 0; i < comparison.protocols().size(); i++) {
      renderer.setSeriesPaint(i, PngCharts.color(i));
    }
    NumberAxis axis = new NumberAxis(metric);
    axis.setUpperMargin(0.15);
    CategoryPlot panel = new CategoryPlot(data, null, axis, renderer);
    PngCharts.style(panel);
    return panel;
  }
}
