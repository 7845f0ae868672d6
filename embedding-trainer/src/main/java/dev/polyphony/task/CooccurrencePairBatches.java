package dev.polyphony.task;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.model.NeighborCut;
import dev.polyphony.train.BatchSource;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.IntBuffer;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Batches of (context, positive) pairs from playlists, plus uniformly drawn extra tracks as negatives: the
 * context is up to {@code contextSize} tracks of a playlist and the positive another track of it, so training
 * scores a track against the mean of a playlist's other tracks exactly as recommendation does.
 *
 * <p>Batch {@code b} of epoch {@code e} draws from the stream {@code seed / e / b}: {@code pairs} times a
 * playlist-track edge uniformly (so playlists weigh by their length), whose track is the positive, and
 * {@code min(contextSize, length - 1)} other tracks of that playlist without replacement; then
 * {@code negatives} tracks uniformly from the tracks that are in at least one training playlist (so tracks held out of training, such as new tracks, are never seen). The seeds are the distinct tracks in
 * the order first drawn. Playlists with a single track cannot form a pair and are redrawn. Each positive
 * does not see the playlist of its pair while training ({@link NeighborCut}): a held-out track does not see
 * the playlist it is recommended for either, so the encoder cannot learn to match by the shared playlist.
 */
public final class CooccurrencePairBatches implements BatchSource {
  /** Bound on redraws of one pair; only a catalog of almost nothing but one-track playlists comes near it. */
  private static final int MAX_DRAWS_PER_PAIR = 1 << 16;

  private final CsrAdjacency playlistTracks;
  private final int[] negativePool;
  private final int batchesPerEpoch;
  private final int pairs;
  private final int negatives;
  private final int contextSize;
  private final long seed;
  private final NodeType playlistType;

  /**
   * @param playlistType node type of the playlists
   * @param playlistTracks training playlist-track edges (rows: playlists)
   * @param trackPlaylists the same edges from the tracks' side; negatives come from its non-empty rows
   * @param batchesPerEpoch batches in an epoch
   * @param pairs positive pairs per batch
   * @param negatives extra uniformly drawn tracks per batch
   * @param contextSize most tracks in a pair's context ({@code >= 1}; 1 gives plain track pairs)
   */
  public CooccurrencePairBatches(NodeType playlistType, CsrAdjacency playlistTracks, CsrAdjacency trackPlaylists, int batchesPerEpoch, int pairs,
      int negatives, int contextSize, long seed) {
    this.playlistType = Objects.requireNonNull(playlistType, "playlistType");
    this.playlistTracks = Objects.requireNonNull(playlistTracks, "playlistTracks");
    if (batchesPerEpoch <= 0) {
      throw new IllegalArgumentException("batchesPerEpoch must be > 0 (got " + batchesPerEpoch + ")");
    }
    if (pairs <= 0) {
      throw new IllegalArgumentException("pairs must be > 0 (got " + pairs + ")");
    }
    if (contextSize < 1) {
      throw new IllegalArgumentException("contextSize must be >= 1 (got " + contextSize + ")");
    }
    if (negatives < 0) {
      throw new IllegalArgumentException("negatives must be >= 0 (got " + negatives + ")");
    }
    boolean anyPair = false;
    for (int p = 0; p < playlistTracks.rowCount() && !anyPair; p++) {
      anyPair = playlistTracks.degree(p) >= 2;
    }
    if (!anyPair) {
      throw new IllegalArgumentException("no playlist has two tracks, so no pair can be drawn");
    }
    this.negativePool = negativePool(trackPlaylists);
    this.batchesPerEpoch = batchesPerEpoch;
    this.pairs = pairs;
    this.negatives = negatives;
    this.contextSize = contextSize;
    this.seed = seed;
  }

  /** The tracks negatives are drawn from, in ascending order: those in at least one training playlist. */
  static int[] negativePool(CsrAdjacency trackPlaylists) {
    IntArrayList pool = new IntArrayList();
    for (int t = 0; t < trackPlaylists.rowCount(); t++) {
      if (trackPlaylists.degree(t) > 0) {
        pool.add(t);
      }
    }
    return pool.toIntArray();
  }

  /** Batches per epoch so that an epoch draws about one pair per playlist-track edge. */
  public static int batchesCoveringEdges(CsrAdjacency playlistTracks, int pairs) {
    return (int) Math.max(1, (playlistTracks.edgeCount() + pairs - 1) / pairs);
  }

  @Override
  public int batchesPerEpoch() {
    return batchesPerEpoch;
  }

  @Override
  public TrainingBatch batch(int epoch, int index) {
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, epoch, index));
    Int2IntOpenHashMap rows = new Int2IntOpenHashMap();
    rows.defaultReturnValue(-1);
    IntArrayList seeds = new IntArrayList();
    IntArrayList contextRows = new IntArrayList();
    int[] contextOffsets = new int[pairs + 1];
    int[] positives = new int[pairs];
    IntArrayList cut = new IntArrayList();
    IntBuffer offsets = playlistTracks.offsetsView();
    long edges = playlistTracks.edgeCount();
    for (int i = 0; i < pairs; i++) {
      int draws = 0;
      while (true) {
        if (++draws > MAX_DRAWS_PER_PAIR) {
          throw new IllegalStateException("could not draw a pair in " + draws + " draws");
        }
        int position = (int) random.nextLong(edges);
        int playlist = rowOf(offsets, position);
        int start = playlistTracks.start(playlist);
        int degree = playlistTracks.end(playlist) - start;
        if (degree < 2) {
          continue;
        }
        positives[i] = rowOf(rows, seeds, playlistTracks.target(position));
        // a partial Fisher-Yates shuffle of the playlist's other positions picks the context
        int[] others = new int[degree - 1];
        for (int k = 0, j = start; j < start + degree; j++) {
          if (j != position) {
            others[k++] = j;
          }
        }
        int take = Math.min(contextSize, others.length);
        for (int k = 0; k < take; k++) {
          int swap = k + random.nextInt(others.length - k);
          int t = others[k];
          others[k] = others[swap];
          others[swap] = t;
          contextRows.add(rowOf(rows, seeds, playlistTracks.target(others[k])));
        }
        contextOffsets[i + 1] = contextRows.size();
        while (cut.size() < seeds.size()) {
          cut.add(-1);
        }
        if (cut.getInt(positives[i]) < 0) {
          cut.set(positives[i], playlist);
        }
        break;
      }
    }
    for (int i = 0; i < negatives; i++) {
      rowOf(rows, seeds, negativePool[random.nextInt(negativePool.length)]);
    }
    while (cut.size() < seeds.size()) {
      cut.add(-1);
    }
    return new TrainingBatch(seeds.toIntArray(), contextOffsets, contextRows.toIntArray(), positives,
        new NeighborCut(playlistType, cut.toIntArray()));
  }

  private static int rowOf(Int2IntOpenHashMap rows, IntArrayList seeds, int track) {
    int row = rows.get(track);
    if (row < 0) {
      row = seeds.size();
      rows.put(track, row);
      seeds.add(track);
    }
    return row;
  }

  /** The row whose edge range holds {@code position}: the last row with {@code offsets[row] <= position}. */
  private static int rowOf(IntBuffer offsets, int position) {
    int lo = 0;
    int hi = offsets.limit() - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (offsets.get(mid) <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
