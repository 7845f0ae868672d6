package dev.polyphony.model;

import java.util.List;
import java.util.Objects;

/**
 * Shape of a {@link SageEncoder}.
 *
 * @param layers number of aggregation layers K ({@code >= 1}); must equal the sampler's hop count
 * @param hiddenDim width of layers 1..K-1
 * @param outputDim width of layer K, the embedding dimension
 * @param aggregator neighbourhood aggregator of every layer and relation
 * @param combination how a layer joins self and neighbourhood; {@link Combination#CONCAT} needs even widths
 * @param inputProjectionDim width of the per-node-type input projection {@code relu(x P_type + b_type)};
 *     0 feeds the (normalised) features to layer 1 directly
 * @param dropout probability of zeroing an input of each layer while training, in {@code [0, 1)}
 * @param normalizeOutput divide the output by its L2 norm (cosine geometry for retrieval)
 * @param featureNormalization scaling of the raw content features
 * @param seed seed of the weight initialisation
 * @param idEmbeddingTypes node types that also get a learned per-node vector ({@link IdEmbeddings}), added to
 *     their projected features; needs {@code inputProjectionDim > 0}, whose width the vectors share
 * @param idDropout probability of hiding a seed-type node's learned vector while training, so the encoder
 *     also learns to embed nodes that have none (new tracks), in {@code [0, 1]}
 */
public record SageEncoderConfig(int layers, int hiddenDim, int outputDim, Aggregator aggregator,
    Combination combination, int inputProjectionDim, double dropout, boolean normalizeOutput,
    FeatureNormalization featureNormalization, long seed, List<String> idEmbeddingTypes, double idDropout) {

  public SageEncoderConfig {
    Objects.requireNonNull(aggregator, "aggregator");
    Objects.requireNonNull(combination, "combination");
    Objects.requireNonNull(featureNormalization, "featureNormalization");
    idEmbeddingTypes = List.copyOf(Objects.requireNonNull(idEmbeddingTypes, "idEmbeddingTypes"));
    if (!idEmbeddingTypes.isEmpty() && inputProjectionDim == 0) {
      throw new IllegalArgumentException("idEmbeddingTypes " + idEmbeddingTypes
          + " need an input projection (inputProjectionDim > 0) of the vectors' width (got 0)");
    }
    if (!(idDropout >= 0 && idDropout <= 1)) {
      throw new IllegalArgumentException("idDropout must be in [0, 1] (got " + idDropout + ")");
    }
    if (layers < 1) {
      throw new IllegalArgumentException("layers must be >= 1 (got " + layers + ")");
    }
    if (hiddenDim <= 0) {
      throw new IllegalArgumentException("hiddenDim must be > 0 (got " + hiddenDim + ")");
    }
    if (outputDim <= 0) {
      throw new IllegalArgumentException("outputDim must be > 0 (got " + outputDim + ")");
    }
    if (inputProjectionDim < 0) {
      throw new IllegalArgumentException("inputProjectionDim must be >= 0, 0 for none (got " + inputProjectionDim + ")");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1) (got " + dropout + ")");
    }
    if (combination == Combination.CONCAT) {
      if (layers > 1 && hiddenDim % 2 != 0) {
        throw new IllegalArgumentException("hiddenDim must be even with CONCAT, each half one side (got "
            + hiddenDim + ")");
      }
      if (outputDim % 2 != 0) {
        throw new IllegalArgumentException("outputDim must be even with CONCAT, each half one side (got "
            + outputDim + ")");
      }
    }
  }

  /** Two mean layers 128 -> 64 with concatenation, dropout 0.5, standardised features, output L2-normalised. */
  public static SageEncoderConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder().layers(layers).hiddenDim(hiddenDim).outputDim(outputDim).aggregator(aggregator)
        .combination(combination).inputProjectionDim(inputProjectionDim).dropout(dropout)
        .normalizeOutput(normalizeOutput).featureNormalization(featureNormalization).seed(seed)
        .idEmbeddingTypes(idEmbeddingTypes).idDropout(idDropout);
  }

  /** Output width of layer {@code k} ({@code 1..layers}). */
  public int layerDim(int k) {
    if (k < 1 || k > layers) {
      throw new IndexOutOfBoundsException("layer must be in [1, " + layers + "] (got " + k + ")");
    }
    return k < layers ? hiddenDim : outputDim;
  }

  /** Collects the parameters; defaults as in {@link #defaults()}. */
  public static final class Builder {
    private int layers = 2;
    private int hiddenDim = 128;
    private int outputDim = 64;
    private Aggregator aggregator = Aggregator.MEAN;
    private Combination combination = Combination.CONCAT;
    private int inputProjectionDim;
    private double dropout = 0.5;
    private boolean normalizeOutput = true;
    private FeatureNormalization featureNormalization = FeatureNormalization.STANDARDIZE;
    private long seed;
    private List<String> idEmbeddingTypes = List.of();
    private double idDropout;

    private Builder() {}

    public Builder idEmbeddingTypes(List<String> idEmbeddingTypes) {
      this.idEmbeddingTypes = idEmbeddingTypes;
      return this;
    }

    public Builder idDropout(double idDropout) {
      this.idDropout = idDropout;
      return this;
    }

    public Builder layers(int layers) {
      this.layers = layers;
      return this;
    }

    public Builder hiddenDim(int hiddenDim) {
      this.hiddenDim = hiddenDim;
      return this;
    }

    public Builder outputDim(int outputDim) {
      this.outputDim = outputDim;
      return this;
    }

    public Builder aggregator(Aggregator aggregator) {
      this.aggregator = aggregator;
      return this;
    }

    public Builder combination(Combination combination) {
      this.combination = combination;
      return this;
    }

    public Builder inputProjectionDim(int inputProjectionDim) {
      this.inputProjectionDim = inputProjectionDim;
      return this;
    }

    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    public Builder normalizeOutput(boolean normalizeOutput) {
      this.normalizeOutput = normalizeOutput;
      return this;
    }

    public Builder featureNormalization(FeatureNormalization featureNormalization) {
      this.featureNormalization = featureNormalization;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public SageEncoderConfig build() {
      return new SageEncoderConfig(layers, hiddenDim, outputDim, aggregator, combination, inputProjectionDim,
          dropout, normalizeOutput, featureNormalization, seed, idEmbeddingTypes, idDropout);
    }
  }
}
