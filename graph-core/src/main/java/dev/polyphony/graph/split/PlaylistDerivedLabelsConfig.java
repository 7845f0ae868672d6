package dev.polyphony.graph.split;

/**
 * Parameters of {@link PlaylistDerivedLabels}.
 *
 * @param relation the relation from labelled nodes to labelled-by-vote nodes, e.g. {@code contains}
 *     (playlist to track)
 * @param sourceAttribute a STRING attribute of the relation's source type, e.g. playlist {@code genre}
 */
public record PlaylistDerivedLabelsConfig(String relation, String sourceAttribute) {

  public PlaylistDerivedLabelsConfig {
    ConfigChecks.name("relation", relation);
    ConfigChecks.name("sourceAttribute", sourceAttribute);
  }
}
