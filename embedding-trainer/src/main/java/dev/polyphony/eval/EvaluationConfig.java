package dev.polyphony.eval;

import dev.polyphony.graph.split.ColdStartSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of {@link PlaylistContinuationEvaluation}: the two splits and the threads that score queries
 * (results do not depend on the thread count).
 *
 * @param continuation the playlist continuation split behind the warm protocols
 * @param coldStart the cold-start split behind the cold protocols; its held-out relations must include
 *     the continuation relation
 */
public record EvaluationConfig(PlaylistContinuationSplitConfig continuation, ColdStartSplitConfig coldStart,
    int threads) {

  public EvaluationConfig {
    Objects.requireNonNull(continuation, "continuation");
    Objects.requireNonNull(coldStart, "coldStart");
    if (!coldStart.heldOutRelations().contains(continuation.relation())) {
      throw new IllegalArgumentException("coldStart.heldOutRelations must include the continuation relation '"
          + continuation.relation() + "' (got " + coldStart.heldOutRelations() + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
  }

  /**
   * The settings of the baseline table: playlists of at least 5 tracks lose 20% of them; 10% of the
   * tracks with a playlist are cold, isolated from every relation in training; {@code contains} from
   * playlist to track; one thread per processor.
   */
  public static EvaluationConfig defaults(long seed) {
    return new EvaluationConfig(
        new PlaylistContinuationSplitConfig("contains", 5, 0.2, seed),
        new ColdStartSplitConfig("track", List.of("contains"), 0.1, true, seed),
        Runtime.getRuntime().availableProcessors());
  }
}
