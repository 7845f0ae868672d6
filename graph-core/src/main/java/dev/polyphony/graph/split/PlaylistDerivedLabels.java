package dev.polyphony.graph.split;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Labels of a relation's destination nodes derived from an attribute of their neighbours, e.g. a track's
 * genre as the majority genre of the playlists that contain it (the stylistic task of MUSIG:
 * Saravanou et al., ISMIR 2021).
 *
 * <p>Leakage contract: the labels are computed from the graph passed in and nothing else. Pass the
 * <em>training</em> graph of a split: a label derived from the source graph would reveal the held-out
 * playlist edges (a held-out track's genre is a vote of exactly the playlists it was held out of).
 * Nodes with no neighbour carrying the attribute in that graph -- cold tracks in particular -- get no
 * label (-1) rather than a guess.
 *
 * <p>Vote: each neighbour with a non-null value casts one vote; the label with the most votes wins; ties
 * go to the label that sorts first as text, so the result does not depend on dictionary order.
 */
public final class PlaylistDerivedLabels {
  private final HeteroGraph graph;
  private final PlaylistDerivedLabelsConfig config;
  private final ProgressTracker progress;

  public PlaylistDerivedLabels(HeteroGraph graph, PlaylistDerivedLabelsConfig config, ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public PlaylistDerivedLabels(HeteroGraph graph, PlaylistDerivedLabelsConfig config) {
    this(graph, config, ProgressTracker.NONE);
  }

  public PlaylistDerivedLabelsResult compute() {
    EdgeType relation = graph.schema().edgeType(config.relation());
    AttributeColumn column = graph.attributes(relation.src()).column(config.sourceAttribute());
    if (column.kind() != AttributeKind.STRING) {
      throw new IllegalArgumentException("attribute '" + config.sourceAttribute() + "' of '" + relation.src()
          + "' is " + column.kind() + ", not STRING");
    }
    List<String> classes = column.dictionary();
    int[] rank = textRank(classes);
    CsrAdjacency in = graph.in(relation);
    int n = in.rowCount();
    int[] labels = new int[n];
    int[] votes = new int[n];
    int[] count = new int[classes.size()];
    int[] touched = new int[classes.size()];
    int labelled = 0;
    progress.begin("derive " + config.sourceAttribute() + " labels", n);
    for (int v = 0; v < n; v++) {
      int distinct = 0;
      for (int q = in.start(v), end = in.end(v); q < end; q++) {
        int code = column.getCode(in.target(q));
        if (code >= 0 && count[code]++ == 0) {
          touched[distinct++] = code;
        }
      }
      int best = -1;
      for (int i = 0; i < distinct; i++) {
        int code = touched[i];
        if (best < 0 || count[code] > count[best] || (count[code] == count[best] && rank[code] < rank[best])) {
          best = code;
        }
      }
      labels[v] = best;
      votes[v] = best < 0 ? 0 : count[best];
      if (best >= 0) {
        labelled++;
      }
      for (int i = 0; i < distinct; i++) {
        count[touched[i]] = 0;
      }
      progress.step(1);
    }
    progress.end();
    return new PlaylistDerivedLabelsResult(labels, votes, classes, labelled);
  }

  /** The position of each dictionary code when the labels are sorted as text. */
  private static int[] textRank(List<String> classes) {
    Integer[] byText = new Integer[classes.size()];
    Arrays.setAll(byText, i -> i);
    Arrays.sort(byText, Comparator.comparing(classes::get));
    int[] rank = new int[classes.size()];
    for (int r = 0; r < byText.length; r++) {
      rank[byText[r]] = r;
    }
    return rank;
  }
}
