package dev.polyphony.retrieval.quality;

import java.util.List;
import java.util.Objects;

/**
 * Blended candidate lists against pure-relevance lists on the warm playlist-continuation queries.
 *
 * @param listLength length asked of every list
 * @param queries playlists continued (warm queries with at least one embedded training track)
 * @param skippedQueries warm queries none of whose training tracks has an embedding
 * @param candidateTracks tracks the lists may hold: the warm protocol's candidates that have an embedding
 * @param freshDefinition what counts as fresh, e.g. {@code "released in the 30 days to 2020-01-29"}, or
 *     null when the catalog has no release dates
 * @param tailDefinition what counts as tail, or null when the catalog cannot tell
 * @param catalogueFreshShare share of the candidate tracks that are fresh (null: unknown)
 * @param catalogueTailShare share of the candidate tracks by tail creators (null: unknown)
 * @param generators the blended generators in priority order with their quota and placements
 * @param omitted generators asked for that the catalog cannot serve, with the reason
 * @param relevance the pure-relevance lists (playlist continuation alone)
 * @param blended the blended lists
 */
public record BlendQualityResult(int listLength, int queries, int skippedQueries, int candidateTracks,
    String freshDefinition, String tailDefinition, Double catalogueFreshShare, Double catalogueTailShare,
    List<BlendedGenerator> generators, List<OmittedGenerator> omitted, ListQuality relevance,
    ListQuality blended) {

  public BlendQualityResult {
    generators = List.copyOf(generators);
    omitted = List.copyOf(omitted);
    Objects.requireNonNull(relevance, "relevance");
    Objects.requireNonNull(blended, "blended");
  }

  /**
   * One blended generator.
   *
   * @param name generator name
   * @param quota its share of each list
   * @param placed tracks it placed over all lists
   * @param share {@code placed} over all tracks of the blended lists
   */
  public record BlendedGenerator(String name, double quota, long placed, double share) {}

  /**
   * A generator left out of the blend.
   *
   * @param name generator name
   * @param reason why the catalog cannot serve it
   */
  public record OmittedGenerator(String name, String reason) {}
}
