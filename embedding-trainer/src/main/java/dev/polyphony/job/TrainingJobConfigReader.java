package dev.polyphony.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link TrainingJobConfig}s: the built-in defaults ({@value #DEFAULTS_RESOURCE}), overlaid by a job
 * file in YAML ({@code .yaml}, {@code .yml}, or any other name) or JSON ({@code .json}), overlaid by
 * {@code key=value} overrides. Any problem is a {@link JobConfigException} that names the file and line (or
 * the override) the offending value came from and the key's path: an unknown key lists the known ones, a value
 * of the wrong type says what was expected, an invalid value says why.
 */
public final class TrainingJobConfigReader {
  /** Class-path resource holding the defaults, beside this class. */
  public static final String DEFAULTS_RESOURCE = "default-training.yaml";
  private static final String DEFAULTS_SOURCE = DEFAULTS_RESOURCE + " (built in)";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
      .build();

  private TrainingJobConfigReader() {}

  /** The text of the built-in defaults. */
  public static String defaultsText() {
    try (InputStream in = TrainingJobConfigReader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULTS_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The defaults overlaid by {@code file} (none when {@code null}) and then by each override in order.
   *
   * @throws IOException when the file cannot be read
   * @throws JobConfigException when a key is unknown or a value invalid
   */
  public static TrainingJobConfig load(Path file, List<String> overrides) throws IOException {
    ConfigTree tree = defaultsTree();
    if (file != null) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      tree.merge(ConfigTree.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
          name.endsWith(".json")));
    }
    for (String override : overrides) {
      tree.set(override);
    }
    return bind(tree);
  }

  /**
   * The defaults overlaid by the YAML {@code text} (named {@code source} in messages) and then by each override.
   *
   * @throws JobConfigException when a key is unknown or a value invalid
   */
  public static TrainingJobConfig fromYaml(String text, String source, List<String> overrides) {
    ConfigTree tree = defaultsTree();
    tree.merge(ConfigTree.parse(text, source, false));
    for (String override : overrides) {
      tree.set(override);
    }
    return bind(tree);
  }

  /** The defaults overlaid by the JSON {@code text} (as {@link #toJson} writes it), named {@code source}. */
  public static TrainingJobConfig fromJson(String text, String source) {
    ConfigTree tree = defaultsTree();
    tree.merge(ConfigTree.parse(text, source, true));
    return bind(tree);
  }

  /** {@code config} as indented JSON, enums in lower case, keys in file order. */
  public static String toJson(TrainingJobConfig config) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the job config as JSON", e);
    }
  }

  static ObjectNode toTree(TrainingJobConfig config) {
    return MAPPER.valueToTree(config);
  }

  static ConfigTree defaultsTree() {
    ConfigTree tree = ConfigTree.empty();
    tree.merge(ConfigTree.parse(defaultsText(), DEFAULTS_SOURCE, false));
    return tree;
  }

  private static TrainingJobConfig bind(ConfigTree tree) {
    return bind(tree, tree.root(), TrainingJobConfig.class);
  }

  /**
   * Binds {@code node} (the root of {@code tree}, or a copy holding some of its sections under the same paths)
   * to {@code type}, translating any problem into a {@link JobConfigException} naming the origin and the key.
   */
  static <T> T bind(ConfigTree tree, JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof JobConfigException problem) {
          throw problem.at(tree.originOf(problem.path()));
        }
      }
      if (e instanceof JsonMappingException mapping) {
        String path = path(mapping);
        throw new JobConfigException(path, explain(mapping, tree.at(path))).at(tree.originOf(path));
      }
      throw new JobConfigException("", String.valueOf(e.getMessage())).at(tree.originOf(""));
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String explain(JsonMappingException e, JsonNode value) {
    String got = "(got " + ConfigTree.describe(value) + ")";
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field (known: " + String.join(", ", knownFields(u)) + ")";
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target != null && target.isEnum()) {
      List<String> names = Arrays.stream(target.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
      return "must be one of " + String.join(", ", names) + " " + got;
    }
    if (target != null || e instanceof InvalidFormatException) {
      return "expected " + kind(target) + " " + got;
    }
    return String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim() + " " + got;
  }

  private static Collection<String> knownFields(UnrecognizedPropertyException e) {
    Class<?> owner = e.getReferringClass();
    if (owner != null && owner.isRecord()) {
      return Arrays.stream(owner.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }
    Set<String> known = new TreeSet<>();
    if (e.getKnownPropertyIds() != null) {
      e.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
    }
    return known;
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a map";
    }
    return "a " + type.getSimpleName();
  }

  /** Adds to {@code out} the paths below {@code path} whose values differ between {@code a} and {@code b}. */
  static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(a.get(key), b.get(key), path.isEmpty() ? key : path + "." + key, out);
      }
    } else if (a == null || !a.equals(b)) {
      out.add(path);
    }
  }
}
