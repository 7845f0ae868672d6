package dev.polyphony.job;

import java.util.Objects;

/**
 * A training job setting that is unknown or invalid. The message names where the value came from (a file
 * with its line, or a {@code --set} override), the key's path and the problem, e.g.
 * {@code job.yaml (line 7): training.learningRate: must be > 0 (got -1.0)}.
 */
public class JobConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;
  private final transient ConfigOrigin origin;

  /** A problem with the value at {@code path} whose origin is not known (yet). */
  public JobConfigException(String path, String problem) {
    this(path, problem, null, null);
  }

  private JobConfigException(String path, String problem, ConfigOrigin origin, Throwable cause) {
    super(format(path, problem, origin), cause);
    this.path = Objects.requireNonNull(path, "path");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.origin = origin;
  }

  /** A problem found while reading {@code origin} itself (not valid YAML, not a map), at no particular key. */
  static JobConfigException unreadable(ConfigOrigin origin, String problem, Throwable cause) {
    return new JobConfigException("", problem, origin, cause);
  }

  /** The same problem, said to come from {@code where}. */
  JobConfigException at(ConfigOrigin where) {
    return new JobConfigException(path, problem, where, this);
  }

  /**
   * A validation failure of a section's record, such as {@code learningRate must be > 0 (got -1.0)}, as a
   * problem of the field that message starts with ({@code training.learningRate: must be > 0 (got -1.0)});
   * a message that names no field of {@code fields} becomes a problem of {@code fallbackPath}.
   */
  static JobConfigException fromRecord(String section, java.util.Collection<String> fields, String fallbackPath,
      IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    int space = message.indexOf(' ');
    String head = space < 0 ? message : message.substring(0, space);
    String field = head.endsWith(":") ? head.substring(0, head.length() - 1) : head;
    int dot = field.indexOf('.');
    String root = dot < 0 ? field : field.substring(0, dot);
    if (space > 0 && fields.contains(root)) {
      return new JobConfigException(section + "." + field, message.substring(space + 1).trim(), null, e);
    }
    return new JobConfigException(fallbackPath, message, null, e);
  }

  /** Dotted path of the offending key, e.g. {@code training.learningRate}; empty for the whole document. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path and origin. */
  public String problem() {
    return problem;
  }

  /** Where the offending value came from, or {@code null} when it was given in code. */
  public ConfigOrigin origin() {
    return origin;
  }

  private static String format(String path, String problem, ConfigOrigin origin) {
    StringBuilder sb = new StringBuilder();
    if (origin != null) {
      sb.append(origin).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(problem).toString();
  }
}
