package dev.polyphony.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code index.html} of a report: one static, self-contained page (inline style, one inline script,
 * no network) with the run facts, and per present {@link ReportSection} its figure and a table of the
 * numbers behind it. Every text from the data is HTML-escaped.
 *
 * <p>The inline script counts, once the page has loaded, the figures that decoded (an {@code img} that
 * is complete with a natural width above 0), shows the count in the footer and sets it as the body's
 * {@value #LOADED_ATTRIBUTE} attribute beside {@value #TOTAL_ATTRIBUTE}, so a broken figure is visible
 * to readers and checkable by a headless browser.
 */
final class ReportPage {
  /** Body attribute written by the inline script: figures that loaded. */
  static final String LOADED_ATTRIBUTE = "data-figures-loaded";
  /** Body attribute written with the page: figures on the page. */
  static final String TOTAL_ATTRIBUTE = "data-figures";

  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
             max-width: 980px; padding: 0 20px 40px; color: #222; line-height: 1.45; }
      h1 { margin: 28px 0 4px; font-size: 1.7em; }
      h2 { margin-top: 40px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
      nav a { margin-right: 14px; }
      figure { margin: 12px 0; }
      img { max-width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { color: #555; font-size: 0.9em; }
      table { border-collapse: collapse; margin: 10px 0; font-size: 0.9em; }
      th, td { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: left; }
      th { background: #f6f6f6; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      pre { background: #f6f6f6; padding: 8px 12px; overflow-x: auto; font-size: 0.85em; }
      footer { margin-top: 40px; color: #777; font-size: 0.85em; }
      """;

  private static final String SCRIPT = """
      window.addEventListener('load', function () {
        var images = document.images;
        var loaded = 0;
        for (var i = 0; i < images.length; i++) {
          if (images[i].complete && images[i].naturalWidth > 0) {
            loaded++;
          }
        }
        document.body.setAttribute('%s', String(loaded));
        document.getElementById('figure-check').textContent =
            loaded + ' of ' + images.length + ' figures loaded';
      });
      """.formatted(LOADED_ATTRIBUTE);

  private ReportPage() {}

  static String render(ReportContent content) {
    List<ReportSection> sections = content.sections();
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(content.title())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
        .append("<body ").append(TOTAL_ATTRIBUTE).append("=\"").append(sections.size()).append("\">\n")
        .append("<h1>").append(Html.escape(content.title())).append("</h1>\n");
    if (!sections.isEmpty() || !content.tables().isEmpty()) {
      b.append("<nav>");
      for (ReportSection s : sections) {
        b.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.heading())).append("</a>");
      }
      for (ReportTable t : content.tables()) {
        b.append("<a href=\"#").append(t.id()).append("\">").append(Html.escape(t.heading())).append("</a>");
      }
      b.append("</nav>\n");
    }
    if (!content.runFacts().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      content.runFacts().forEach((k, v) -> rows.add(List.of(k, v)));
      b.append("<section id=\"run\">\n<h2>Run</h2>\n").append(Html.table(List.of("fact", "value"), rows, 2))
          .append("</section>\n");
    }
    for (ReportSection s : sections) {
      b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(Html.escape(s.heading()))
          .append("</h2>\n<figure><img src=\"").append(s.fileName()).append("\" alt=\"")
          .append(Html.escape(s.heading())).append("\" width=\"").append(s.size().width())
          .append("\" height=\"").append(s.size().height()).append("\"><figcaption>")
          .append(Html.escape(caption(s, content))).append("</figcaption></figure>\n")
          .append(table(s, content)).append("</section>\n");
    }
    for (ReportTable t : content.tables()) {
      b.append("<section id=\"").append(t.id()).append("\">\n<h2>").append(Html.escape(t.heading()))
          .append("</h2>\n");
      if (!t.caption().isEmpty()) {
        b.append("<p>").append(Html.escape(t.caption())).append("</p>\n");
      }
      b.append(t.isText() ? "<pre>" + Html.escape(t.text()) + "</pre>\n" : Html.table(t.header(), t.rows(),
          t.header().size()));
      b.append("</section>\n");
    }
    b.append("<footer><p id=\"figure-check\">").append(sections.size())
        .append(" figures (not checked: scripts are off)</p></footer>\n")
        .append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static String caption(ReportSection section, ReportContent c) {
    return switch (section) {
      case TRAINING -> "Mean training loss per task and in total, and validation metrics, per epoch.";
      case COMPARISON -> "Recall@50 and NDCG@50 of each recommender under each evaluation protocol.";
      case EMBEDDING_MAP -> String.format(Locale.ROOT,
          "%s of %s rows projected on their first two principal components (%s and %s of the variance),"
              + " coloured by label.", Html.count(c.embeddingMap().points().size()),
          Html.count(c.embeddingMap().rows()), Html.percent(c.embeddingMap().varianceShareX()),
          Html.percent(c.embeddingMap().varianceShareY()));
      case DEGREES -> "Nodes per degree value in logarithmic degree bins, per relation and direction;"
          + " isolated nodes are counted in the table.";
      case ANN -> "Recall@" + AnnSweep.K + " against the exact search and single-thread queries per second,"
          + " per HNSW search list size ef.";
      case CANDIDATES -> "Candidates each generator placed in the blended lists, and those its reasons support.";
    };
  }

  private static String table(ReportSection section, ReportContent c) {
    return switch (section) {
      case TRAINING -> trainingTable(c.training());
      case COMPARISON -> comparisonTable(c.comparison());
      case EMBEDDING_MAP -> labelTable(c.embeddingMap());
      case DEGREES -> degreeTable(c.degrees());
      case ANN -> annTable(c.ann());
      case CANDIDATES -> sharesTable(c.candidateShares());
    };
  }

  private static String trainingTable(List<EpochRecord> epochs) {
    TreeSet<String> tasks = new TreeSet<>();
    TreeSet<String> metrics = new TreeSet<>();
    for (EpochRecord e : epochs) {
      tasks.addAll(e.taskLosses().keySet());
      metrics.addAll(e.validation().keySet());
    }
    List<String> header = new ArrayList<>(List.of("epoch", "seconds", "steps", "learning rate", "loss total"));
    tasks.forEach(t -> header.add("loss " + t));
    metrics.forEach(header::add);
    List<List<String>> rows = new ArrayList<>();
    for (EpochRecord e : epochs) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(e.epoch()), Html.number(e.seconds()),
          Html.count(e.steps()), Html.number(e.learningRate()), Html.number(e.loss().get(EpochRecord.TOTAL))));
      tasks.forEach(t -> row.add(valueOrDash(e.loss(), t)));
      metrics.forEach(m -> row.add(valueOrDash(e.validation(), m)));
      rows.add(row);
    }
    return Html.table(header, rows, 0);
  }

  private static String valueOrDash(Map<String, Double> values, String name) {
    Double v = values.get(name);
    return v == null ? "-" : Html.number(v);
  }

  private static String comparisonTable(RecommenderComparison comparison) {
    List<List<String>> rows = new ArrayList<>();
    for (RecommenderComparison.Row r : comparison.rows()) {
      rows.add(List.of(r.recommender(), r.protocol(), Html.count(r.queries()), Html.number(r.recallAt10()),
          Html.number(r.recallAt50()), Html.number(r.ndcgAt50())));
    }
    return Html.table(List.of("recommender", "protocol", "queries", "Recall@10", "Recall@50", "NDCG@50"), rows, 2);
  }

  private static String labelTable(EmbeddingMap map) {
    List<List<String>> rows = new ArrayList<>();
    int total = map.points().size();
    map.labelCounts().forEach((label, n) -> rows.add(List.of(label, Html.count(n),
        Html.percent((double) n / total))));
    return Html.table(List.of("label", "points", "share"), rows, 1);
  }

  private static String degreeTable(List<DegreeHistogram> histograms) {
    List<List<String>> rows = new ArrayList<>();
    for (DegreeHistogram h : histograms) {
      rows.add(List.of(h.relation(), h.direction(), h.nodeType(), Html.count(h.nodes()), Html.count(h.isolated()),
          Html.count(h.maxDegree())));
    }
    return Html.table(List.of("relation", "direction", "node type", "nodes", "isolated", "max degree"), rows, 3);
  }

  private static String annTable(List<AnnTradeoffPoint> points) {
    List<List<String>> rows = new ArrayList<>();
    for (AnnTradeoffPoint p : points) {
      rows.add(List.of(Integer.toString(p.ef()), Html.number(p.recallAt10()),
          Html.count(Math.round(p.queriesPerSecond()))));
    }
    return Html.table(List.of("ef", "recall@" + AnnSweep.K, "queries/s"), rows, 0);
  }

  private static String sharesTable(CandidateShares shares) {
    List<List<String>> rows = new ArrayList<>();
    shares.placed().forEach((generator, placed) -> rows.add(List.of(generator, Html.count(placed),
        Html.percent(shares.share(generator)),
        shares.supported().isEmpty() ? "-" : Html.count(shares.supported().get(generator)))));
    return Html.table(List.of("generator", "placed", "share", "supported"), rows, 1);
  }
}
