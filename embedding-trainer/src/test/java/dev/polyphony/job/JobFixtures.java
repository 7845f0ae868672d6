package dev.polyphony.job;

import static dev.polyphony.graph.io.SpotifySongsSchema.ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.ON_ALBUM;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.io.SpotifySongsSchema;
import java.util.List;

/**
 * A catalog small enough to train on in a second, in the Spotify songs schema, and a tiny job config for it.
 *
 * <pre>
 * tracks t0..t19     features (f0, f1) = (i mod 5 - 2, i div 5 - 1.5), popularity (7 i) mod 100
 * artists a0..a4     t_i -> a_(i mod 5)
 * albums b0..b9      t_i -> b_(i div 2)
 * playlists p0..p5   p_k contains t_(3k) .. t_(3k+5) (mod 20); genre rock for p0..p2, pop for p3..p5;
 *                    subgenre indie for even k, classic for odd k
 * </pre>
 * Every track is in one or two playlists. {@link #catalogWithNewTrack()} adds {@value #NEW_TRACK} (features
 * (2, 2), artist a0, album b0, popularity 50, no playlist) after the other tracks.
 */
public final class JobFixtures {
  public static final int TRACKS = 20;
  public static final int PLAYLISTS = 6;
  public static final String NEW_TRACK = "t_new";

  /** A job that trains in about a second: 2 epochs, widths 4 to 8, small fan-outs and batches. */
  public static final String TINY_JOB = """
      seed: 3
      encoder:
        hiddenDim: 8
        outputDim: 4
        inputProjectionDim: 4
        dropout: 0.1
        idEmbeddingTypes: [playlist, artist, track]
        idDropout: 0.5
      training:
        epochs: 2
        learningRate: 0.01
        fanouts: "contains:3,by_artist:2,on_album:2;contains:2,by_artist:2,on_album:2"
        inferenceFanouts: "contains:5,by_artist:3,on_album:3;contains:5,by_artist:3,on_album:3"
        validationHoldOut: 0.0
      tasks:
        pairsPerBatch: 8
        negativesPerBatch: 4
        contextSize: 2
      """;

  private JobFixtures() {}

  public static HeteroGraph catalog() {
    return build(false);
  }

  public static HeteroGraph catalogWithNewTrack() {
    return build(true);
  }

  private static HeteroGraph build(boolean newTrack) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(SpotifySongsSchema.SCHEMA);
    b.declareFeatures(TRACK, List.of("f0", "f1"));
    AttributeColumn.Builder popularity = b.attribute(TRACK, SpotifySongsSchema.POPULARITY, AttributeKind.INT);
    for (int i = 0; i < TRACKS; i++) {
      int t = b.addNode(TRACK, "t" + i);
      b.setFeatures(TRACK, t, new float[] {i % 5 - 2, i / 5 - 1.5f});
      popularity.setInt(t, (7 * i) % 100);
    }
    int added = -1;
    if (newTrack) {
      added = b.addNode(TRACK, NEW_TRACK);
      b.setFeatures(TRACK, added, new float[] {2, 2});
      popularity.setInt(added, 50);
    }
    AttributeColumn.Builder genre = b.attribute(PLAYLIST, SpotifySongsSchema.GENRE, AttributeKind.STRING);
    AttributeColumn.Builder subgenre = b.attribute(PLAYLIST, SpotifySongsSchema.SUBGENRE, AttributeKind.STRING);
    for (int k = 0; k < PLAYLISTS; k++) {
      int p = b.addNode(PLAYLIST, "p" + k);
      genre.setString(p, k < 3 ? "rock" : "pop");
      subgenre.setString(p, k % 2 == 0 ? "indie" : "classic");
      for (int j = 0; j < 6; j++) {
        b.addEdge(CONTAINS, p, (3 * k + j) % TRACKS);
      }
    }
    for (int a = 0; a < 5; a++) {
      b.addNode(ARTIST, "a" + a);
    }
    for (int a = 0; a < 10; a++) {
      b.addNode(ALBUM, "b" + a);
    }
    for (int i = 0; i < TRACKS; i++) {
      b.addEdge(BY_ARTIST, i, i % 5);
      b.addEdge(ON_ALBUM, i, i / 2);
    }
    if (newTrack) {
      b.addEdge(BY_ARTIST, added, 0);
      b.addEdge(ON_ALBUM, added, 0);
    }
    return b.build();
  }

  /** The tiny job with {@code overrides} ({@code key=value}) applied. */
  public static TrainingJobConfig tinyJob(String... overrides) {
    return TrainingJobConfigReader.fromYaml(TINY_JOB, "tiny-job.yaml", List.of(overrides));
  }
}
