package dev.polyphony.pipeline;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.job.EmbeddingJob;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.RetrievalExport;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Embeds every track of the full catalog with the trained model ({@link EmbeddingJob}): the held-out new tracks,
 * which the model never saw, from their features and neighbours. Exports the table for retrieval services
 * ({@link RetrievalExport}) into {@code embeddings/}: {@code embeddings.npy} + {@code ids.tsv}, the Voyager index
 * {@code index.voy} + {@code index.json}, and {@code manifest.json} with the SHA-256 of every file.
 */
final class EmbedStage implements Stage {
  @Override
  public String name() {
    return "embed";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest", "train");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    return List.of(c.layout().graph(), c.layout().model());
  }

  @Override
  public String settings(StageContext c) {
    return "batchSize=" + EmbeddingJob.DEFAULT_BATCH_SIZE + ", formats=npy,voyager, index=defaults";
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().embeddings());
  }

  @Override
  public void run(StageContext c) throws Exception {
    c.progress().begin("read model", -1);
    ModelBundle bundle = ModelBundle.read(c.layout().model());
    c.progress().end();
    HeteroGraph graph = c.graph();
    Map<NodeType, Integer> unknown = bundle.unknownNodes(graph);
    EmbeddingTable table = EmbeddingJob.embed(bundle, graph, EmbeddingJob.DEFAULT_BATCH_SIZE, c.progress());
    Path dir = c.layout().embeddings();
    TrainStage.deleteTree(dir);
    c.progress().begin("write npy and the Voyager index", -1);
    ExportManifest manifest = RetrievalExport.write(table, dir, EnumSet.of(ExportFormat.NPY, ExportFormat.VOYAGER),
        AnnIndexConfig.defaults(table.metadata().metric()));
    c.progress().end();
    c.text().printf(Locale.ROOT, "   embedded %,d %s nodes in %d dimensions (model %s); %,d of them new to the model,"
        + " embedded from features and neighbours%n", table.size(), table.nodeType(), table.dimension(),
        table.metadata().modelHash(), unknown.getOrDefault(bundle.seedType(), 0));
    c.text().println("   export:  " + dir + " (" + String.join(", ", manifest.files().stream()
        .map(ExportManifest.FileEntry::name).toList()) + ", " + ExportManifest.FILE_NAME + ")");
  }
}
