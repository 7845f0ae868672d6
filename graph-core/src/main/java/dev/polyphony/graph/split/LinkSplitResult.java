package dev.polyphony.graph.split;

import dev.polyphony.graph.HeteroGraph;
import java.util.Objects;

/**
 * The outcome of {@link LinkSplit}. Held-out lists are in out-CSR order of the source graph and carry
 * the edges' weights and timestamps; in undirected mode both stored directions of a held-out link are
 * listed. Negative lists hold {@code negativesPerPositive} pairs per held-out edge in draw order, none of
 * them an edge of the relation in the source graph (in either direction when undirected) and no pair
 * twice across both lists.
 *
 * @param training the source graph without the validation and test edges
 * @param links links of the relation (edges, or edge pairs in undirected mode)
 * @param protectedLinks links kept in training by {@code keepOneEdgePerSource} (0 when off)
 */
public record LinkSplitResult(HeteroGraph training, EdgeList validation, EdgeList test,
    EdgeList validationNegatives, EdgeList testNegatives, int links, int protectedLinks) {

  public LinkSplitResult {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(validationNegatives, "validationNegatives");
    Objects.requireNonNull(testNegatives, "testNegatives");
  }
}
