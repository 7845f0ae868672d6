package dev.polyphony.rank.recommend;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.RankingHead;
import dev.polyphony.rank.RankingTasks;
import dev.polyphony.rank.fusion.ScoreFusion;
import dev.polyphony.rank.session.FusionAction;
import dev.polyphony.rank.session.FusionPolicy;
import dev.polyphony.rank.session.SessionObservation;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Retrieval, ranking and fusion in one call: the {@link CandidateBlender} proposes {@code candidates} items
 * for a request, the {@link RankingHead} gives each one probability per task from its
 * {@link CandidateFeatures} row, the {@link ScoreFusion} turns probabilities and traits into one score, and
 * the {@code k} best fused scores make the list. Ties keep the blender's order. Every entry keeps the
 * blender's candidate, so the reasons of every generator that proposed it travel with it.
 *
 * <p>Not thread-safe when the head is not ({@link dev.polyphony.rank.RankingModel} serves one thread).
 */
public final class RankedRecommender {
  private final CandidateBlender blender;
  private final RankingHead head;
  private final ScoreFusion fusion;
  private final int candidates;
  private final FusionPolicy fusionPolicy;

  /**
   * @param candidates how many items retrieval proposes per request, {@code > 0}
   * @throws IllegalArgumentException when the fusion's task weights do not match the head's tasks
   */
  public RankedRecommender(CandidateBlender blender, RankingHead head, ScoreFusion fusion, int candidates) {
    this(blender, head, fusion, candidates, null);
  }

  private RankedRecommender(CandidateBlender blender, RankingHead head, ScoreFusion fusion, int candidates,
      FusionPolicy fusionPolicy) {
    this.fusionPolicy = fusionPolicy;
    this.blender = Objects.requireNonNull(blender, "blender");
    this.head = Objects.requireNonNull(head, "head");
    this.fusion = Objects.requireNonNull(fusion, "fusion");
    if (candidates <= 0) {
      throw new IllegalArgumentException("candidates must be > 0 (got " + candidates + ")");
    }
    if (fusion.taskWeights().length != head.tasks().count()) {
      throw new IllegalArgumentException("the fusion has " + fusion.taskWeights().length + " task weights, head '"
          + head.name() + "' " + head.tasks().count() + " tasks");
    }
    this.candidates = candidates;
  }

  /**
   * This recommender with the fusion chosen per request by {@code policy} (learned for long-term satisfaction, see
   * {@link dev.polyphony.rank.fusion.rl.FittedQIteration}) instead of the searched one. A request is the first of a
   * session: the policy sees the {@link SessionObservation} before any slate, with the candidates' predicted
   * probabilities of the first task as click probabilities and no genres (every candidate in one genre); the
   * action's task and trait weights order the list, its diversity weight is not applied (candidates carry no genre).
   *
   * @throws IllegalArgumentException when an action's task weights do not match the head's tasks
   */
  public RankedRecommender withFusionPolicy(FusionPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    for (FusionAction action : policy.actions()) {
      if (action.fusion().taskWeights().length != head.tasks().count()) {
        throw new IllegalArgumentException("fusion policy '" + policy.name() + "' weighs "
            + action.fusion().taskWeights().length + " tasks, head '" + head.name() + "' has " + head.tasks().count());
      }
    }
    return new RankedRecommender(blender, head, fusion, candidates, policy);
  }

  /** The fusion of a request whose candidates have these predictions ({@code n x tasks}). */
  private ScoreFusion fusionFor(float[] probabilities, int n, int k) {
    if (fusionPolicy == null) {
      return fusion;
    }
    int t = head.tasks().count();
    double[] first = new double[n];
    for (int i = 0; i < n; i++) {
      first[i] = probabilities[i * t];
    }
    double[] p = fusionPolicy.probabilities(new SessionObservation(1).features(first, new int[n], k));
    int best = 0;
    for (int a = 1; a < p.length; a++) {
      if (p[a] > p[best]) {
        best = a;
      }
    }
    return fusionPolicy.actions().get(best).fusion();
  }

  public RankingHead head() {
    return head;
  }

  public ScoreFusion fusion() {
    return fusion;
  }

  public int candidates() {
    return candidates;
  }

  /**
   * The best {@code k} candidates for {@code request} by fused score.
   *
   * @param target what the list is for, for the report
   * @param features the feature rows of this request's query
   * @throws IllegalArgumentException when a generator cannot serve the request (an unknown id), or the
   *     features do not have the head's columns
   */
  public Recommendation recommend(String target, CandidateRequest request, CandidateFeatures features, int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    int d = head.featureCount();
    if (features.featureCount() != d) {
      throw new IllegalArgumentException("the candidate features have " + features.featureCount()
          + " columns, head '" + head.name() + "' reads " + d);
    }
    BlendResult blend = blender.blend(request, candidates);
    List<Candidate> proposed = blend.candidates();
    int n = proposed.size();
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      features.fill(proposed.get(i).row(), x, i * d);
    }
    RankingTasks tasks = head.tasks();
    float[] probabilities = n == 0 ? new float[0] : head.predict(x, n);
    Map<ExposureTrait, float[]> traits = new EnumMap<>(ExposureTrait.class);
    for (ExposureTrait trait : features.traits()) {
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = features.trait(trait, proposed.get(i).row());
      }
      traits.put(trait, values);
    }
    ScoreFusion applied = fusionFor(probabilities, n, k);
    float[] fused = applied.scores(probabilities, n, trait -> Optional.ofNullable(traits.get(trait)));
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // A stable sort: equal fused scores keep the blender's order.
    java.util.Arrays.sort(order, (a, b) -> Float.compare(fused[b], fused[a]));
    int t = tasks.count();
    List<RankedCandidate> items = new ArrayList<>();
    for (int i = 0; i < Math.min(k, n); i++) {
      int c = order[i];
      Map<String, Double> scores = new LinkedHashMap<>();
      for (int j = 0; j < t; j++) {
        scores.put(tasks.name(j), (double) probabilities[c * t + j]);
      }
      items.add(new RankedCandidate(i + 1, proposed.get(c), fused[c], scores));
    }
    return new Recommendation(target, head.name(), tasks.names(), n, items, blend.shares(), applied);
  }
}
