package dev.polyphony.model;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.SampledBlocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link SageEncoder} bound to a graph: its features, its neighbour sampler and the SameDiff graph that
 * task heads add to. Computes encoder (or head) outputs for any batch of seeds.
 */
public final class SageModel {
  private final HeteroGraph graph;
  private final NodeType seedType;
  private final SageEncoderConfig config;
  private final EncoderFeatures features;
  private final NeighborSampler sampler;
  private final NeighborSampler inferenceSampler;
  private final TreePlan plan;
  private final Parameters parameters;
  private final SageEncoder encoder;
  private final IdEmbeddings idEmbeddings;
  private final NeighborSamplerConfig sampling;
  private final NeighborSamplerConfig inferenceSampling;

  /** A model that samples the same way for training and inference. */
  public SageModel(HeteroGraph graph, NodeType seedType, SageEncoderConfig config, NeighborSamplerConfig sampling) {
    this(graph, seedType, config, sampling, sampling);
  }

  /**
   * A model that samples with {@code sampling} while training and {@code inferenceSampling} otherwise (for
   * example every neighbour, {@link NeighborSamplerConfig#ALL}, on small graphs); both must follow the same
   * relations at every hop.
   */
  public SageModel(HeteroGraph graph, NodeType seedType, SageEncoderConfig config, NeighborSamplerConfig sampling,
      NeighborSamplerConfig inferenceSampling) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.seedType = Objects.requireNonNull(seedType, "seedType");
    this.config = Objects.requireNonNull(config, "config");
    this.sampling = sampling;
    this.inferenceSampling = inferenceSampling;
    this.features = EncoderFeatures.of(graph, config.featureNormalization());
    this.sampler = new NeighborSampler(graph, sampling);
    this.plan = TreePlan.of(graph.schema(), sampling, seedType);
    this.inferenceSampler = inferenceSampling == sampling ? sampler : new NeighborSampler(graph, inferenceSampling);
    if (!TreePlan.of(graph.schema(), inferenceSampling, seedType).blocks().equals(plan.blocks())) {
      throw new IllegalArgumentException("inference fan-outs '" + inferenceSampling.fanoutSpec()
          + "' follow other relations than the training fan-outs '" + sampling.fanoutSpec() + "'");
    }
    this.parameters = new Parameters(SameDiff.create(), config.seed());
    Map<NodeType, Integer> dims = new HashMap<>();
    for (NodeType type : graph.schema().nodeTypes()) {
      dims.put(type, features.dimension(type));
    }
    this.encoder = new SageEncoder(parameters, plan, dims, config);
    List<NodeType> idTypes = new ArrayList<>();
    for (String name : config.idEmbeddingTypes()) {
      idTypes.add(graph.schema().nodeType(name));
    }
    this.idEmbeddings = idTypes.isEmpty() ? null
        : new IdEmbeddings(graph, idTypes, config.inputProjectionDim(), SeedDerivation.derive(config.seed(), -2));
  }

  private SageModel(SageModel trained, HeteroGraph other) {
    this.graph = other;
    this.seedType = trained.seedType;
    this.config = trained.config;
    this.sampling = trained.sampling;
    this.inferenceSampling = trained.inferenceSampling;
    this.features = EncoderFeatures.of(other, config.featureNormalization());
    this.sampler = new NeighborSampler(other, sampling);
    this.inferenceSampler = new NeighborSampler(other, inferenceSampling);
    this.plan = trained.plan;
    this.parameters = trained.parameters;
    this.encoder = trained.encoder;
    this.idEmbeddings = trained.idEmbeddings;
  }

  /**
   * This model, sharing every weight, applied to {@code other}: a graph over the same nodes (same schema and
   * node counts, so dense ids and learned vectors line up) whose edges may differ, such as the inference
   * graph that gives new tracks their artist and album links back.
   */
  public SageModel on(HeteroGraph other) {
    if (!other.schema().equals(graph.schema())) {
      throw new IllegalArgumentException("the other graph has another schema");
    }
    for (NodeType type : graph.schema().nodeTypes()) {
      if (other.nodeCount(type) != graph.nodeCount(type)) {
        throw new IllegalArgumentException("node type '" + type + "' has " + other.nodeCount(type)
            + " nodes in the other graph and " + graph.nodeCount(type) + " in the model's");
      }
    }
    return new SageModel(this, other);
  }

  /** The learned per-node vectors, or {@code null} when the config asks for none. */
  public IdEmbeddings idEmbeddings() {
    return idEmbeddings;
  }

  public HeteroGraph graph() {
    return graph;
  }

  public NodeType seedType() {
    return seedType;
  }

  public SageEncoderConfig config() {
    return config;
  }

  public EncoderFeatures features() {
    return features;
  }

  public SageEncoder encoder() {
    return encoder;
  }

  public Parameters parameters() {
    return parameters;
  }

  public SameDiff sameDiff() {
    return parameters.sameDiff();
  }

  /**
   * Samples the neighbourhoods of {@code seeds} with {@code batchSeed}, with the training or the inference
   * fan-outs, and unrolls their computation trees.
   */
  public ComputationTree tree(int[] seeds, long batchSeed, boolean training) {
    return tree(seeds, batchSeed, training, NeighborCut.NONE);
  }

  /** As {@link #tree(int[], long, boolean)}, leaving out the first-hop neighbours {@code cut} names. */
  public ComputationTree tree(int[] seeds, long batchSeed, boolean training, NeighborCut cut) {
    NeighborSampler used = training ? sampler : inferenceSampler;
    SampledBlocks sample = used.sample(seedType, seeds, batchSeed);
    return ComputationTree.of(plan, sample, cut, used.config());
  }

  /** L2-normalised (if configured) embeddings of {@code seeds}, one row per input position, without dropout. */
  public INDArray embed(int[] seeds, long batchSeed) {
    return output(SageEncoder.EMBEDDING, seeds, batchSeed, Map.of());
  }

  /**
   * Embeddings of every node of the seed type, row {@code i} for dense id {@code i}, computed without dropout in
   * batches of {@code batchSize} whose neighbourhoods are sampled from {@code sampleSeed / batch}.
   */
  public INDArray embedAll(int batchSize, long sampleSeed, ProgressTracker progress) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (got " + batchSize + ")");
    }
    int n = graph.nodeCount(seedType);
    INDArray all = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, config.outputDim());
    int batches = (n + batchSize - 1) / batchSize;
    progress.begin("embed " + seedType, batches);
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      int to = Math.min(n, from + batchSize);
      int[] seeds = new int[to - from];
      for (int i = 0; i < seeds.length; i++) {
        seeds[i] = from + i;
      }
      INDArray rows = embed(seeds, SeedDerivation.derive(sampleSeed, b));
      all.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(rows);
      if (rows.closeable()) {
        rows.close();
      }
      progress.step(1);
    }
    progress.end();
    return all;
  }

  /**
   * Evaluates graph variable {@code name}, whose rows follow the encoder's seed rows, for {@code seeds}
   * without dropout; one row per input position (repeated seeds repeat their row).
   *
   * @param extra further placeholder values the variable needs
   */
  public INDArray output(String name, int[] seeds, long batchSeed, Map<String, INDArray> extra) {
    ComputationTree tree = tree(seeds, batchSeed, false);
    Map<String, INDArray> inputs = encoder.inputs(tree, features, idEmbeddings).placeholders();
    Map<String, INDArray> in = new HashMap<>(inputs);
    in.putAll(extra);
    try {
      SessionMemory.bound(sameDiff());
      INDArray out = sameDiff().output(in, name).get(name);
      return toInputOrder(tree.sample(), out);
    } finally {
      release(inputs);
      SessionMemory.batchDone();
    }
  }

  /**
   * Frees the native memory of placeholder arrays once a step is done with them. Batches allocate large
   * off-heap arrays at a rate the garbage collector does not notice (their Java wrappers are tiny), so they
   * are released here rather than left to finalisation.
   */
  public static void release(Map<String, INDArray> placeholders) {
    for (INDArray a : placeholders.values()) {
      if (a.closeable()) {
        a.close();
      }
    }
  }

  /** Rows of {@code perSeed} (one per distinct seed) re-ordered to the input positions of the sample. */
  public static INDArray toInputOrder(SampledBlocks sample, INDArray perSeed) {
    int[] order = sample.seedLocalIds();
    boolean identity = order.length == perSeed.rows();
    for (int i = 0; identity && i < order.length; i++) {
      identity = order[i] == i;
    }
    return identity ? perSeed : Nd4j.pullRows(perSeed, 1, order);
  }
}
