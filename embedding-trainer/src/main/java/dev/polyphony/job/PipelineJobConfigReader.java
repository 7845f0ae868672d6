package dev.polyphony.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@link PipelineJobConfig}s: the training defaults ({@value TrainingJobConfigReader#DEFAULTS_RESOURCE}) and
 * the pipeline defaults ({@value #DEFAULTS_RESOURCE}), overlaid by layers (a job file, or built-in jobs such as the
 * demo's), overlaid by {@code key=value} overrides. One file holds both: the {@code input} and {@code pipeline}
 * sections, and the training job's sections beside them. Problems are {@link JobConfigException}s naming the file
 * and line (or the override) and the key, as for training jobs.
 */
public final class PipelineJobConfigReader {
  /** Class-path resource holding the pipeline defaults, beside this class. */
  public static final String DEFAULTS_RESOURCE = "default-pipeline.yaml";
  private static final List<String> OWN_SECTIONS = List.of("input", "pipeline");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Map keys sorted, so that one value always gives one text (immutable maps iterate in a per-JVM order). */
  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** The two sections of the pipeline, bound together so that problems keep their paths. */
  record Sections(PipelineJobConfig.Input input, PipelineJobConfig.Pipeline pipeline) {}

  private PipelineJobConfigReader() {}

  /**
   * The defaults overlaid by {@code file} and then by each override; relative paths of the job are resolved
   * against the file's folder.
   *
   * @throws IOException when the file cannot be read
   * @throws JobConfigException when a key is unknown or a value invalid
   */
  public static PipelineJobConfig load(Path file, List<String> overrides) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    ConfigTree layer = ConfigTree.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
        name.endsWith(".json"));
    Path base = file.toAbsolutePath().getParent();
    return bind(List.of(layer), overrides, base == null ? Path.of("").toAbsolutePath() : base);
  }

  /**
   * The defaults overlaid by the class-path YAML {@code resources} (absolute resource names, in order) and then by
   * each override; relative paths are resolved against {@code baseDir}.
   */
  public static PipelineJobConfig fromResources(List<String> resources, List<String> overrides, Path baseDir) {
    List<ConfigTree> layers = new ArrayList<>();
    for (String resource : resources) {
      layers.add(ConfigTree.parse(resourceText(resource), resource + " (built in)", false));
    }
    return bind(layers, overrides, baseDir);
  }

  /** The defaults overlaid by the YAML {@code text} (named {@code source}) and the overrides. */
  public static PipelineJobConfig fromYaml(String text, String source, List<String> overrides, Path baseDir) {
    return bind(List.of(ConfigTree.parse(text, source, false)), overrides, baseDir);
  }

  /** The whole job as indented JSON: {@code input}, {@code pipeline} and the resolved training job. */
  public static String toJson(PipelineJobConfig config) {
    ObjectNode root = JSON.createObjectNode();
    root.set("input", JSON.valueToTree(config.input()));
    root.set("pipeline", JSON.valueToTree(config.pipeline()));
    ObjectNode training = TrainingJobConfigReader.toTree(config.training());
    training.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the pipeline job as JSON", e);
    }
  }

  /**
   * {@code value} (a section record or value) as canonical JSON: the same value gives the same text in every JVM,
   * map keys sorted. Stage fingerprints are taken over this text.
   */
  public static String sectionJson(Object value) {
    try {
      Object plain = CANONICAL.convertValue(value, Object.class);
      return CANONICAL.writeValueAsString(plain);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  /** The training job as canonical JSON (see {@link #sectionJson}). */
  public static String trainingJson(TrainingJobConfig training) {
    return sectionJson(TrainingJobConfigReader.toTree(training));
  }

  private static PipelineJobConfig bind(List<ConfigTree> layers, List<String> overrides, Path baseDir) {
    ConfigTree tree = TrainingJobConfigReader.defaultsTree();
    tree.merge(ConfigTree.parse(resourceText(DEFAULTS_RESOURCE), DEFAULTS_RESOURCE + " (built in)", false));
    for (ConfigTree layer : layers) {
      tree.merge(layer);
    }
    for (String override : overrides) {
      tree.set(override);
    }
    List<String> known = new ArrayList<>(OWN_SECTIONS);
    Arrays.stream(TrainingJobConfig.class.getRecordComponents()).forEach(c -> known.add(c.getName()));
    for (Iterator<String> keys = tree.root().fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        throw new JobConfigException(key, "unknown section (known: " + String.join(", ", known) + ")")
            .at(tree.originOf(key));
      }
    }
    ObjectNode own = JsonNodeFactory.instance.objectNode();
    ObjectNode rest = tree.root().deepCopy();
    for (String section : OWN_SECTIONS) {
      JsonNode node = rest.remove(section);
      if (node != null) {
        own.set(section, node);
      }
    }
    Sections sections = TrainingJobConfigReader.bind(tree, own, Sections.class);
    TrainingJobConfig training = TrainingJobConfigReader.bind(tree, rest, TrainingJobConfig.class);
    return new PipelineJobConfig(sections.input(), sections.pipeline(), training.resolved(), baseDir);
  }

  private static String resourceText(String resource) {
    try (InputStream in = PipelineJobConfigReader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
