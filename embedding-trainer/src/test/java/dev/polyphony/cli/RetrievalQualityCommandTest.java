package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.retrieval.quality.RetrievalQualityJson;
import dev.polyphony.retrieval.quality.RetrievalQualityResult;
import dev.polyphony.retrieval.quality.StandInTrackEmbedding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalQualityCommandTest {
  private Path dir;
  private Path graph;
  private HeteroGraph catalog;

  @BeforeAll
  void writeASmallCatalog(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    catalog = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(500).playlists(40).creators(50)
        .users(100).listensPerUser(8).genres(4).meanPlaylistLength(15).seed(5).build());
    graph = dir.resolve("synthetic.snap");
    GraphSnapshot.write(catalog, graph);
  }

  private CliRun run(Path out, String... source) {
    String[] common = {"retrieval-quality", "--graph", graph.toString(), "--seed", "5", "--queries", "50",
        "--threads", "2", "--warmup-seconds", "0", "--measure-seconds", "0.01", "--out", out.toString()};
    String[] all = new String[common.length + source.length];
    System.arraycopy(common, 0, all, 0, common.length);
    System.arraycopy(source, 0, all, common.length, source.length);
    return CliRun.of(all);
  }

  @Test
  void measuresTheStandInAndTheSameVectorsReadBackFromTheirExport() throws Exception {
    Path standInOut = dir.resolve("stand-in");
    Path export = dir.resolve("stand-in-embeddings");
    CliRun standIn = run(standInOut, "--stand-in", "--write-embeddings", export.toString());
    assertThat(standIn.exitCode()).as(standIn.err()).isZero();
    assertThat(standIn.out()).startsWith("> **Stand-in embeddings, not a trained model:**")
        .contains("### ANN index against the exact oracle", "### Blended lists against pure relevance",
            "wrote " + standInOut.resolve("retrieval-quality.json"));
    assertThat(Files.readString(standInOut.resolve("retrieval-quality.md"))).startsWith("> **Stand-in");
    RetrievalQualityResult measured = RetrievalQualityJson.read(standInOut.resolve("retrieval-quality.json"));
    assertThat(measured.embeddings().modelHash()).isEqualTo(StandInTrackEmbedding.defaults(5).modelHash());
    assertThat(EmbeddingExport.read(export)).isEqualTo(StandInTrackEmbedding.defaults(5).table(catalog));

    Path exportedOut = dir.resolve("exported");
    CliRun exported = run(exportedOut, "--embeddings", export.resolve("embeddings.npy").toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    RetrievalQualityResult again = RetrievalQualityJson.read(exportedOut.resolve("retrieval-quality.json"));
    assertThat(again.blend()).isEqualTo(measured.blend());
    assertThat(again.split()).isEqualTo(measured.split());
    assertThat(again.ann().recall()).isEqualTo(measured.ann().recall());
  }

  @Test
  void needsExactlyOneSourceOfVectors() {
    CliRun neither = run(dir.resolve("none"));
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("--embeddings", "--stand-in");
    CliRun both = run(dir.resolve("both"), "--stand-in", "--embeddings", dir.toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }
}
