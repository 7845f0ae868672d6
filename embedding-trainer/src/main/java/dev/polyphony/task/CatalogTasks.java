package dev.polyphony.task;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.split.PlaylistDerivedLabels;
import dev.polyphony.graph.split.PlaylistDerivedLabelsConfig;
import dev.polyphony.graph.split.PlaylistDerivedLabelsResult;
import dev.polyphony.model.EncoderFeatures;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.train.BatchSource;
import dev.polyphony.train.DynamicWeightAverage;
import dev.polyphony.train.FixedWeights;
import dev.polyphony.train.LossWeighting;
import dev.polyphony.train.SeedBatches;
import dev.polyphony.train.UncertaintyWeighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The four tasks of a music catalog, built from a training graph only: labels come from training edges, and
 * only tracks with at least one training playlist are learned from, so nothing held out (edges or new tracks)
 * leaks in:
 * <ul>
 *   <li>{@code organisational}: {@link CooccurrenceContrastiveTask} over the playlist relation;
 *   <li>{@code content}: {@link RegressionHeadTask} reconstructing the tracks' standardised features;
 *   <li>{@code stylistic}: {@link ClassificationHeadTask} of each playlist label attribute (genre, subgenre)
 *       voted onto tracks by {@link PlaylistDerivedLabels};
 *   <li>{@code engagement}: {@link RegressionHeadTask} of the standardised engagement attribute (popularity).
 * </ul>
 *
 * @param graph the training graph
 * @param playlistRelation relation from playlists to tracks
 * @param labelAttributes STRING attributes of playlists that label their tracks (absent ones are skipped)
 * @param engagementAttribute INT or FLOAT attribute of tracks to regress
 */
public record CatalogTasks(HeteroGraph graph, String playlistRelation, List<String> labelAttributes,
    String engagementAttribute) {
  public static final String ORGANISATIONAL = "organisational";
  public static final String CONTENT = "content";
  public static final String STYLISTIC = "stylistic";
  public static final String ENGAGEMENT = "engagement";
  /** Task names in their canonical order. */
  public static final List<String> NAMES = List.of(ORGANISATIONAL, CONTENT, STYLISTIC, ENGAGEMENT);

  public CatalogTasks {
    Objects.requireNonNull(graph, "graph");
    graph.schema().edgeType(playlistRelation);
    labelAttributes = List.copyOf(labelAttributes);
    Objects.requireNonNull(engagementAttribute, "engagementAttribute");
  }

  public EdgeType relation() {
    return graph.schema().edgeType(playlistRelation);
  }

  public NodeType trackType() {
    return relation().dst();
  }

  /** The tasks {@code config} names, in its order. */
  public List<Task> tasks(MultiTaskConfig config) {
    List<Task> tasks = new ArrayList<>();
    for (String name : config.tasks()) {
      tasks.add(switch (name) {
        case ORGANISATIONAL -> new CooccurrenceContrastiveTask(name, trackType(), graph.in(relation()),
            config.temperature(), config.samplingCorrection()
                ? SamplingCorrection.of(graph.out(relation()), graph.in(relation()), config)
                : SamplingCorrection.NONE);
        case CONTENT -> content();
        case STYLISTIC -> stylistic();
        case ENGAGEMENT -> engagement();
        default -> throw new IllegalArgumentException("unknown task '" + name + "'");
      });
    }
    return tasks;
  }

  /** Pair batches when the organisational task takes part, otherwise shuffled batches of every track. */
  public BatchSource batches(MultiTaskConfig config, long seed) {
    int perBatch = config.pairsPerBatch();
    if (config.tasks().contains(ORGANISATIONAL)) {
      CsrAdjacency playlistTracks = graph.out(relation());
      return new CooccurrencePairBatches(relation().src(), playlistTracks, graph.in(relation()),
          CooccurrencePairBatches.batchesCoveringEdges(playlistTracks, perBatch), perBatch,
          config.negativesPerBatch(), config.contextSize(), seed);
    }
    return new SeedBatches(trainedTracks().toIntArray(), perBatch + config.negativesPerBatch(), seed);
  }

  /** The loss weighting {@code config} names. */
  public static LossWeighting weighting(MultiTaskConfig config) {
    return switch (config.weighting()) {
      case "fixed" -> new FixedWeights(config.tasks().stream().mapToDouble(config::fixedWeight).toArray());
      case "uncertainty" -> new UncertaintyWeighting();
      case "dwa" -> new DynamicWeightAverage(config.dwaTemperature());
      default -> throw new IllegalArgumentException("unknown weighting '" + config.weighting() + "'");
    };
  }

  /** Tracks with at least one training playlist: the only ones any task learns from. */
  private it.unimi.dsi.fastutil.ints.IntArrayList trainedTracks() {
    CsrAdjacency trackPlaylists = graph.in(relation());
    it.unimi.dsi.fastutil.ints.IntArrayList tracks = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int t = 0; t < trackPlaylists.rowCount(); t++) {
      if (trackPlaylists.degree(t) > 0) {
        tracks.add(t);
      }
    }
    return tracks;
  }

  private RegressionHeadTask content() {
    NodeType track = trackType();
    if (graph.features(track).isEmpty()) {
      throw new IllegalArgumentException("task 'content' needs features on '" + track + "' nodes; there are none");
    }
    EncoderFeatures features = EncoderFeatures.of(graph, FeatureNormalization.STANDARDIZE);
    int n = graph.nodeCount(track);
    int width = features.dimension(track);
    float[] targets = new float[n * width];
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    features.copyRows(track, all, n, targets);
    boolean[] present = new boolean[n];
    trainedTracks().forEach(t -> present[t] = true);
    return new RegressionHeadTask(CONTENT, track, width, targets, present);
  }

  private ClassificationHeadTask stylistic() {
    List<ClassificationHeadTask.LabelSet> sets = new ArrayList<>();
    NodeType playlist = relation().src();
    for (String attribute : labelAttributes) {
      if (graph.attributes(playlist).find(attribute).isEmpty()) {
        continue;
      }
      PlaylistDerivedLabelsResult result = new PlaylistDerivedLabels(graph,
          new PlaylistDerivedLabelsConfig(playlistRelation, attribute)).compute();
      if (result.classes().size() >= 2) {
        sets.add(new ClassificationHeadTask.LabelSet(attribute, result.labels(), result.classes().size()));
      }
    }
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("task 'stylistic' needs a playlist attribute of " + labelAttributes
          + " with at least 2 values; '" + playlist + "' has " + graph.attributes(playlist).names());
    }
    return new ClassificationHeadTask(STYLISTIC, trackType(), sets);
  }

  private RegressionHeadTask engagement() {
    NodeType track = trackType();
    AttributeColumn column = graph.attributes(track).find(engagementAttribute).orElseThrow(() ->
        new IllegalArgumentException("task 'engagement' needs attribute '" + engagementAttribute + "' on '" + track
            + "'; attributes: " + graph.attributes(track).names()));
    if (column.kind() != AttributeKind.INT && column.kind() != AttributeKind.FLOAT) {
      throw new IllegalArgumentException("attribute '" + engagementAttribute + "' must be INT or FLOAT (got "
          + column.kind() + ")");
    }
    int n = graph.nodeCount(track);
    double sum = 0;
    double squares = 0;
    int count = 0;
    boolean[] present = new boolean[n];
    float[] raw = new float[n];
    boolean[] trained = new boolean[n];
    trainedTracks().forEach(t -> trained[t] = true);
    for (int v = 0; v < n; v++) {
      if (trained[v] && column.isPresent(v)) {
        raw[v] = column.kind() == AttributeKind.INT ? column.getInt(v) : column.getFloat(v);
        present[v] = true;
        sum += raw[v];
        squares += (double) raw[v] * raw[v];
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("attribute '" + engagementAttribute + "' has no values");
    }
    double mean = sum / count;
    double std = Math.sqrt(Math.max(squares / count - mean * mean, 0));
    float[] targets = new float[n];
    for (int v = 0; v < n; v++) {
      targets[v] = present[v] ? (float) ((raw[v] - mean) / (std > 0 ? std : 1)) : 0f;
    }
    return new RegressionHeadTask(ENGAGEMENT, track, 1, targets, present);
  }
}
