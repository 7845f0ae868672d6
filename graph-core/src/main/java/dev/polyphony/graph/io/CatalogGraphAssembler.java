package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.NAME;
import static dev.polyphony.graph.io.SpotifySongsSchema.ON_ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.util.List;

/**
 * Builds a {@link SpotifySongsSchema} graph for the catalog readers. It keeps the shape every such
 * graph shares: each node has a {@link SpotifySongsSchema#NAME}, each track is linked to exactly one
 * artist and one album when it is added, and playlists contain tracks (with a timestamp per edge when
 * the reader has one). Readers decide whether a row is accepted before calling it.
 */
final class CatalogGraphAssembler {
  private final HeteroGraphBuilder builder = new HeteroGraphBuilder(SpotifySongsSchema.SCHEMA);

  /**
   * @param trackFeatures feature columns of tracks, or empty when tracks have none
   * @param timestampedContains whether every contains edge carries a timestamp
   */
  CatalogGraphAssembler(List<String> trackFeatures, boolean timestampedContains) {
    if (!trackFeatures.isEmpty()) {
      builder.declareFeatures(TRACK, trackFeatures);
    }
    if (timestampedContains) {
      builder.declareTimestamps(CONTAINS);
    }
    for (NodeType type : SpotifySongsSchema.SCHEMA.nodeTypes()) {
      builder.attribute(type, NAME, AttributeKind.STRING);
    }
  }

  /** The dense index of node {@code id}, or -1 when it has not been added. */
  int indexOf(NodeType type, String id) {
    return builder.nodeIndex(type, id);
  }

  AttributeColumn.Builder attribute(NodeType type, String name, AttributeKind kind) {
    return builder.attribute(type, name, kind);
  }

  /**
   * Adds a playlist, artist or album that is not in the graph yet; {@code name} may be null.
   *
   * @throws IllegalStateException when the node exists already
   */
  int addNode(NodeType type, String id, String name) {
    if (type.equals(TRACK)) {
      throw new IllegalArgumentException("tracks are added with addTrack, which links their artist and album");
    }
    return addNew(type, id, name);
  }

  /** Adds a new track with its by_artist and on_album edges; {@code name} may be null. */
  int addTrack(String id, String name, int artist, int album) {
    int track = addNew(TRACK, id, name);
    builder.addEdge(BY_ARTIST, track, artist);
    builder.addEdge(ON_ALBUM, track, album);
    return track;
  }

  void setTrackFeatures(int track, float[] features) {
    builder.setFeatures(TRACK, track, features);
  }

  /** Adds {@code (playlist)-[contains]->(track)} to a graph without edge timestamps. */
  void addToPlaylist(int playlist, int track) {
    builder.addEdge(CONTAINS, playlist, track);
  }

  /** Adds {@code (playlist)-[contains]->(track)} stamped with epoch milliseconds. */
  void addToPlaylist(int playlist, int track, long timestampMillis) {
    builder.addEdge(CONTAINS, playlist, track, 1f, timestampMillis);
  }

  /** Builds the graph and reports it with the reader's rejects, row count and notes. */
  IngestResult finish(RejectReport rejects, long rowsRead, List<String> notes, ProgressTracker progress) {
    HeteroGraph graph = builder.build(progress);
    return new IngestResult(graph, rejects, builder.mergedDuplicateEdges(), rowsRead, notes);
  }

  private int addNew(NodeType type, String id, String name) {
    int before = builder.nodeCount(type);
    int node = builder.addNode(type, id);
    if (node < before) {
      throw new IllegalStateException(type + " '" + id + "' is already in the graph");
    }
    builder.attribute(type, NAME, AttributeKind.STRING).setString(node, name);
    return node;
  }
}
