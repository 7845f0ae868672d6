package dev.polyphony.task;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.util.List;
import java.util.SplittableRandom;

/** Small hand-built music catalogs for task and trainer tests. */
public final class TinyCatalogs {
  public static final NodeType TRACK = NodeType.of("track");
  public static final NodeType PLAYLIST = NodeType.of("playlist");
  public static final NodeType ARTIST = NodeType.of("artist");

  private TinyCatalogs() {}

  /**
   * Two planted styles of {@code tracksPerStyle} tracks each: {@code playlistsPerStyle} playlists per style
   * hold 6 random tracks of their style; each track has one of 2 artists of its style. Track features (2
   * columns) are pure noise, so only the graph tells the styles apart. Playlists carry STRING {@code genre}
   * ({@code style0}/{@code style1}); tracks carry INT {@code popularity} = 10 x style + (id mod 5).
   */
  public static HeteroGraph twoStyles(int tracksPerStyle, int playlistsPerStyle, long seed) {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType track = sb.node(TRACK.name());
    NodeType playlist = sb.node(PLAYLIST.name());
    NodeType artist = sb.node(ARTIST.name());
    EdgeType contains = sb.edge(playlist, "contains", track);
    EdgeType byArtist = sb.edge(track, "by_artist", artist);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.declareFeatures(track, List.of("f0", "f1"));
    AttributeColumn.Builder genre = b.attribute(playlist, "genre", AttributeKind.STRING);
    AttributeColumn.Builder popularity = b.attribute(track, "popularity", AttributeKind.INT);
    SplittableRandom random = new SplittableRandom(seed);
    int n = 2 * tracksPerStyle;
    for (int t = 0; t < n; t++) {
      b.addNode(track, "t" + t);
      b.setFeatures(track, t, new float[] {(float) random.nextDouble(), (float) random.nextDouble()});
      popularity.setInt(t, 10 * (t / tracksPerStyle) + t % 5);
    }
    for (int a = 0; a < 4; a++) {
      b.addNode(artist, "a" + a);
    }
    for (int t = 0; t < n; t++) {
      b.addEdge(byArtist, t, 2 * (t / tracksPerStyle) + t % 2);
    }
    for (int p = 0; p < 2 * playlistsPerStyle; p++) {
      int style = p / playlistsPerStyle;
      b.addNode(playlist, "p" + p);
      genre.setString(p, "style" + style);
      for (int k = 0; k < 6; k++) {
        b.addEdge(contains, p, style * tracksPerStyle + random.nextInt(tracksPerStyle));
      }
    }
    return b.build();
  }
}
