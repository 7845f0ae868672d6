package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.Objects;

/**
 * What a playlist recommender learns from and scores with: two graphs over the same nodes.
 *
 * <ul>
 *   <li>{@code training}: its playlist-track edges ({@code relation}) are the known interactions; the
 *       evaluation targets are absent from it. Recommenders learn from this graph only.
 *   <li>{@code inference}: the same nodes, features and playlist-track edges; it may add edges of other
 *       relations that the training graph detached, such as the artist and album of a cold track
 *       ({@link dev.polyphony.graph.split.InductiveHoldOut}). Recommenders read the side information of
 *       the tracks they score from here.
 * </ul>
 * Without held-out nodes both are the same graph ({@link #of(HeteroGraph, String)}).
 */
public record PlaylistCatalog(HeteroGraph training, HeteroGraph inference, EdgeType relation) {

  public PlaylistCatalog {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(relation, "relation");
    if (!training.schema().equals(inference.schema())) {
      throw new IllegalArgumentException("training and inference graphs have different schemas");
    }
    if (!training.schema().edgeTypes().contains(relation)) {
      throw new IllegalArgumentException("relation " + relation + " is not in the graph's schema");
    }
    for (NodeType type : training.schema().nodeTypes()) {
      if (training.nodeCount(type) != inference.nodeCount(type)) {
        throw new IllegalArgumentException("node type '" + type + "' has " + training.nodeCount(type)
            + " nodes in training and " + inference.nodeCount(type) + " in inference");
      }
    }
    if (training.edgeCount(relation) != inference.edgeCount(relation)) {
      throw new IllegalArgumentException("relation '" + relation.relation() + "' has "
          + training.edgeCount(relation) + " edges in training and " + inference.edgeCount(relation)
          + " in inference; both graphs must know the same playlist tracks");
    }
  }

  /** A catalog whose training and inference graphs are both {@code graph}. */
  public static PlaylistCatalog of(HeteroGraph graph, String relation) {
    return new PlaylistCatalog(graph, graph, graph.schema().edgeType(relation));
  }

  public NodeType playlistType() {
    return relation.src();
  }

  public NodeType trackType() {
    return relation.dst();
  }

  public int playlistCount() {
    return training.nodeCount(playlistType());
  }

  public int trackCount() {
    return training.nodeCount(trackType());
  }

  /** Training tracks per playlist (rows: playlists). */
  public CsrAdjacency playlistTracks() {
    return training.out(relation);
  }

  /** Training playlists per track (rows: tracks). */
  public CsrAdjacency trackPlaylists() {
    return training.in(relation);
  }

  /** Training playlists per track as floats: the popularity every popularity baseline ranks by. */
  public float[] trainingPopularity() {
    CsrAdjacency in = trackPlaylists();
    float[] popularity = new float[in.rowCount()];
    for (int t = 0; t < popularity.length; t++) {
      popularity[t] = in.degree(t);
    }
    return popularity;
  }
}
