package dev.polyphony.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphTablesCsv;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.job.EmbeddingJob;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.job.TrainingJobConfigReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spark-embed} on CSV tables: the export and its manifest, and bad input named by file and field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkEmbedCommandTest {
  @TempDir
  Path dir;

  private HeteroGraph graph;
  private ModelBundle bundle;
  private Path modelDir;

  @BeforeAll
  void model(@TempDir Path models) throws Exception {
    graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(120).playlists(12).creators(15)
        .users(20).listensPerUser(5).genres(3).meanPlaylistLength(8).seed(3).build());
    TrainingJob job = new TrainingJob(TrainingJobConfigReader.fromYaml(SparkEmbeddingEqualityTest.SYNTH_JOB,
        "synth-job.yaml", List.of()), graph);
    bundle = ModelBundle.of(job.newModel(), job.config());
    modelDir = models.resolve("model");
    bundle.write(modelDir);
  }

  /**
   * The graph as the CSV tables {@code polyphony graph-tables} writes, with the first track's features
   * replaced by {@code badFeatures} when that is not null.
   */
  private void writeCsv(Path nodes, Path edges, String badFeatures) throws Exception {
    GraphTablesCsv.write(graph, nodes, edges, ProgressTracker.NONE);
    if (badFeatures != null) {
      List<String> lines = new ArrayList<>(Files.readAllLines(nodes, StandardCharsets.UTF_8));
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).startsWith("track,")) {
          String line = lines.get(i);
          lines.set(i, line.substring(0, line.indexOf(',', "track,".length()) + 1) + badFeatures);
          break;
        }
      }
      Files.write(nodes, lines, StandardCharsets.UTF_8);
    }
  }

  private int run(StringWriter err, String... args) {
    CommandLine cli = SparkEmbedCommand.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void embedsCsvTablesIntoParquetWithTheExportManifest() throws Exception {
    Path nodes = dir.resolve("nodes.csv");
    Path edges = dir.resolve("edges.csv");
    writeCsv(nodes, edges, null);
    Path out = dir.resolve("out");

    int code = run(new StringWriter(), "--model", modelDir.toString(), "--nodes", nodes.toString(), "--edges",
        edges.toString(), "--input-format", "csv", "--out", out.toString(), "--master", "local[2]");

    assertThat(code).isZero();
    ExportManifest manifest = EmbeddingExport.verify(out);
    assertThat(manifest.count()).isEqualTo(graph.nodeCount(NodeType.of("track")));
    assertThat(manifest.dimension()).isEqualTo(8);
    assertThat(manifest.metadata().modelHash()).isEqualTo(bundle.modelHash());
    assertThat(manifest.metadata().properties()).containsEntry("sampling", "hash").containsEntry("engine", "spark");
    assertThat(manifest.files()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.name()).startsWith(ParquetEmbeddingExport.TABLE + "/part-"));
    List<Row> rows = SharedSpark.get().read().parquet(out.resolve(ParquetEmbeddingExport.TABLE).toString())
        .collectAsList();
    EmbeddingTable single = EmbeddingJob.embed(bundle, graph, 50, EmbeddingJob.hashSampling(bundle.config()),
        ProgressTracker.NONE);
    // CSV carries the features as decimal text; Java's float to string and back is exact.
    assertThat(SparkEmbeddingEqualityTest.maxAbsDifference(single, rows)).isLessThanOrEqualTo(1e-5);
  }

  /**
   * Same neighbours, same batches, same summation order; what is left is the last bit of a float where the
   * native BLAS and reductions round differently from run to run (seen: 1 ulp), far below the 1e-5 the
   * single machine is held to.
   */
  @Test
  void twoRunsWithOneModelAndSeedGiveTheSameVectorsToTheLastBitsOfAFloat() {
    SparkEmbeddingJob job = new SparkEmbeddingJob(SharedSpark.get(), bundle,
        EmbeddingJob.hashSampling(bundle.config()), 16);
    List<Row> first = job.embed(GraphTables.of(SharedSpark.get(), graph)).collectAsList();
    List<Row> second = job.embed(GraphTables.of(SharedSpark.get(), graph)).collectAsList();

    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).getString(0)).isEqualTo(first.get(i).getString(0));
      List<Float> a = first.get(i).getList(1);
      List<Float> b = second.get(i).getList(1);
      assertThat(b).hasSameSizeAs(a);
      for (int c = 0; c < a.size(); c++) {
        assertThat(b.get(c)).isCloseTo(a.get(c), org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
  }

  @Test
  void anUnparsableFeatureIsNamedWithItsFileAndField() throws Exception {
    Path nodes = dir.resolve("bad-nodes.csv");
    Path edges = dir.resolve("bad-edges.csv");
    writeCsv(nodes, edges, "0.5 loud 1");
    StringWriter err = new StringWriter();

    int code = run(err, "--model", modelDir.toString(), "--nodes", nodes.toString(), "--edges", edges.toString(),
        "--input-format", "csv", "--out", dir.resolve("bad-out").toString(), "--master", "local[2]");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("bad-nodes.csv").contains("field 'features'").contains("0.5 loud 1");
  }

  @Test
  void anEdgeToAMissingNodeIsNamedWithItsField() throws Exception {
    Path nodes = dir.resolve("n.csv");
    Path edges = dir.resolve("e.csv");
    writeCsv(nodes, edges, null);
    Files.writeString(edges, "nobody,contains," + graph.ids(NodeType.of("track")).externalId(0) + ",\n",
        java.nio.file.StandardOpenOption.APPEND);
    StringWriter err = new StringWriter();

    int code = run(err, "--model", modelDir.toString(), "--nodes", nodes.toString(), "--edges", edges.toString(),
        "--input-format", "csv", "--out", dir.resolve("e-out").toString(), "--master", "local[2]");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("field 'src'").contains("'playlist' node 'nobody'");
  }
}
