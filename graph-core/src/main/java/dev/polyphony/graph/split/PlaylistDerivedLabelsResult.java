package dev.polyphony.graph.split;

import java.util.Arrays;
import java.util.List;

/**
 * Labels derived by {@link PlaylistDerivedLabels}: {@code labels[v]} is an index into {@code classes}
 * (the source attribute's dictionary), or -1 when node {@code v} had no labelled neighbour in the graph
 * the labels were derived from. The array is shared, not copied: treat it as read-only.
 *
 * @param votes number of neighbours that voted for the winning label (0 when unlabelled)
 * @param labelledCount number of nodes with a label
 */
public record PlaylistDerivedLabelsResult(int[] labels, int[] votes, List<String> classes, int labelledCount) {

  public PlaylistDerivedLabelsResult {
    if (labels.length != votes.length) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries, votes " + votes.length);
    }
    classes = List.copyOf(classes);
  }

  /** The label of node {@code v} as text, or null when unlabelled. */
  public String label(int v) {
    return labels[v] < 0 ? null : classes.get(labels[v]);
  }

  public boolean isLabelled(int v) {
    return labels[v] >= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlaylistDerivedLabelsResult other
        && labelledCount == other.labelledCount
        && Arrays.equals(labels, other.labels)
        && Arrays.equals(votes, other.votes)
        && classes.equals(other.classes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(labels) * 31 + classes.hashCode();
  }

  @Override
  public String toString() {
    return "PlaylistDerivedLabelsResult{" + labelledCount + " of " + labels.length + " labelled, classes="
        + classes + "}";
  }
}
