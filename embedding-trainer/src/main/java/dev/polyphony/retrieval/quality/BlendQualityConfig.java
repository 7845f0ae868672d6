package dev.polyphony.retrieval.quality;

import dev.polyphony.retrieval.candidates.CandidateGenerators;
import dev.polyphony.retrieval.candidates.FreshContent;
import dev.polyphony.retrieval.candidates.PlaylistContinuation;
import dev.polyphony.retrieval.candidates.RevenueMargin;
import dev.polyphony.retrieval.candidates.TailCreator;
import dev.polyphony.retrieval.candidates.TrendingContent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of {@link BlendQuality}.
 *
 * @param generators the blended generators by {@link CandidateGenerators} name, highest priority first;
 *     each gets an equal share of the list (the default of {@code polyphony retrieve}); distinct, known
 * @param listLength length of every list, the K of Recall@K; > 0
 */
public record BlendQualityConfig(List<String> generators, int listLength) {
  public static final int DEFAULT_LIST_LENGTH = 50;

  public BlendQualityConfig {
    generators = List.copyOf(generators);
    if (generators.isEmpty()) {
      throw new IllegalArgumentException("generators must name at least one generator (got none)");
    }
    Set<String> seen = new HashSet<>();
    for (String name : generators) {
      if (!CandidateGenerators.NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown generator '" + name + "' (expected one of "
            + String.join(", ", CandidateGenerators.NAMES) + ")");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("generator '" + name + "' is listed twice");
      }
    }
    if (listLength <= 0) {
      throw new IllegalArgumentException("listLength must be > 0 (got " + listLength + ")");
    }
  }

  /** Playlist continuation, fresh, trending, tail creator, revenue margin; lists of 50. */
  public static BlendQualityConfig defaults() {
    return new BlendQualityConfig(List.of(PlaylistContinuation.NAME, FreshContent.NAME, TrendingContent.NAME,
        TailCreator.NAME, RevenueMargin.NAME), DEFAULT_LIST_LENGTH);
  }

  public BlendQualityConfig withListLength(int length) {
    return new BlendQualityConfig(generators, length);
  }

  public BlendQualityConfig withGenerators(List<String> names) {
    return new BlendQualityConfig(names, listLength);
  }
}
