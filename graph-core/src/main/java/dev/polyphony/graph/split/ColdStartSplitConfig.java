package dev.polyphony.graph.split;

import java.util.List;

/**
 * Parameters of {@link ColdStartSplit}.
 *
 * @param nodeType the type of the cold nodes, e.g. {@code track}
 * @param heldOutRelations relations whose edges a new node does not have yet, e.g. {@code contains};
 *     any relation derived from them (e.g. a track-track co-occurrence) must be listed too
 * @param coldFraction share of the eligible nodes made cold, in (0, 1)
 * @param isolateInTraining when true the cold nodes lose every edge in the training graph, not only the
 *     held-out ones (see {@link InductiveHoldOut})
 * @param seed run seed of the draw
 */
public record ColdStartSplitConfig(String nodeType, List<String> heldOutRelations, double coldFraction,
    boolean isolateInTraining, long seed) {

  public ColdStartSplitConfig {
    ConfigChecks.name("nodeType", nodeType);
    heldOutRelations = ConfigChecks.relations("heldOutRelations", heldOutRelations);
    ConfigChecks.openFraction("coldFraction", coldFraction);
  }
}
