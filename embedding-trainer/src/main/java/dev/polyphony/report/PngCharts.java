package dev.polyphony.report;

import dev.polyphony.graph.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The look shared by every plot of the report and the headless PNG output. Fonts, colours and strokes are
 * fixed here rather than taken from JFreeChart's global theme, so a plot of the same data always renders
 * to the same bytes.
 */
final class PngCharts {
  static {
    // The report is rendered on servers without a display: AWT must never look for one.
    System.setProperty("java.awt.headless", "true");
  }

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xD9D9D9);
  /** The colour of points and bars outside the named categories. */
  static final Color OTHER = new Color(0xB0B0B0);
  static final BasicStroke LINE = new BasicStroke(2f);

  /** Twelve colours that stay apart for the common kinds of colour blindness, in order of use. */
  private static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x332288),
      new Color(0x882255), new Color(0x44AA99), new Color(0x999933), new Color(0x661100)};

  private PngCharts() {}

  /** Sets {@code java.awt.headless}; every plot calls it before it builds anything of AWT. */
  static void headless() {
    // The work is done by the static initialiser; this call makes sure it has run.
  }

  /** The {@code i}-th categorical colour, cycling after twelve. */
  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** Number of distinct categorical colours. */
  static int colors() {
    return PALETTE.length;
  }

  /** A chart around {@code plot} with the report's title font, white background and optional legend. */
  static JFreeChart chart(String title, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (legend) {
      LegendTitle l = chart.getLegend();
      l.setItemFont(LABEL_FONT);
      l.setPosition(RectangleEdge.BOTTOM);
      l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    return chart;
  }

  static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    style(plot.getDomainAxis());
    style(plot.getRangeAxis());
  }

  static void style(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    style(plot.getDomainAxis());
    style(plot.getRangeAxis());
  }

  /**
   * A base-10 logarithmic axis for positive values, ticked at 1-9 times each power of ten and labelled
   * with plain numbers ({@code 0.05}, {@code 20}, {@code 3,000}) rather than exponents.
   */
  static LogarithmicAxis logAxis(String label) {
    LogarithmicAxis axis = new LogarithmicAxis(label);
    axis.setStrictValuesFlag(true);
    axis.setAutoRangeNextLogFlag(false);
    axis.setNumberFormatOverride(new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    return axis;
  }

  static void style(Axis axis) {
    if (axis != null) {
      axis.setLabelFont(LABEL_FONT);
      axis.setTickLabelFont(TICK_FONT);
    }
  }

  /** Renders {@code chart} at {@code size} and writes it to {@code file} as PNG, atomically. */
  static void write(JFreeChart chart, Path file, PlotSize size) throws IOException {
    AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, size.width(), size.height()));
  }
}
