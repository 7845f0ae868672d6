package dev.polyphony.graph.split;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Playlist continuation split (the RecSys Challenge 2018 task: Chen et al., "Recsys Challenge 2018:
 * Automatic Music Playlist Continuation", RecSys 2018): for each playlist with at least
 * {@code minTracks} tracks, a share of its tracks is held out and must be recovered from the rest.
 *
 * <p>Contract: a playlist with {@code d >= minTracks} tracks loses
 * {@code k = clamp(round(holdOutFraction * d), 1, d - 1)} of them (round half up), chosen uniformly
 * without replacement with a generator seeded from the run seed and the playlist id, so a playlist's
 * choice does not depend on the others. The held-out edges are absent from the training graph in both
 * directions; every other edge, feature and attribute is kept. Playlists below {@code minTracks} keep
 * all their tracks. A track whose only playlists lost it keeps its node and features but no edge of
 * this relation in training.
 */
public final class PlaylistContinuationSplit {
  private final HeteroGraph graph;
  private final PlaylistContinuationSplitConfig config;
  private final ProgressTracker progress;

  public PlaylistContinuationSplit(HeteroGraph graph, PlaylistContinuationSplitConfig config,
      ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public PlaylistContinuationSplit(HeteroGraph graph, PlaylistContinuationSplitConfig config) {
    this(graph, config, ProgressTracker.NONE);
  }

  /** Number of tracks held out of a playlist with {@code degree} tracks (0 when not eligible). */
  static int heldOutCount(int degree, PlaylistContinuationSplitConfig config) {
    if (degree < config.minTracks()) {
      return 0;
    }
    long k = Math.round(config.holdOutFraction() * degree);
    return (int) Math.max(1, Math.min(degree - 1, k));
  }

  public PlaylistContinuationSplitResult compute() {
    EdgeType relation = graph.schema().edgeType(config.relation());
    CsrAdjacency out = graph.out(relation);
    int playlistCount = out.rowCount();
    IntArrayList playlists = new IntArrayList();
    IntArrayList offsets = new IntArrayList();
    offsets.add(0);
    BitSet heldOutPositions = new BitSet(out.edgeCount());
    int[] scratch = new int[0];
    progress.begin("select held-out playlist tracks", playlistCount);
    for (int p = 0; p < playlistCount; p++) {
      int degree = out.degree(p);
      int k = heldOutCount(degree, config);
      if (k > 0) {
        if (scratch.length < degree) {
          scratch = new int[Math.max(degree, 2 * scratch.length)];
        }
        int start = out.start(p);
        for (int i = 0; i < degree; i++) {
          scratch[i] = start + i;
        }
        Shuffle.partial(scratch, degree, k, new SplittableRandom(SeedDerivation.derive(config.seed(), p)));
        for (int i = 0; i < k; i++) {
          heldOutPositions.set(scratch[i]);
        }
        playlists.add(p);
        offsets.add(offsets.getInt(offsets.size() - 1) + k);
      }
      progress.step(1);
    }
    progress.end();

    progress.begin("build training graph", 1);
    EdgeRemoval removal = new EdgeRemoval(graph).removePositions(relation, heldOutPositions);
    HeteroGraph training = removal.build();
    EdgeList heldOut = removal.removedEdges(relation);
    progress.step(1);
    progress.end();
    return new PlaylistContinuationSplitResult(training, playlists.toIntArray(), offsets.toIntArray(),
        Arrays.copyOf(heldOut.dst(), heldOut.size()), heldOut);
  }
}
