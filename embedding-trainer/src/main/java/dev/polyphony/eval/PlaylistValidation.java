package dev.polyphony.eval;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.split.PlaylistContinuationSplit;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitResult;
import dev.polyphony.model.SageModel;
import dev.polyphony.task.Validation;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early-stopping validation for catalog training: a playlist-continuation split carved out of the training
 * graph (never the evaluation's held-out tracks), scored as warm Recall@50 of the centroid-cosine rule on the
 * current embeddings. The model trains on {@link #trainingGraph()}, which lacks the validation tracks.
 */
public final class PlaylistValidation implements Validation {
  private static final int EMBED_BATCH = 1024;

  private final PlaylistCatalog catalog;
  private final EvaluationQueries queries;

  /** Holds {@code config}'s share of each eligible playlist of {@code training} out for validation. */
  public PlaylistValidation(HeteroGraph training, PlaylistContinuationSplitConfig config) {
    Objects.requireNonNull(training, "training");
    PlaylistContinuationSplitResult split = new PlaylistContinuationSplit(training, config).compute();
    this.catalog = PlaylistCatalog.of(split.training(), config.relation());
    this.queries = EvaluationQueries.warm(split, catalog);
    if (queries.queryCount() == 0) {
      throw new IllegalArgumentException("the validation split has no playlist whose held-out tracks are in "
          + "another playlist; hold out more (holdOutFraction " + config.holdOutFraction() + ")");
    }
  }

  /** The graph to train on: the training graph without the validation tracks. */
  public HeteroGraph trainingGraph() {
    return catalog.training();
  }

  public int queryCount() {
    return queries.queryCount();
  }

  @Override
  public String metric() {
    return "validation recall@50";
  }

  @Override
  public double score(SageModel model, long sampleSeed) {
    INDArray embeddings = model.embedAll(EMBED_BATCH, sampleSeed, ProgressTracker.NONE);
    FittedRecommender scorer = CentroidCosineScorer.ofEmbeddings(catalog, embeddings);
    List<EvaluationResult> results = new QueryEvaluator(1).evaluate("validation", scorer, List.of(queries),
        "validation", ProgressTracker.NONE);
    return results.get(0).recallAt50();
  }
}
