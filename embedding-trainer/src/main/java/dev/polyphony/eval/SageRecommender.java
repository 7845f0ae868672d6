package dev.polyphony.eval;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.model.SageModel;
import dev.polyphony.train.EpochStats;
import dev.polyphony.train.SageTrainer;
import dev.polyphony.train.TrainResult;
import dev.polyphony.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The GraphSAGE encoder as a playlist recommender: fitting trains it on the catalog's training graph with the
 * configured catalog tasks (early-stopped on a {@link PlaylistValidation} carved from that graph when the
 * config holds tracks out for it), embeds every track on the inference graph (so new tracks are embedded from their
 * features and artist and album links alone) and scores tracks for a playlist from its training tracks'
 * embeddings ({@link KernelSumScorer} or {@link CentroidCosineScorer}, as the config says).
 */
public final class SageRecommender implements PlaylistRecommender {
  private static final int EMBED_BATCH = 1024;

  private final String name;
  private final SageRecommenderConfig config;
  private final Consumer<EpochStats> epochs;
  private final List<TrainResult> fits = new ArrayList<>();

  public SageRecommender(String name, SageRecommenderConfig config) {
    this(name, config, e -> {});
  }

  /** A recommender that reports every training epoch of every fit to {@code epochs}. */
  public SageRecommender(String name, SageRecommenderConfig config, Consumer<EpochStats> epochs) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.epochs = Objects.requireNonNull(epochs, "epochs");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SageRecommenderConfig parameters() {
    return config;
  }

  /** The training results of every fit so far, in order. */
  public synchronized List<TrainResult> fits() {
    return List.copyOf(fits);
  }

  @Override
  public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    SageModel model = train(catalog, progress);
    INDArray embeddings = model.on(catalog.inference()).embedAll(EMBED_BATCH, config.training().seed(), progress);
    CentroidCosineScorer centroid = CentroidCosineScorer.ofEmbeddings(catalog, embeddings);
    return config.kernelTemperature() > 0 ? KernelSumScorer.densityCorrected(catalog, centroid.unit(), centroid.d(),
        config.kernelTemperature(), config.densityCorrection()) : centroid;
  }

  /** Trains a model on {@code catalog}'s training graph and returns it. */
  public SageModel train(PlaylistCatalog catalog, ProgressTracker progress) {
    CatalogTraining training = new CatalogTraining(catalog.training(), catalog.relation().relation(), config);
    SageModel model = training.newModel();
    TrainingPlan plan = training.plan();
    try {
      TrainResult result = new SageTrainer(config.training()).train(model, plan, progress, null, epochs);
      synchronized (this) {
        fits.add(result);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return model;
  }
}
