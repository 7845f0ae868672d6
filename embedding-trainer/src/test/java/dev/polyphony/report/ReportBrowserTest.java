package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens a generated report in headless Chromium from a file URL, as a reader would: every figure must
 * load (the page's own script counts the images that decoded into its body), and a screenshot of the
 * page, kept in {@code target/report-browser/screenshot.png}, must show a drawn page.
 */
class ReportBrowserTest {
  /** Kept after the build, beside the report it shows. */
  static final Path OUT = Path.of("target", "report-browser").toAbsolutePath();
  private static final int BUDGET_MILLIS = 10_000;
  private static final Pattern LOADED = Pattern.compile(ReportPage.LOADED_ATTRIBUTE + "=\"(\\d+)\"");
  private static final Pattern TOTAL = Pattern.compile(ReportPage.TOTAL_ATTRIBUTE + "=\"(\\d+)\"");

  private final HeadlessChromium chromium = new HeadlessChromium(OUT.resolve("chromium"));

  @BeforeAll
  static void chromiumIsInstalled() {
    HeadlessChromium.requireInstalled();
  }

  @Test
  void everyFigureLoadsAndThePageRenders() throws IOException, InterruptedException {
    Path report = OUT.resolve(ReportWriter.DIRECTORY);
    Path index = ReportWriter.write(ReportFixtures.fullContent("Polyphony run report"), report);

    String dom = chromium.dumpDom(index, BUDGET_MILLIS);

    assertThat(attribute(TOTAL, dom)).isEqualTo(6);
    assertThat(attribute(LOADED, dom)).as("figures that loaded, counted by the page").isEqualTo(6);
    assertThat(ReportWriterTest.imageSources(dom)).hasSize(6);
    assertThat(dom).contains("6 of 6 figures loaded");

    Path screenshot = OUT.resolve("screenshot.png");
    chromium.screenshot(index, screenshot, 1280, 2400, BUDGET_MILLIS);
    BufferedImage image = PngAssertions.assertDrawnPng(screenshot, 1280, 2400);
    assertThat(PngAssertions.distinctColours(image)).as("colours in the screenshot").isGreaterThan(100);
    assertThat(PngAssertions.nonBackgroundShare(image)).as("drawn share of the screenshot").isGreaterThan(0.05);
  }

  @Test
  void aMissingFigureIsCounted() throws IOException, InterruptedException {
    Path report = OUT.resolve("report-missing-figure");
    Path index = ReportWriter.write(ReportFixtures.fullContent("A figure is missing"), report);
    Files.delete(report.resolve(ReportSection.ANN.fileName()));

    String dom = chromium.dumpDom(index, BUDGET_MILLIS);

    assertThat(attribute(TOTAL, dom)).isEqualTo(6);
    assertThat(attribute(LOADED, dom)).isEqualTo(5);
    assertThat(dom).contains("5 of 6 figures loaded");
  }

  private static int attribute(Pattern pattern, String dom) {
    Matcher m = pattern.matcher(dom);
    assertThat(m.find()).as("attribute " + pattern.pattern() + " in the DOM:\n" + dom).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
