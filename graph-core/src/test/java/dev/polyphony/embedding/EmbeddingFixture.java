package dev.polyphony.embedding;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small hand-built embedding tables with known values. */
public final class EmbeddingFixture {
  public static final Instant CREATED = Instant.parse("2024-05-01T12:30:15.123456Z");

  private EmbeddingFixture() {}

  public static EmbeddingMetadata metadata() {
    return new EmbeddingMetadata("sha256:0f3a", Metric.COSINE, Normalization.NONE, CREATED,
        Map.of("run", "nightly-42", "dataset", "hetrec"));
  }

  /** Three tracks in 4 dimensions, with values that stress float round trips. */
  public static EmbeddingTable threeTracks() {
    return new EmbeddingTable("track", List.of("spotify:track:a", "spotify:track:b", "t\u00e9\u00e9 \"c\""), 4,
        new float[] {
            1f, -2.5f, 0.1f, 3e-8f,
            Float.MIN_VALUE, -0.0f, 1234567.9f, -1f / 3,
            Float.MAX_VALUE, 0f, 7f, -Float.MIN_NORMAL},
        metadata());
  }
}
