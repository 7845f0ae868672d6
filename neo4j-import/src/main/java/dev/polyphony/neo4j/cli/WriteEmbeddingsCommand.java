package dev.polyphony.neo4j.cli;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.neo4j.EmbeddingWriteConfig;
import dev.polyphony.neo4j.EmbeddingWriteResult;
import dev.polyphony.neo4j.Neo4jBridge;
import dev.polyphony.neo4j.VectorIndexSpec;
import dev.polyphony.neo4j.VectorSimilarity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony neo4j write-embeddings}: an embedding export onto its nodes, with a vector index. */
@Command(name = "write-embeddings", mixinStandardHelpOptions = true,
    description = {"Writes the vectors of an embedding export (a folder with manifest.json, as written by "
        + "'polyphony export') onto the nodes with the same ids, as a vector property, then creates a vector "
        + "index over it and waits until the index is online.",
        "Rows whose id matches no node are counted and listed, not written."})
final class WriteEmbeddingsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions neo4j;

  @Option(names = "--embeddings", required = true, paramLabel = "DIR", description = "Embedding export to read.")
  Path embeddings;

  @Option(names = "--label", paramLabel = "LABEL",
      description = "Label of the nodes (default: the node type in upper camel case, track -> Track).")
  String label;

  @Option(names = "--property", paramLabel = "NAME", defaultValue = EmbeddingWriteConfig.DEFAULT_PROPERTY,
      description = "Node property receiving the vector (default: ${DEFAULT-VALUE}).")
  String property;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "2000",
      description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2",
      description = "Transactions in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--similarity", paramLabel = "NAME",
      description = "Similarity of the vector index: cosine or euclidean (default: cosine, which ranks like the "
          + "embeddings' metric; inner product needs L2-normalised rows).")
  String similarity;

  @Option(names = "--no-index", description = "Write the vectors without creating a vector index.")
  boolean noIndex;

  @Option(names = "--quantized", description = "Let the index keep its vectors in 8 bits: a quarter of the "
      + "memory, but approximate scores and a lower recall (0.85-0.87 instead of 0.96-1.00 at 10 in the "
      + "benchmark).")
  boolean quantized;

  @Option(names = "--index-timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long to wait for the index to come online (default: ${DEFAULT-VALUE}).")
  long indexTimeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (noIndex && (similarity != null || quantized)) {
      throw new ParameterException(spec.commandLine(), "--similarity and --quantized need an index; drop "
          + "--no-index");
    }
    StageProgress progress = new StageProgress(spec.commandLine().getErr());
    progress.begin("read embeddings", -1);
    EmbeddingTable table = EmbeddingExport.read(embeddings);
    progress.end();
    EmbeddingWriteConfig config;
    VectorIndexSpec index = null;
    try {
      EmbeddingWriteConfig conventional = EmbeddingWriteConfig.forTable(table);
      config = new EmbeddingWriteConfig(label == null ? conventional.label() : label, property, batchSize,
          concurrency);
      if (!noIndex) {
        index = new VectorIndexSpec(VectorIndexSpec.defaultName(config.label(), config.property()), config.label(),
            config.property(), table.dimension(), similarity != null ? VectorSimilarity.fromLabel(similarity)
            : VectorSimilarity.forEmbeddings(table.metadata()), quantized);
      }
      if (indexTimeoutSeconds <= 0) {
        throw new IllegalArgumentException("--index-timeout must be > 0 (got " + indexTimeoutSeconds + ")");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Neo4jBridge.EmbeddingsWritten done = new Neo4jBridge(neo4j.connection(spec)).writeEmbeddings(table, config,
        index, Duration.ofSeconds(indexTimeoutSeconds), progress);
    EmbeddingWriteResult w = done.written();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "wrote %,d of %,d %d-d %s vectors to :%s(%s) at %,.0f vectors/s (model %s)%n",
        w.written(), w.rows(), table.dimension(), table.nodeType(), w.label(), w.property(), w.rowsPerSecond(),
        table.metadata().modelHash());
    if (w.missing() > 0) {
      out.printf(Locale.ROOT, "  %,d rows matched no :%s node and were not written, e.g. %s%n", w.missing(),
          w.label(), String.join(", ", w.missingIds()));
    }
    if (done.index() != null) {
      out.printf(Locale.ROOT, "vector index %s on :%s(%s), %d dimensions, %s similarity%s, online after %.1f s%n",
          done.index().name(), done.index().label(), done.index().property(), done.index().dimension(),
          done.index().similarity().label(), done.index().quantized() ? ", quantised" : "", done.indexNanos() / 1e9);
    }
    out.flush();
    return 0;
  }
}
