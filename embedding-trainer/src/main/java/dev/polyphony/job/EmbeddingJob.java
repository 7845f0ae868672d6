package dev.polyphony.job;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import dev.polyphony.model.SageModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inductive inference: the embeddings of every node of the model's type in a graph, computed from the nodes'
 * features and sampled neighbourhoods by a saved model (nodes the model never saw included), as an
 * {@link EmbeddingTable} in the graph's id order.
 *
 * <p>Neighbourhoods are sampled with the job's inference fan-outs, batch {@code b} from the training seed's
 * stream {@code b}, so one bundle, graph and batch size always give the same table. The metadata carries the
 * model hash, cosine as the metric, {@link Normalization#L2} when the encoder normalises its output, and the
 * properties {@code inferenceFanouts}, {@code batchSize} and {@code modelCreatedAt}.
 */
public final class EmbeddingJob {
  /** Nodes embedded per batch unless told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 1024;

  private EmbeddingJob() {}

  /**
   * Embeds every node of {@link ModelBundle#seedType()} in {@code graph}.
   *
   * @throws IllegalArgumentException when the graph does not fit the model (see {@link ModelBundle#model}) or
   *     has no node of the type
   */
  public static EmbeddingTable embed(ModelBundle bundle, HeteroGraph graph, int batchSize, ProgressTracker progress) {
    return embed(bundle, graph, batchSize, bundle.config().inferenceSampling(), progress);
  }

  /**
   * The job's inference fan-outs and seed under {@link Weighting#HASH}: every node's neighbourhood is then the
   * same in any batch, and the same as the layer-wise Spark job computes.
   *
   * @throws IllegalArgumentException when the fan-outs do not nest as hash sampling needs
   */
  public static NeighborSamplerConfig hashSampling(TrainingJobConfig config) {
    NeighborSamplerConfig base = config.inferenceSampling();
    return new NeighborSamplerConfig(base.fanouts(), base.directions(), Weighting.HASH, false, base.seed());
  }

  /**
   * Embeds every node of {@link ModelBundle#seedType()} in {@code graph}, sampling with {@code sampling}
   * instead of the job's inference sampling (the same fan-outs, another mode); the property {@code sampling}
   * records its mode.
   */
  public static EmbeddingTable embed(ModelBundle bundle, HeteroGraph graph, int batchSize,
      NeighborSamplerConfig sampling, ProgressTracker progress) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (got " + batchSize + ")");
    }
    NodeType type = bundle.seedType();
    bundle.requireFits(graph);
    if (graph.nodeCount(type) == 0) {
      throw new IllegalArgumentException("the graph has no '" + type + "' nodes to embed");
    }
    progress.begin("build the model", -1);
    SageModel model = bundle.model(graph, sampling);
    progress.end();
    TrainingJobConfig config = bundle.config();
    INDArray embeddings = model.embedAll(batchSize, config.trainConfig().seed(), progress);
    float[] values = embeddings.dup('c').data().asFloat();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("inferenceFanouts", config.training().inferenceFanouts());
    properties.put("sampling", sampling.weighting().name().toLowerCase(java.util.Locale.ROOT));
    properties.put("batchSize", Integer.toString(batchSize));
    properties.put("modelCreatedAt", bundle.createdAt().toString());
    Normalization normalization = config.encoderConfig().normalizeOutput() ? Normalization.L2 : Normalization.NONE;
    EmbeddingMetadata metadata = new EmbeddingMetadata(bundle.modelHash(), Metric.COSINE, normalization,
        Instant.now(), properties);
    return new EmbeddingTable(type.name(), graph.ids(type).externalIds(), bundle.dimension(), values, metadata);
  }
}
