package dev.polyphony.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code metrics.json} of a report: the numbers behind every present section, keyed by
 * {@link ReportSection#id()}, beside {@code title}, {@code runFacts} and {@code figures} (section id to
 * PNG file), and {@code tables} (sections without a figure, by id) when there are any. Absent sections
 * are absent keys. Records are written as objects in component order; the
 * embedding map adds its {@code labelCounts} and the candidate shares their {@code total}.
 */
final class ReportMetrics {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportMetrics() {}

  static String render(ReportContent content) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("title", content.title());
    root.set("runFacts", MAPPER.valueToTree(content.runFacts()));
    ObjectNode figures = root.putObject("figures");
    for (ReportSection s : content.sections()) {
      figures.put(s.id(), s.fileName());
    }
    for (ReportSection s : content.sections()) {
      root.set(s.id(), switch (s) {
        case TRAINING -> MAPPER.valueToTree(content.training());
        case COMPARISON -> MAPPER.valueToTree(content.comparison().rows());
        case EMBEDDING_MAP -> embeddingMap(content.embeddingMap());
        case DEGREES -> MAPPER.valueToTree(content.degrees());
        case ANN -> MAPPER.valueToTree(content.ann());
        case CANDIDATES -> candidateShares(content.candidateShares());
      });
    }
    if (!content.tables().isEmpty()) {
      ObjectNode tables = root.putObject("tables");
      for (ReportTable t : content.tables()) {
        tables.set(t.id(), MAPPER.valueToTree(t));
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report metrics", e);
    }
  }

  private static ObjectNode embeddingMap(EmbeddingMap map) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rows", map.rows());
    node.put("varianceShareX", map.varianceShareX());
    node.put("varianceShareY", map.varianceShareY());
    node.set("labelCounts", MAPPER.valueToTree(map.labelCounts()));
    node.set("points", MAPPER.valueToTree(map.points()));
    return node;
  }

  private static ObjectNode candidateShares(CandidateShares shares) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("total", shares.total());
    node.set("placed", MAPPER.valueToTree(shares.placed()));
    node.set("supported", MAPPER.valueToTree(shares.supported()));
    return node;
  }
}
