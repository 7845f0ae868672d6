package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.pipeline.PipelineFixture;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the main job, as {@code polyphony run} and {@code demo} write it, opened in headless Chromium:
 * every figure of the six sections loads, the tables of sample candidate lists are there, and a screenshot (kept
 * in {@code target/pipeline-report-browser/screenshot.png}) shows a drawn page.
 */
class PipelineReportBrowserTest {
  static final Path OUT = Path.of("target", "pipeline-report-browser").toAbsolutePath();
  private static final int BUDGET_MILLIS = 10_000;
  private static final Pattern LOADED = Pattern.compile(ReportPage.LOADED_ATTRIBUTE + "=\"(\\d+)\"");
  private static final Pattern TOTAL = Pattern.compile(ReportPage.TOTAL_ATTRIBUTE + "=\"(\\d+)\"");

  @TempDir
  Path dir;

  private final HeadlessChromium chromium = new HeadlessChromium(OUT.resolve("chromium"));

  @BeforeAll
  static void chromiumIsInstalled() {
    HeadlessChromium.requireInstalled();
  }

  @Test
  void theRunsReportLoadsEveryFigureInABrowser() throws Exception {
    Path run = dir.resolve("run");
    PipelineFixture.run(PipelineFixture.job(dir), run, new StringWriter());
    Path index = run.resolve(ReportWriter.DIRECTORY).resolve(ReportWriter.INDEX);

    String dom = chromium.dumpDom(index, BUDGET_MILLIS);

    assertThat(attribute(TOTAL, dom)).isEqualTo(ReportSection.values().length);
    assertThat(attribute(LOADED, dom)).as("figures that loaded, counted by the page")
        .isEqualTo(ReportSection.values().length);
    assertThat(dom).contains("Sample candidate lists", "GraphSAGE organisational only", "new tracks");

    Path screenshot = OUT.resolve("screenshot.png");
    chromium.screenshot(index, screenshot, 1280, 2400, BUDGET_MILLIS);
    BufferedImage image = PngAssertions.assertDrawnPng(screenshot, 1280, 2400);
    assertThat(PngAssertions.distinctColours(image)).as("colours in the screenshot").isGreaterThan(100);
  }

  private static int attribute(Pattern pattern, String dom) {
    Matcher m = pattern.matcher(dom);
    assertThat(m.find()).as("attribute " + pattern.pattern() + " in the DOM:\n" + dom).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
