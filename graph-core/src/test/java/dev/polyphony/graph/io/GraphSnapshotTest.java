package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphSnapshotTest {
  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType playlist = sb.node("playlist");
  private final NodeType track = sb.node("track");
  private final NodeType user = sb.node("user");
  private final EdgeType contains = sb.edge(playlist, "contains", track);
  private final EdgeType listened = sb.edge(user, "listened", track);
  private final EdgeType rated = sb.edge(user, "rated", track);
  private final EdgeType saved = sb.edge(user, "saved", track);
  private final GraphSchema schema = sb.build();

  @TempDir
  Path dir;

  /** 2 playlists, 4 tracks (one isolated), 2 users; every attribute kind with nulls; all edge payloads. */
  private HeteroGraph smallGraph() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    b.declareFeatures(track, List.of("energy", "tempo"));
    b.declareWeights(listened).declareTimestamps(listened);
    b.declareWeights(rated);
    b.declareTimestamps(saved);
    int p0 = b.addNode(playlist, "p0");
    int p1 = b.addNode(playlist, "p1 ünïcødé");
    int t0 = b.addNode(track, "t0");
    int t1 = b.addNode(track, "t1 \uD83C\uDFB5");
    int t2 = b.addNode(track, "t2");
    int t3 = b.addNode(track, "t3");
    int u0 = b.addNode(user, "u0");
    int u1 = b.addNode(user, "u1");
    b.setFeatures(track, t0, new float[] {0.5f, 120f});
    b.setFeatures(track, t1, new float[] {0.7f, -0f});
    b.setFeatures(track, t2, new float[] {0.9f, 140.25f});
    b.setFeatures(track, t3, new float[] {Float.MIN_VALUE, 1e30f});
    b.attribute(track, "genre", AttributeKind.STRING).setString(t0, "pop").setString(t1, "rock").setString(t3, "pop");
    b.attribute(track, "release_date", AttributeKind.DATE).setDate(t1, LocalDate.of(2019, 6, 14))
        .setDate(t2, LocalDate.of(1969, 12, 31));
    b.attribute(track, "popularity", AttributeKind.INT).setInt(t0, 0).setInt(t1, 100).setInt(t2, -7);
    b.attribute(track, "margin", AttributeKind.FLOAT).setFloat(t2, 0.25f).setFloat(t3, 1f);
    b.attribute(user, "preferred_genre", AttributeKind.STRING);
    b.addEdge(contains, p0, t0).addEdge(contains, p0, t1).addEdge(contains, p1, t1).addEdge(contains, p1, t2);
    b.addEdge(listened, u0, t1, 3f, 1_700_000_000_000L).addEdge(listened, u1, t0, 0.5f, -5L);
    b.addEdge(rated, u1, t2, 4.5f);
    b.addEdge(saved, u0, t2, 0f, 42L);
    return b.build();
  }

  @Test
  void roundTripOfAHandBuiltGraphGivesAnEqualGraph() throws IOException {
    HeteroGraph g = smallGraph();
    Path file = dir.resolve("small.snap");

    GraphSnapshot.write(g, file);
    HeteroGraph back = GraphSnapshot.read(file);

    assertThat(back).isEqualTo(g);
    assertThat(back.ids(track).externalId(1)).isEqualTo("t1 \uD83C\uDFB5");
    assertThat(back.ids(playlist).indexOf("p1 ünïcødé")).isEqualTo(1);
    assertThat(back.features(track).orElseThrow().get(3, 1)).isEqualTo(1e30f);
    assertThat(back.features(playlist)).isEmpty();
    AttributeColumn genre = back.attributes(track).column("genre");
    assertThat(genre.dictionary()).containsExactly("pop", "rock");
    assertThat(genre.getString(3)).isEqualTo("pop");
    assertThat(genre.isNull(2)).isTrue();
    assertThat(back.attributes(track).column("release_date").getDate(2)).isEqualTo(LocalDate.of(1969, 12, 31));
    assertThat(back.attributes(track).column("popularity").getInt(2)).isEqualTo(-7);
    assertThat(back.attributes(track).column("margin").getFloat(3)).isEqualTo(1f);
    assertThat(back.attributes(track).column("margin").isNull(0)).isTrue();
    assertThat(back.attributes(user).column("preferred_genre").presentCount()).isZero();
    assertThat(back.attributes(playlist).names()).isEmpty();
    assertThat(back.out(listened).weight(back.out(listened).start(1))).isEqualTo(0.5f);
    assertThat(back.out(listened).timestamp(back.out(listened).start(1))).isEqualTo(-5L);
    assertThat(back.in(listened).neighbors(1)).containsExactly(0);
    assertThat(back.out(rated).hasTimestamps()).isFalse();
    assertThat(back.out(rated).weight(0)).isEqualTo(4.5f);
    assertThat(back.out(saved).hasWeights()).isFalse();
    assertThat(back.in(saved).timestamp(0)).isEqualTo(42L);
    assertThat(back.in(contains).neighbors(3)).isEmpty();
  }

  @Test
  void roundTripOfASyntheticCatalogGivesAnEqualGraph() throws IOException {
    HeteroGraph g = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(3000).playlists(400)
        .creators(300).users(500).genres(8).meanPlaylistLength(20).listensPerUser(15).seed(3).build());
    Path file = dir.resolve("catalog.snap");

    GraphSnapshot.write(g, file);

    assertThat(GraphSnapshot.read(file)).isEqualTo(g);
  }

  @Test
  void progressCountsEveryByteOfTheFile() throws IOException {
    Path file = dir.resolve("small.snap");
    long[] written = new long[2];
    long[] read = new long[2];
    GraphSnapshot.write(smallGraph(), file, counter(written));
    GraphSnapshot.read(file, counter(read));

    long size = Files.size(file);
    assertThat(written).containsExactly(size, size);
    assertThat(read).containsExactly(size, size);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 23, 24, 35, 100, -100, -5, -4, -1})
  void truncatedFileIsCorruptNamingBothLengths(int cut) throws IOException {
    Path file = dir.resolve("cut.snap");
    GraphSnapshot.write(smallGraph(), file);
    byte[] bytes = Files.readAllBytes(file);
    int keep = cut >= 0 ? cut : bytes.length + cut;
    Files.write(file, Arrays.copyOf(bytes, keep));

    String expected = keep < 24 ? "expected 24 bytes" : "expected " + bytes.length + " bytes";
    assertThatThrownBy(() -> GraphSnapshot.read(file))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(expected)
        .hasMessageContaining("found " + keep)
        .hasMessageContaining("truncated");
  }

  @Test
  void everyFlippedBitAfterTheHeaderFailsTheChecksum() throws IOException {
    Path file = dir.resolve("flip.snap");
    GraphSnapshot.write(smallGraph(), file);
    byte[] original = Files.readAllBytes(file);
    // Every byte after the header (which is checked on its own), a different bit in consecutive bytes.
    for (int pos = 24; pos < original.length; pos++) {
      int bit = pos % 8;
      byte[] bytes = original.clone();
      bytes[pos] ^= (byte) (1 << bit);
      Files.write(file, bytes);
      assertThatThrownBy(() -> GraphSnapshot.read(file))
          .as("bit %d of byte %d", bit, pos)
          .isInstanceOf(CorruptSnapshotException.class)
          .hasMessageContaining("checksum mismatch")
          .hasMessageContaining(file.toString());
    }
  }

  @Test
  void flippedByteReportsExpectedAndComputedChecksums() throws IOException {
    Path file = dir.resolve("flip.snap");
    GraphSnapshot.write(smallGraph(), file);
    byte[] bytes = Files.readAllBytes(file);
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);

    assertThatThrownBy(() -> GraphSnapshot.read(file))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining(String.format("expected CRC32C %08x, computed %08x", stored, crc(bytes)));
  }

  @Test
  void fileWithoutTheMagicIsNotASnapshot() throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "track_id,track_name,track_artist,track_popularity\n");

    assertThatThrownBy(() -> GraphSnapshot.read(file))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(CorruptSnapshotException.class)
        .hasMessage("not a Polyphony snapshot: " + file);
  }

  @Test
  void unknownVersionIsRejectedNamingBothVersions() throws IOException {
    Path file = dir.resolve("future.snap");
    GraphSnapshot.write(smallGraph(), file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 7);
    Files.write(file, bytes);

    assertThatThrownBy(() -> GraphSnapshot.read(file))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("version 7")
        .hasMessageContaining("reads version " + GraphSnapshot.FORMAT_VERSION)
        .hasMessageContaining(file.toString());
  }

  @Test
  void brokenInvariantWithAValidChecksumIsCorrupt() throws IOException {
    Path file = dir.resolve("unsorted.snap");
    GraphSnapshot.write(smallGraph(), file);
    byte[] bytes = Files.readAllBytes(file);
    // Out-direction of 'contains': row p0 holds targets t0, t1. Swap them and re-seal the checksum.
    int section = indexOf(bytes, "ADJO".getBytes(StandardCharsets.US_ASCII));
    int firstTarget = section + 12 + 5 * 4 + 3 * 4; // section header, 5 ints, offsets of 2 rows
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(buf.getInt(firstTarget)).isZero();
    assertThat(buf.getInt(firstTarget + 4)).isEqualTo(1);
    buf.putInt(firstTarget, 1).putInt(firstTarget + 4, 0);
    buf.putInt(bytes.length - 4, crc(bytes));
    Files.write(file, bytes);

    assertThatThrownBy(() -> GraphSnapshot.read(file))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("'contains' row 0 has target 0 out of order");
  }

  @Test
  void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    HeteroGraph old = smallGraph();
    Path file = dir.resolve("graph.snap");
    GraphSnapshot.write(old, file);
    byte[] before = Files.readAllBytes(file);
    HeteroGraph bigger = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(50_000)
        .playlists(2000).creators(2000).users(0).listensPerUser(0).genres(5).build());
    ProgressTracker failing = new ProgressTracker() {
      @Override
      public void begin(String stage, long totalSteps) {}

      @Override
      public void step(long steps) {
        throw new UncheckedIOException(new IOException("disk full"));
      }

      @Override
      public void end() {}
    };

    assertThatThrownBy(() -> GraphSnapshot.write(bigger, file, failing)).hasRootCauseMessage("disk full");

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(GraphSnapshot.read(file)).isEqualTo(old);
  }

  private static ProgressTracker counter(long[] totals) {
    return new ProgressTracker() {
      @Override
      public void begin(String stage, long totalSteps) {
        totals[0] = totalSteps;
      }

      @Override
      public void step(long steps) {
        totals[1] += steps;
      }

      @Override
      public void end() {}
    };
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    return (int) crc.getValue();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
