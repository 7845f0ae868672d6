package dev.polyphony.rank.fusion;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Searches the weights of a {@link ScoreFusion} that maximise a {@link LongTermObjective} on validation
 * impressions with the {@link CrossEntropyMethod}, and traces the objective's trade-off as one trait's
 * credit grows.
 *
 * <p>The search vector holds the task weights, then a weight per exposure trait of the log (in
 * {@link ExposureTrait} order); it starts at task weights 1 and trait weights 0 (the product of the task
 * probabilities), with standard deviation 1.
 */
public final class FusionSearch {
  private final CrossEntropyMethod method;

  public FusionSearch(CrossEntropyMethod method) {
    this.method = Objects.requireNonNull(method, "method");
  }

  /**
   * The fusion found and its value on the search data.
   *
   * @param fusion the weights
   * @param value the objective on the impressions searched
   * @param evaluations objective evaluations spent
   */
  public record Found(ScoreFusion fusion, LongTermObjective.Value value, int evaluations) {}

  /**
   * One point of a trade-off curve: with {@code credit} for the trait, the fusion found and what it achieves.
   */
  public record TradeOffPoint(double credit, ScoreFusion fusion, LongTermObjective.Value value) {}

  /** The fusion maximising {@code objective} on {@code log} ranked with {@code predictions} ({@code rows x tasks}). */
  public Found search(ImpressionLog log, float[] predictions, LongTermObjective objective) {
    int t = log.tasks().count();
    List<ExposureTrait> traits = new ArrayList<>(log.traits());
    int d = t + traits.size();
    double[] mean = new double[d];
    double[] std = new double[d];
    for (int i = 0; i < d; i++) {
      mean[i] = i < t ? 1 : 0;
      std[i] = 1;
    }
    CrossEntropyMethod.Result result = method.maximise(
        x -> objective.evaluate(log, fusion(x, t, traits).scores(log, predictions)).value(), mean, std);
    ScoreFusion best = fusion(result.best(), t, traits);
    return new Found(best, objective.evaluate(log, best.scores(log, predictions)), result.evaluations());
  }

  /** For every credit of {@code trait}, the fusion maximising {@code objective} with that credit. */
  public List<TradeOffPoint> tradeOff(ImpressionLog log, float[] predictions, LongTermObjective objective,
      ExposureTrait trait, double[] credits) {
    List<TradeOffPoint> points = new ArrayList<>();
    for (double credit : credits) {
      Found found = search(log, predictions, objective.withCredit(trait, credit));
      points.add(new TradeOffPoint(credit, found.fusion(), found.value()));
    }
    return points;
  }

  private static ScoreFusion fusion(double[] x, int tasks, List<ExposureTrait> traits) {
    double[] weights = java.util.Arrays.copyOf(x, tasks);
    Map<ExposureTrait, Double> traitWeights = new EnumMap<>(ExposureTrait.class);
    for (int i = 0; i < traits.size(); i++) {
      traitWeights.put(traits.get(i), x[tasks + i]);
    }
    return new ScoreFusion(weights, traitWeights);
  }
}
