package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.job.EmbeddingJob;
import dev.polyphony.job.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony spark-embed}: the Spark job's entry point, for {@code spark-submit} on a cluster and for
 * Spark's local mode on one machine ({@code --master local[2]}).
 */
@Command(name = "spark-embed", mixinStandardHelpOptions = true,
    description = {"Embeds every node of the model's type with a model saved by `polyphony train`, layer by layer "
        + "as a Spark job, with hash neighbour sampling: the vectors equal `polyphony embed --sampling hash`.",
        "Input: a graph snapshot (--graph), or node and edge tables (--nodes, --edges) in Parquet or CSV. "
            + "Output: DIR/embeddings.parquet (id, embedding) and DIR/manifest.json."})
public final class SparkEmbedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (DIR/model of train).")
  Path model;

  @Option(names = "--graph", paramLabel = "FILE.snap", description = "Catalog graph snapshot (read on the driver).")
  Path graph;

  @Option(names = "--nodes", paramLabel = "PATH", description = "Node table: type, id, features.")
  String nodes;

  @Option(names = "--edges", paramLabel = "PATH", description = "Edge table: src, relation, dst, weight.")
  String edges;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "parquet or csv (default: ${DEFAULT-VALUE}).")
  String inputFormat;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Export directory to write.")
  Path out;

  @Mixin
  SparkSessionOptions session;

  @Option(names = "--shuffle-partitions", paramLabel = "N", defaultValue = "8",
      description = "spark.sql.shuffle.partitions when this command starts the session (default: ${DEFAULT-VALUE}).")
  int shufflePartitions;

  @Option(names = "--batch-rows", paramLabel = "N", defaultValue = "" + SparkEmbeddingJob.DEFAULT_BATCH_ROWS,
      description = "Rows per ND4J batch inside a partition (default: ${DEFAULT-VALUE}).")
  int batchRows;

  @Override
  public Integer call() throws Exception {
    if ((graph == null) == (nodes == null || edges == null) || (graph != null && (nodes != null || edges != null))) {
      throw new ParameterException(spec.commandLine(), "give either --graph or both --nodes and --edges");
    }
    if (batchRows <= 0 || shufflePartitions <= 0) {
      throw new ParameterException(spec.commandLine(), "--batch-rows and --shuffle-partitions must be > 0 (got "
          + batchRows + ", " + shufflePartitions + ")");
    }
    ModelBundle bundle = ModelBundle.read(model);
    NeighborSamplerConfig sampling;
    try {
      sampling = EmbeddingJob.hashSampling(bundle.config());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "the model's inference fan-outs do not suit hash sampling: "
          + e.getMessage());
    }
    long start = System.nanoTime();
    try (SparkSessionOptions.Session opened = session.open(shufflePartitions)) {
      SparkSession spark = opened.spark();
      GraphTables tables;
      if (graph != null) {
        HeteroGraph catalog = GraphSnapshot.read(graph);
        bundle.requireFits(catalog);
        tables = GraphTables.of(spark, catalog);
      } else {
        tables = GraphTables.read(spark, nodes, edges, inputFormat);
      }
      Dataset<Row> embeddings = new SparkEmbeddingJob(spark, bundle, sampling, batchRows).embed(tables);
      ExportManifest manifest = ParquetEmbeddingExport.write(embeddings, out, bundle.seedType().name(),
          bundle.dimension(), metadata(bundle, sampling));
      PrintWriter text = spec.commandLine().getOut();
      text.println("embedded " + manifest.count() + " " + manifest.nodeType() + " nodes in " + manifest.dimension()
          + " dimensions (model " + bundle.modelHash() + ") to " + out.resolve(ParquetEmbeddingExport.TABLE)
          + String.format(java.util.Locale.ROOT, " in %.1f s (master %s)", (System.nanoTime() - start) / 1e9,
          spark.sparkContext().master()));
      text.flush();
    }
    return 0;
  }

  /** The single-machine export's metadata, with sampling {@code hash} and the engine named. */
  static EmbeddingMetadata metadata(ModelBundle bundle, NeighborSamplerConfig sampling) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("inferenceFanouts", bundle.config().training().inferenceFanouts());
    properties.put("sampling", "hash");
    properties.put("samplingSeed", Long.toString(sampling.seed()));
    properties.put("engine", "spark");
    properties.put("modelCreatedAt", bundle.createdAt().toString());
    Normalization normalization = bundle.config().encoderConfig().normalizeOutput() ? Normalization.L2
        : Normalization.NONE;
    return new EmbeddingMetadata(bundle.modelHash(), Metric.COSINE, normalization, Instant.now(), properties);
  }

  /** The command line: an error prints one line naming the problem (and the stack trace with POLYPHONY_DEBUG). */
  public static CommandLine commandLine() {
    return SparkCommandLines.of("spark-embed", new SparkEmbedCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
