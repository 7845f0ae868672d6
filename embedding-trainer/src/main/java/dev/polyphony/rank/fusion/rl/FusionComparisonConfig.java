package dev.polyphony.rank.fusion.rl;

import dev.polyphony.rank.session.SatisfactionConfig;
import dev.polyphony.rank.session.SessionWorldConfig;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of {@link FusionComparison}.
 *
 * @param world the session world (fixed across seeds)
 * @param user the user's satisfaction
 * @param epsilon exploration share of the behaviour policy, in (0, 1]
 * @param logSessions sessions logged for training (and again, with another seed, for off-policy evaluation), {@code > 0}
 * @param evalSessions sessions served per policy in the simulator, {@code > 0}
 * @param searchQueries requests the cross-entropy fusion search ranks, {@code > 0}
 * @param fittedQ the batch learner's parameters
 * @param seeds seeds of logging, learning, search and evaluation; one run each, non-empty
 */
public record FusionComparisonConfig(SessionWorldConfig world, SatisfactionConfig user, double epsilon,
    int logSessions, int evalSessions, int searchQueries, FittedQConfig fittedQ, List<Long> seeds) {
  public FusionComparisonConfig {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(fittedQ, "fittedQ");
    if (!(epsilon > 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in (0, 1] (got " + epsilon + ")");
    }
    if (logSessions <= 0) {
      throw new IllegalArgumentException("logSessions must be > 0 (got " + logSessions + ")");
    }
    if (evalSessions <= 0) {
      throw new IllegalArgumentException("evalSessions must be > 0 (got " + evalSessions + ")");
    }
    if (searchQueries <= 0) {
      throw new IllegalArgumentException("searchQueries must be > 0 (got " + searchQueries + ")");
    }
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds must not be empty");
    }
  }

  /** World seed 3, behaviour epsilon 0.5, 2,000 logged sessions, 2,000 served per policy, 500 search requests, seeds 1-3. */
  public static FusionComparisonConfig defaults() {
    return new FusionComparisonConfig(SessionWorldConfig.defaults(3), SatisfactionConfig.defaults(), 0.5, 2000, 2000,
        500, FittedQConfig.defaults(), List.of(1L, 2L, 3L));
  }
}
