package dev.polyphony.cli;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.job.EmbeddingJob;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.RetrievalExport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony embed}: inductive inference of a saved model over every node of its type in a graph. */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = {"Embeds every node of the model's type (tracks) in a catalog snapshot with a model saved by "
        + "`polyphony train`, in batches: nodes the model never saw (new tracks) are embedded from their features "
        + "and neighbours. The graph needs the training graph's schema and feature columns.",
        "Writes an embedding export (the formats of `polyphony export`) whose manifest.json gives the count, "
            + "dimension, metric, normalisation and the model hash."})
final class EmbedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (DIR/model of train).")
  Path model;

  @Option(names = "--graph", required = true, paramLabel = "FILE.snap", description = "Catalog graph snapshot.")
  Path graph;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Embedding export to write.")
  Path out;

  @Option(names = "--node-type", paramLabel = "TYPE",
      description = "Node type to embed; must be the model's (default: the model's, e.g. track).")
  String nodeType;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "npy",
      description = "npy, fvecs, jsonl or voyager; repeat or separate with commas (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + EmbeddingJob.DEFAULT_BATCH_SIZE,
      description = "Nodes per inference batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--sampling", paramLabel = "MODE", defaultValue = "random",
      description = {"Neighbour sampling: random (seeded draws per batch) or hash (each node's neighbours ranked by "
          + "xxhash64(node, neighbour, seed), the same in any batch and in `polyphony spark-embed`; "
          + "needs fan-outs that do not grow from hop to hop) (default: ${DEFAULT-VALUE})."})
  String sampling;

  @Override
  public Integer call() throws Exception {
    if (!sampling.equals("random") && !sampling.equals("hash")) {
      throw new ParameterException(spec.commandLine(), "--sampling must be random or hash (got '" + sampling + "')");
    }
    Set<ExportFormat> chosen = EnumSet.noneOf(ExportFormat.class);
    try {
      for (String f : formats) {
        chosen.add(ExportFormat.fromLabel(f.trim()));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (batchSize <= 0) {
      throw new ParameterException(spec.commandLine(), "--batch-size must be > 0 (got " + batchSize + ")");
    }
    EmbeddingTable table;
    ExportManifest manifest;
    Map<NodeType, Integer> unknown;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      progress.begin("read model", -1);
      ModelBundle bundle = ModelBundle.read(model);
      progress.end();
      if (nodeType != null && !nodeType.equals(bundle.seedType().name())) {
        throw new ParameterException(spec.commandLine(), "the model embeds '" + bundle.seedType() + "' nodes, not '"
            + nodeType + "'");
      }
      progress.begin("read graph", -1);
      HeteroGraph catalog = GraphSnapshot.read(graph);
      progress.end();
      unknown = bundle.unknownNodes(catalog);
      NeighborSamplerConfig neighbours;
      try {
        neighbours = sampling.equals("hash") ? EmbeddingJob.hashSampling(bundle.config())
            : bundle.config().inferenceSampling();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--sampling hash: " + e.getMessage());
      }
      table = EmbeddingJob.embed(bundle, catalog, batchSize, neighbours, progress);
      progress.begin("write " + String.join(", ", chosen.stream().map(ExportFormat::label).toList()), -1);
      manifest = RetrievalExport.write(table, out, chosen, AnnIndexConfig.defaults(table.metadata().metric()));
      progress.end();
    }
    PrintWriter text = spec.commandLine().getOut();
    text.println("embedded " + table.size() + " " + table.nodeType() + " nodes in " + table.dimension()
        + " dimensions (" + table.metadata().metric().label() + ", normalisation "
        + table.metadata().normalization().label() + ", model " + table.metadata().modelHash() + ") to " + out);
    unknown.forEach((type, n) -> {
      if (n > 0) {
        text.println(n + " " + type + " node" + (n == 1 ? " is" : "s are") + " new to the model: no learned vector,"
            + " embedded from features and neighbours");
      }
    });
    TextTable files = new TextTable("file", "bytes", "sha256");
    for (ExportManifest.FileEntry f : manifest.files()) {
      files.row(f.name(), f.bytes(), f.sha256());
    }
    files.row(ExportManifest.FILE_NAME, Files.size(out.resolve(ExportManifest.FILE_NAME)), "-");
    files.print(text, "  ");
    text.flush();
    return 0;
  }
}
