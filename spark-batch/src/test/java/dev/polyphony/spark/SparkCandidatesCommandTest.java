package dev.polyphony.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.retrieval.candidates.CatalogNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spark-candidates} on spark-embed's Parquet table: the output tables, the manifest and bad options. */
class SparkCandidatesCommandTest {
  @TempDir
  Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = SparkCandidatesCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** The table as spark-embed writes it: Parquet (id, embedding) in two part files with the export manifest. */
  private Path parquetExport(EmbeddingTable table) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      rows.add(RowFactory.create(table.id(r), table.vector(r)));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType, false)
        .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    Dataset<Row> df = SharedSpark.get().createDataFrame(rows, schema).coalesce(2);
    Path export = dir.resolve("emb");
    ParquetEmbeddingExport.write(df, export, table.nodeType(), table.dimension(), table.metadata());
    return export;
  }

  @Test
  void writesTheListsOfEveryQueryWithAManifest() throws Exception {
    HeteroGraph graph = SparkCandidateJobTest.graph();
    EmbeddingTable tracks = SparkCandidateJobTest.tracks(graph);
    Path snapshot = dir.resolve("g.snap");
    GraphSnapshot.write(graph, snapshot);
    Path export = parquetExport(tracks);
    Path out = dir.resolve("out");
    StringWriter text = new StringWriter();
    StringWriter err = new StringWriter();

    int code = run(text, err, "--embeddings", export.toString(), "--graph", snapshot.toString(), "--generator",
        SparkCandidateJobTest.PLAN.toString(), "-k", "10", "--out", out.toString(), "--master", "local[2]",
        "--partitions", "3");

    assertThat(code).as(err.toString()).isZero();
    // Row order of the Parquet table differs from the snapshot's node order; ties aside, the lists do not.
    EmbeddingTable read = SparkEmbeddingInput.read(SharedSpark.get(), export);
    List<Object[]> expected = SparkCandidateJobTest.singleMachine(read, graph,
        SparkCandidateJob.queryTypes(graph, CatalogNames.defaults(), "listened"), 10);
    JsonNode manifest = new ObjectMapper().readTree(Files.readAllBytes(out.resolve(ExportManifest.FILE_NAME)));
    // Spark reads a directory's part files largest first; the manifest keeps them in the job's order.
    List<Row> lists = new ArrayList<>();
    for (JsonNode f : manifest.get("files")) {
      if (f.get("name").asText().startsWith(CandidateListsExport.LISTS + "/")) {
        lists.addAll(SharedSpark.get().read().parquet(out.resolve(f.get("name").asText()).toString()).collectAsList());
      }
    }
    List<Object[]> expectedLists = expected.stream().filter(e -> e[7] == null).toList();
    assertThat(lists).hasSameSizeAs(expectedLists);
    for (int i = 0; i < lists.size(); i++) {
      assertThat(List.of(lists.get(i).getString(1), lists.get(i).getInt(2), lists.get(i).getString(3)))
          .isEqualTo(List.of(expectedLists.get(i)[1], expectedLists.get(i)[2], expectedLists.get(i)[3]));
    }
    long skipped = expected.size() - expectedLists.size();
    assertThat(SharedSpark.get().read().parquet(out.resolve(CandidateListsExport.SKIPPED).toString()).count())
        .isEqualTo(skipped);
    assertThat(manifest.get("candidates").asLong()).isEqualTo(lists.size());
    assertThat(manifest.get("skipped").asLong()).isEqualTo(skipped);
    assertThat(manifest.get("queries").get("playlist").asLong()).isEqualTo(18);
    assertThat(manifest.get("queries").get("user").asLong()).isEqualTo(25);
    assertThat(manifest.get("settings").get("generators").asText()).isEqualTo(SparkCandidateJobTest.PLAN.toString());
    for (JsonNode f : manifest.get("files")) {
      assertThat(ExportManifest.FileEntry.of(out.resolve(f.get("name").asText())).sha256())
          .isEqualTo(f.get("sha256").asText());
    }
    assertThat(text.toString()).contains("for {playlist=18, user=25}");
  }

  @Test
  void aGeneratorThatNeedsASeedTrackIsAUsageError() {
    StringWriter err = new StringWriter();

    int code = run(new StringWriter(), err, "--embeddings", dir.toString(), "--graph", dir.resolve("g").toString(),
        "--generator", "similar,fresh", "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("generator 'similar' needs a seed track; playlist and user lists have none");
  }
}
