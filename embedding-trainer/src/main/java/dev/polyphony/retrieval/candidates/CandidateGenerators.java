package dev.polyphony.retrieval.candidates;

import java.util.List;
import java.util.Objects;

/** The generators by name, with default parameters, for the command line and configuration files. */
public final class CandidateGenerators {
  /** Every name {@link #create} accepts, in the order the help lists them. */
  public static final List<String> NAMES = List.of(SimilarTracks.NAME, PlaylistContinuation.NAME,
      FreshContent.NAME, TrendingContent.NAME, TailCreator.NAME, RevenueMargin.NAME);

  private CandidateGenerators() {}

  /**
   * The generator called {@code name} over {@code catalog} with its default configuration.
   *
   * @throws IllegalArgumentException for an unknown name (listing the known ones), or when the catalog
   *     lacks what the generator needs
   */
  public static CandidateGenerator create(String name, RetrievalCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return switch (name) {
      case SimilarTracks.NAME -> new SimilarTracks(catalog);
      case PlaylistContinuation.NAME -> new PlaylistContinuation(catalog);
      case FreshContent.NAME -> new FreshContent(catalog, FreshContentConfig.defaults());
      case TrendingContent.NAME -> new TrendingContent(catalog, TrendingContentConfig.defaults());
      case TailCreator.NAME -> new TailCreator(catalog, TailCreatorConfig.defaults());
      case RevenueMargin.NAME -> new RevenueMargin(catalog, RevenueMarginConfig.defaults());
      default -> throw new IllegalArgumentException("unknown generator '" + name + "' (expected one of "
          + String.join(", ", NAMES) + ")");
    };
  }
}
