package dev.polyphony.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training log: JSON lines, one {@link EpochRecord} per line, in this fixed form
 * <pre>
 * {"epoch":1,"seconds":12.3,"steps":55,"learningRate":0.001,
 *  "loss":{"total":1.23,"organisational":0.9,"content":0.2},
 *  "taskWeights":{"organisational":1.0,"content":0.5},"validation":{"recall@50":0.21}}
 * </pre>
 * (on one line). All seven fields are required and no others are allowed; {@code taskWeights} and
 * {@code validation} may be empty objects, {@code loss} must hold {@code total}; numbers are finite.
 * Epochs increase strictly from line to line. Lines holding only white space are skipped. The trainer
 * writes the log with {@link TrainingLogWriter}.
 */
public final class TrainingLog {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> FIELDS =
      List.of("epoch", "seconds", "steps", "learningRate", "loss", "taskWeights", "validation");

  private TrainingLog() {}

  /** The line of {@code record}, without the line break. */
  public static String format(EpochRecord record) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("epoch", record.epoch());
    line.put("seconds", record.seconds());
    line.put("steps", record.steps());
    line.put("learningRate", record.learningRate());
    putAll(line.putObject("loss"), record.loss());
    putAll(line.putObject("taskWeights"), record.taskWeights());
    putAll(line.putObject("validation"), record.validation());
    try {
      return MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot format epoch " + record.epoch(), e);
    }
  }

  private static void putAll(ObjectNode node, Map<String, Double> values) {
    values.forEach(node::put);
  }

  /**
   * Reads every record of {@code file}.
   *
   * @throws TrainingLogException on the first bad line, naming the file, line and field
   */
  public static List<EpochRecord> read(Path file) throws IOException {
    List<EpochRecord> records = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        EpochRecord record = new LineParser(file, lineNumber).parse(line);
        if (!records.isEmpty() && record.epoch() <= records.get(records.size() - 1).epoch()) {
          throw new TrainingLogException(file, lineNumber, "epoch", "epochs must increase (got "
              + record.epoch() + " after " + records.get(records.size() - 1).epoch() + ")");
        }
        records.add(record);
      }
    }
    return records;
  }

  /** Parses one line; every error names the field. */
  private static final class LineParser {
    private final Path file;
    private final int line;

    LineParser(Path file, int line) {
      this.file = file;
      this.line = line;
    }

    EpochRecord parse(String text) throws TrainingLogException {
      JsonNode root;
      try {
        root = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw error("(line)", "not valid JSON: " + e.getOriginalMessage());
      }
      if (root == null || !root.isObject()) {
        throw error("(line)", "must be a JSON object (got " + abbreviated(text) + ")");
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          throw error(name, "unknown field (expected " + String.join(", ", FIELDS) + ")");
        }
      }
      long epoch = integer(root, "epoch", 1, Integer.MAX_VALUE);
      double seconds = number("seconds", field(root, "seconds"));
      long steps = integer(root, "steps", 0, Long.MAX_VALUE);
      double learningRate = number("learningRate", field(root, "learningRate"));
      Map<String, Double> loss = numbers(root, "loss");
      if (!loss.containsKey(EpochRecord.TOTAL)) {
        throw error("loss." + EpochRecord.TOTAL, "missing");
      }
      Map<String, Double> taskWeights = numbers(root, "taskWeights");
      Map<String, Double> validation = numbers(root, "validation");
      if (seconds < 0) {
        throw error("seconds", "must be >= 0 (got " + seconds + ")");
      }
      if (learningRate < 0) {
        throw error("learningRate", "must be >= 0 (got " + learningRate + ")");
      }
      try {
        return new EpochRecord((int) epoch, seconds, steps, learningRate, loss, taskWeights, validation);
      } catch (IllegalArgumentException e) {
        throw error("(line)", e.getMessage());
      }
    }

    private JsonNode field(JsonNode root, String name) throws TrainingLogException {
      JsonNode node = root.get(name);
      if (node == null) {
        throw error(name, "missing");
      }
      return node;
    }

    private long integer(JsonNode root, String name, long min, long max) throws TrainingLogException {
      JsonNode node = field(root, name);
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw error(name, "must be an integer (got " + node + ")");
      }
      long value = node.longValue();
      if (value < min || value > max) {
        throw error(name, "must be in [" + min + ", " + max + "] (got " + value + ")");
      }
      return value;
    }

    private double number(String name, JsonNode node) throws TrainingLogException {
      if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
        throw error(name, "must be a finite number (got " + node + ")");
      }
      return node.doubleValue();
    }

    private Map<String, Double> numbers(JsonNode root, String name) throws TrainingLogException {
      JsonNode node = field(root, name);
      if (!node.isObject()) {
        throw error(name, "must be an object of numbers (got " + node + ")");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = name + "." + e.getKey();
        if (e.getKey().isBlank()) {
          throw error(key, "names must be non-blank");
        }
        values.put(e.getKey(), number(key, e.getValue()));
      }
      return values;
    }

    private TrainingLogException error(String field, String problem) {
      return new TrainingLogException(file, line, field, problem);
    }

    private static String abbreviated(String text) {
      return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
  }
}
