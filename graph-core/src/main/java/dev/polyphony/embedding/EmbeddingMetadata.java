package dev.polyphony.embedding;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where an {@link EmbeddingTable} came from and how to use it.
 *
 * @param modelHash identifies the model (weights and configuration) that produced the vectors; non-blank
 * @param metric the similarity the vectors are meant to be compared with
 * @param normalization what was done to the rows after the encoder; {@link Normalization#L2} is checked
 *     against the rows by {@link EmbeddingTable}
 * @param createdAt when the vectors were computed
 * @param properties free-form string pairs (training run, dataset, commit); copied, sorted by key
 */
public record EmbeddingMetadata(
    String modelHash, Metric metric, Normalization normalization, Instant createdAt,
    Map<String, String> properties) {

  public EmbeddingMetadata {
    Objects.requireNonNull(modelHash, "modelHash");
    if (modelHash.isBlank()) {
      throw new IllegalArgumentException("modelHash must be non-blank (got '" + modelHash + "')");
    }
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(normalization, "normalization");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(properties, "properties");
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty()) {
        throw new IllegalArgumentException("property names must be non-empty (got '" + e.getKey() + "')");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("property '" + e.getKey() + "' has no value");
      }
      sorted.put(e.getKey(), e.getValue());
    }
    properties = java.util.Collections.unmodifiableMap(sorted);
  }

  /** Metadata without properties. */
  public static EmbeddingMetadata of(String modelHash, Metric metric, Normalization normalization,
      Instant createdAt) {
    return new EmbeddingMetadata(modelHash, metric, normalization, createdAt, Map.of());
  }

  /** The same metadata with another normalisation. */
  public EmbeddingMetadata withNormalization(Normalization other) {
    return new EmbeddingMetadata(modelHash, metric, other, createdAt, properties);
  }
}
