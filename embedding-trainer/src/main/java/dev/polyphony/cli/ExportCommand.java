package dev.polyphony.cli;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.export.EmbeddingExports;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.RetrievalExport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony export}: rewrites an embedding export in the formats retrieval services load. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes embeddings in the formats retrieval services load, with a manifest.json giving "
        + "the count, dimension, metric, model hash and the SHA-256 of every file.",
        "Formats: npy (embeddings.npy + ids.tsv, numpy.load reads it), fvecs (embeddings.fvecs + ids.tsv), "
            + "jsonl (embeddings.jsonl, one {\"id\", \"vector\"} per line), voyager (index.voy, a Voyager "
            + "HNSW index whose labels are the rows of ids.tsv, + index.json)."})
final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--embeddings", required = true, paramLabel = "DIR",
      description = "Embedding export to read (a folder with manifest.json): npy, fvecs or jsonl, or the Parquet "
          + "table of spark-embed.")
  Path embeddings;

  @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT",
      description = "npy, fvecs, jsonl or voyager; repeat or separate with commas for several.")
  List<String> formats;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Option(names = "--m", paramLabel = "M", defaultValue = "" + AnnIndexConfig.DEFAULT_M,
      description = "Voyager: links per node (default: ${DEFAULT-VALUE}).")
  int m;

  @Option(names = "--ef-construction", paramLabel = "N", defaultValue = "" + AnnIndexConfig.DEFAULT_EF_CONSTRUCTION,
      description = "Voyager: candidate list while building (default: ${DEFAULT-VALUE}).")
  int efConstruction;

  @Option(names = "--ef", paramLabel = "N", defaultValue = "" + AnnIndexConfig.DEFAULT_EF,
      description = "Voyager: candidate list while searching, saved with the index (default: ${DEFAULT-VALUE}).")
  int ef;

  @Override
  public Integer call() throws Exception {
    Set<ExportFormat> chosen = EnumSet.noneOf(ExportFormat.class);
    try {
      for (String f : formats) {
        chosen.add(ExportFormat.fromLabel(f.trim()));
      }
      indexConfig(Metric.COSINE);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ExportManifest manifest;
    EmbeddingTable table;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      progress.begin("read embeddings", -1);
      table = EmbeddingExports.read(embeddings);
      progress.end();
      progress.begin("write " + String.join(", ", chosen.stream().map(ExportFormat::label).toList()), -1);
      manifest = RetrievalExport.write(table, out, chosen, indexConfig(table.metadata().metric()));
      progress.end();
    }
    PrintWriter text = spec.commandLine().getOut();
    text.println("wrote " + manifest.count() + " x " + manifest.dimension() + " " + manifest.nodeType()
        + " embeddings (" + manifest.metadata().metric().label() + ", model " + manifest.metadata().modelHash()
        + ") to " + out);
    TextTable files = new TextTable("file", "bytes", "sha256");
    for (ExportManifest.FileEntry f : manifest.files()) {
      files.row(f.name(), f.bytes(), f.sha256());
    }
    files.row(ExportManifest.FILE_NAME, Files.size(out.resolve(ExportManifest.FILE_NAME)), "-");
    files.print(text, "  ");
    text.flush();
    return 0;
  }

  /** The Voyager parameters of the options, under the table's metric; validates them. */
  private AnnIndexConfig indexConfig(Metric metric) {
    return AnnIndexConfig.defaults(metric).withM(m).withEfConstruction(efConstruction).withEf(ef);
  }
}
