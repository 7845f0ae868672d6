package dev.polyphony.neo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.graph.synth.SyntheticSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code polyphony neo4j} commands end to end against one embedded store, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Neo4jCliTest {
  @TempDir
  static Path dir;
  static HeteroGraph graph;
  static Path snapshot;
  static Path home;

  @BeforeAll
  static void catalog() throws Exception {
    graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(300).playlists(20).creators(30)
        .users(10).genres(3).meanPlaylistLength(15).listensPerUser(5).seed(11).build());
    snapshot = dir.resolve("catalog.snap");
    GraphSnapshot.write(graph, snapshot);
    home = dir.resolve("neo4j");
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Neo4jCli.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  @Order(1)
  void importWritesTheSnapshotAndASecondImportWritesNothing() {
    Run first = run("import", "--graph", snapshot.toString(), "--neo4j-home", home.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains(String.format("%,d relationships created", graph.edgeCount()))
        .contains("(import procedure)");
    assertThat(first.err()).contains("relationships CONTAINS: " + String.format("%,d",
        graph.edgeCount(SyntheticSchema.CONTAINS)));

    Run second = run("import", "--graph", snapshot.toString(), "--neo4j-home", home.toString());
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("was imported before; nothing written");
  }

  @Test
  @Order(2)
  void writeEmbeddingsPutsVectorsOnTracksAndIndexesThem() throws Exception {
    NodeType track = SyntheticSchema.TRACK;
    List<String> ids = new ArrayList<>(graph.ids(track).externalIds());
    ids.add("not-a-track");
    float[] values = new float[ids.size() * 8];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    Path export = dir.resolve("embeddings");
    EmbeddingExport.write(new EmbeddingTable("track", ids, 8, values,
        EmbeddingMetadata.of("cli-test", Metric.COSINE, Normalization.NONE, Instant.EPOCH)), export,
        EnumSet.of(ExportFormat.NPY));

    Run r = run("write-embeddings", "--embeddings", export.toString(), "--neo4j-home", home.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(String.format("wrote %,d of %,d 8-d track vectors to :Track(embedding)",
        graph.nodeCount(track), ids.size()))
        .contains("1 rows matched no :Track node and were not written, e.g. not-a-track")
        .contains("vector index polyphony_Track_embedding on :Track(embedding), 8 dimensions, cosine similarity");
  }

  @Test
  @Order(3)
  void exploreAnswersSummarySimilarAndNeighbourhood() {
    String someTrack = graph.ids(SyntheticSchema.TRACK).externalId(0);
    Run summary = run("explore", "summary", "--neo4j-home", home.toString());
    assertThat(summary.exitCode()).as(summary.err()).isZero();
    assertThat(summary.out()).containsPattern("(?m)^node +Track +" + graph.nodeCount(SyntheticSchema.TRACK) + "$");

    Run similar = run("explore", "similar", "--label", "Track", "--id", someTrack, "--k", "3",
        "--neo4j-home", home.toString());
    assertThat(similar.exitCode()).as(similar.err()).isZero();
    assertThat(similar.out().lines().toList()).hasSize(2 + 3).first().asString().startsWith("id");
    assertThat(similar.out()).doesNotContain(someTrack + " ");

    Run neighbourhood = run("explore", "neighbourhood", "--label", "Track", "--id", someTrack,
        "--neo4j-home", home.toString());
    assertThat(neighbourhood.exitCode()).isZero();
    assertThat(neighbourhood.out()).contains("BY_ARTIST", "out", "Artist");
  }

  @Test
  @Order(4)
  void readLikeTheSnapshotGivesBackTheSameCounts() throws Exception {
    Path back = dir.resolve("back.snap");
    Run r = run("read", "--like", snapshot.toString(), "--out", back.toString(), "--neo4j-home", home.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("rejected: 0 row(s)");
    HeteroGraph read = GraphSnapshot.read(back);
    for (NodeType t : graph.schema().nodeTypes()) {
      assertThat(read.nodeCount(t)).as("nodes of %s", t).isEqualTo(graph.nodeCount(t));
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      assertThat(read.edgeCount(e)).as("edges of %s", e).isEqualTo(graph.edgeCount(e));
    }
  }

  @Test
  @Order(5)
  void optionsThatDoNotFitTogetherAreUsageErrors() {
    Run password = run("explore", "summary", "--neo4j-password-env", "X", "--neo4j-home", home.toString());
    assertThat(password.exitCode()).isEqualTo(2);
    assertThat(password.err()).startsWith("polyphony: error: a password option needs --neo4j-uri");

    Run both = run("read", "--out", "x.snap", "--like", "a.snap", "--projection", "p.yaml");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");

    Run badUri = run("explore", "summary", "--neo4j-uri", "http://example.org");
    assertThat(badUri.exitCode()).isEqualTo(2);
    assertThat(badUri.err()).contains("Neo4j uri must use one of");
  }

  @Test
  @Order(6)
  void offlineImportWritesAFreshStoreThatTheOnlineImportThenFindsComplete() {
    String offlineHome = dir.resolve("offline").toString();
    Run offline = run("import", "--graph", snapshot.toString(), "--offline", "--neo4j-home", offlineHome);
    assertThat(offline.exitCode()).as(offline.err()).isZero();
    assertThat(offline.out()).contains(String.format("%,d relationships created", graph.edgeCount()))
        .contains("(offline importer)");

    Run online = run("import", "--graph", snapshot.toString(), "--neo4j-home", offlineHome);
    assertThat(online.out()).contains("was imported before; nothing written");

    Run again = run("import", "--graph", snapshot.toString(), "--offline", "--neo4j-home", offlineHome);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already has a database");

    Run remote = run("import", "--graph", snapshot.toString(), "--offline", "--neo4j-uri", "bolt://127.0.0.1:1");
    assertThat(remote.exitCode()).isEqualTo(2);
    assertThat(remote.err()).contains("--offline writes a fresh embedded store");
  }

  @Test
  @Order(7)
  void unreachableRemoteServerFailsWithOneLine() {
    Run r = run("explore", "summary", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password-env", "PATH");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("polyphony: error: cannot reach Neo4j at bolt://127.0.0.1:1");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }
}
