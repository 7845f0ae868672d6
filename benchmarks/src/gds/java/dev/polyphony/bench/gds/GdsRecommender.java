package dev.polyphony.bench.gds;

import dev.polyphony.eval.FittedRecommender;
import dev.polyphony.eval.KernelSumScorer;
import dev.polyphony.eval.PlaylistCatalog;
import dev.polyphony.eval.PlaylistRecommender;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.retrieval.VectorMath;
import java.util.Map;
import java.util.Objects;

/**
 * A GDS embedding algorithm as a playlist recommender, scored exactly like Polyphony's GraphSAGE recommender
 * ({@link KernelSumScorer} over the playlist's training tracks, same temperature). GDS only ever sees the split's
 * graphs, never held-out edges: GraphSAGE trains on the training graph and embeds the inference graph (on the
 * cold-start split: the training graph plus the cold tracks' artist and album links); FastRP and Node2Vec are
 * transductive and embed the inference graph directly (on the continuation split it is the training graph).
 */
public final class GdsRecommender implements PlaylistRecommender {
  private final GdsPeer peer;
  private final GdsAlgorithm algorithm;
  private final GdsSettings settings;
  private final double kernelTemperature;
  private final double densityCorrection;
  private int fits;

  /** Scores with the kernel sum of {@link KernelSumScorer#densityCorrected}, as the GraphSAGE recommender does. */
  public GdsRecommender(GdsPeer peer, GdsAlgorithm algorithm, GdsSettings settings, double kernelTemperature,
      double densityCorrection) {
    this.peer = Objects.requireNonNull(peer, "peer");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (!(kernelTemperature > 0)) {
      throw new IllegalArgumentException("kernelTemperature must be > 0 (got " + kernelTemperature + ")");
    }
    this.kernelTemperature = kernelTemperature;
    this.densityCorrection = densityCorrection;
  }

  @Override
  public String name() {
    return algorithm.label();
  }

  @Override
  public Object parameters() {
    return Map.of("algorithm", algorithm.name(), "settings", settings, "kernelTemperature", kernelTemperature,
        "densityCorrection", densityCorrection);
  }

  @Override
  public synchronized FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    String prefix = algorithm.name().toLowerCase(java.util.Locale.ROOT) + "-" + (++fits);
    HomogeneousGraph training = HomogeneousGraph.of(catalog.training());
    HomogeneousGraph inference = catalog.inference() == catalog.training() ? training
        : HomogeneousGraph.of(catalog.inference(), catalog.training());
    String trainingName = prefix + "-training";
    String inferenceName = inference == training ? trainingName : prefix + "-inference";
    progress.begin(name() + ": embed", -1);
    try {
      if (algorithm == GdsAlgorithm.GRAPHSAGE || inference == training) {
        peer.project(trainingName, training);
      }
      if (inference != training) {
        peer.project(inferenceName, inference);
      }
      long n = inference.nodeCount();
      float[] all = switch (algorithm) {
        case FASTRP -> peer.fastRp(inferenceName, n, settings);
        case NODE2VEC -> peer.node2Vec(inferenceName, n, settings);
        case GRAPHSAGE -> {
          String model = peer.trainGraphSage(trainingName, settings);
          float[] e = peer.graphSage(inferenceName, model, n, settings);
          peer.dropModel(model);
          yield e;
        }
      };
      if (algorithm == GdsAlgorithm.GRAPHSAGE || inference == training) {
        peer.drop(trainingName);
      }
      if (inference != training) {
        peer.drop(inferenceName);
      }
      int d = settings.dimension();
      float[] unit = unitRows(all, inference.globalId(catalog.trackType(), 0), catalog.trackCount(), d);
      return KernelSumScorer.densityCorrected(catalog, unit, d, kernelTemperature, densityCorrection);
    } finally {
      progress.end();
    }
  }

  /** Rows {@code first .. first + count - 1} of {@code all}, each scaled to unit length (zero rows stay zero). */
  static float[] unitRows(float[] all, long first, int count, int d) {
    float[] unit = new float[count * d];
    System.arraycopy(all, Math.toIntExact(first * d), unit, 0, unit.length);
    VectorMath.normalizeRows(unit, d);
    return unit;
  }
}
