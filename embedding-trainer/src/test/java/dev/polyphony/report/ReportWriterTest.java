package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void writesEverySectionWithItsFigureAndNumbers() throws IOException {
    Path index = ReportWriter.write(ReportFixtures.fullContent("Run 7"), dir);

    assertThat(index).isEqualTo(dir.resolve("index.html"));
    for (ReportSection s : ReportSection.values()) {
      PngAssertions.assertDrawnPng(dir.resolve(s.fileName()), s.size().width(), s.size().height());
    }
    String html = Files.readString(index);
    assertThat(imageSources(html)).containsExactly("training-curves.png", "recommenders.png", "embedding-map.png",
        "degree-distribution.png", "ann-tradeoff.png", "candidate-shares.png");
    assertThat(html).contains("<body data-figures=\"6\">")
        .contains("<td>graphsage</td><td>cold</td><td class=\"num\">80</td><td class=\"num\">0.0500</td>"
            + "<td class=\"num\">0.1200</td><td class=\"num\">0.0800</td>")
        .contains("<td>similar</td><td class=\"num\">60</td><td class=\"num\">60.0%</td><td class=\"num\">70</td>");

    JsonNode metrics = JSON.readTree(dir.resolve("metrics.json").toFile());
    assertThat(metrics.get("title").asText()).isEqualTo("Run 7");
    assertThat(metrics.get("runFacts").get("seed").asText()).isEqualTo("42");
    assertThat(metrics.get("figures").size()).isEqualTo(6);
    assertThat(metrics.get("training").get(2).get("loss").get("total").asDouble()).isEqualTo(0.8);
    assertThat(metrics.get("comparison").get(1).get("recallAt50").asDouble()).isEqualTo(0.21);
    assertThat(metrics.get("embedding-map").get("points").size()).isEqualTo(31);
    assertThat(metrics.get("embedding-map").get("labelCounts").get("(unlabelled)").asInt()).isEqualTo(1);
    assertThat(metrics.get("degrees").get(1).get("isolated").asInt()).isEqualTo(1);
    assertThat(metrics.get("ann").get(2).get("ef").asInt()).isEqualTo(160);
    assertThat(metrics.get("candidates").get("total").asInt()).isEqualTo(100);
  }

  @Test
  void escapesEveryTextFromTheData() throws IOException {
    ReportContent content = ReportContent.builder("<script>alert('x')</script> & \"more\"")
        .runFact("path", "/tmp/<x>&y")
        .embeddingMap(ReportFixtures.embeddingMap())
        .build();
    String html = Files.readString(ReportWriter.write(content, dir));

    assertThat(html).doesNotContain("<script>alert")
        .contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</title>")
        .contains("<td>/tmp/&lt;x&gt;&amp;y</td>")
        .contains("<td>r&amp;b &lt;soul&gt;</td>");
  }

  @Test
  void needsNothingButTheFilesBesideIt() throws IOException {
    String html = Files.readString(ReportWriter.write(ReportFixtures.fullContent("Run"), dir));

    assertThat(html).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
        .doesNotContain("<link").doesNotContain("@import").doesNotContain("<script src");
    assertThat(count(html, "<script>")).isEqualTo(1);
    for (String src : imageSources(html)) {
      assertThat(dir.resolve(src)).isRegularFile();
    }
  }

  @Test
  void leavesOutSectionsWithoutDataAndTheirOldFigures() throws IOException {
    ReportWriter.write(ReportFixtures.fullContent("first"), dir);
    ReportContent trainingOnly = ReportContent.builder("second")
        .training(ReportFixtures.epochs())
        .degrees(List.of(DegreeHistogram.of("r", DegreeHistogram.IN, "n", new int[] {0})))
        .build();

    String html = Files.readString(ReportWriter.write(trainingOnly, dir));

    assertThat(imageSources(html)).containsExactly("training-curves.png");
    assertThat(html).contains("data-figures=\"1\"").doesNotContain("id=\"degrees\"")
        .doesNotContain("id=\"run\"").doesNotContain("id=\"comparison\"");
    for (ReportSection s : ReportSection.values()) {
      assertThat(Files.exists(dir.resolve(s.fileName()))).as(s.fileName()).isEqualTo(s == ReportSection.TRAINING);
    }
    JsonNode metrics = JSON.readTree(dir.resolve("metrics.json").toFile());
    List<String> keys = new ArrayList<>();
    metrics.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("title", "runFacts", "figures", "training");
  }

  @Test
  void aReportWithoutDataIsAPageWithoutFigures() throws IOException {
    String html = Files.readString(ReportWriter.write(ReportContent.builder("nothing yet").build(), dir));
    assertThat(html).contains("<h1>nothing yet</h1>").contains("data-figures=\"0\"").doesNotContain("<img")
        .doesNotContain("<nav>");
    assertThat(html).endsWith("</html>\n");
  }

  @Test
  void theSameContentWritesTheSameBytes() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    ReportWriter.write(ReportFixtures.fullContent("Run"), a);
    ReportWriter.write(ReportFixtures.fullContent("Run"), b);
    List<String> names = new ArrayList<>(List.of("index.html", "metrics.json"));
    for (ReportSection s : ReportSection.values()) {
      names.add(s.fileName());
    }
    for (String name : names) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
    try (var files = Files.list(a)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(names);
    }
  }

  static List<String> imageSources(String html) {
    List<String> sources = new ArrayList<>();
    Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      sources.add(m.group(1));
    }
    return sources;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
