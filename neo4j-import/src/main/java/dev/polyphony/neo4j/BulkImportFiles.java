package dev.polyphony.neo4j;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph as the CSV files of Neo4j's offline importer, laid out as {@link GraphImporter} lays out the
 * graph online: one file per node type with the label's nodes ({@code id} as a string, attributes typed,
 * features as a float array in property {@code features}), one file per relation with its relationships
 * ({@code weight}, {@code timestamp}). Node ids in the files are the dense indexes, one id space per label
 * ({@code --id-type=integer}), so the importer needs no string lookups. Floats are written as the doubles
 * the driver would send, so both imports store the same values.
 */
final class BulkImportFiles {
  private final List<String> arguments = new ArrayList<>();
  private boolean lineBreaks;

  private BulkImportFiles() {}

  /** Writes the files of {@code graph} into {@code dir}. */
  static BulkImportFiles write(HeteroGraph graph, GraphMapping mapping, Path dir, ProgressTracker progress)
      throws IOException {
    Files.createDirectories(dir);
    BulkImportFiles files = new BulkImportFiles();
    for (NodeType t : graph.schema().nodeTypes()) {
      String label = mapping.label(t);
      Path file = dir.resolve("nodes-" + label + ".csv");
      progress.begin("CSV " + label, graph.nodeCount(t));
      files.writeNodes(graph, t, label, mapping.featuresProperty(), file, progress);
      progress.end();
      files.arguments.add("--nodes=" + label + "=" + file);
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      String type = mapping.relationshipType(e);
      Path file = dir.resolve("relationships-" + type + ".csv");
      progress.begin("CSV " + type, graph.edgeCount(e));
      writeRelationships(graph.out(e), mapping.label(e.src()), mapping.label(e.dst()), file, progress);
      progress.end();
      files.arguments.add("--relationships=" + type + "=" + file);
    }
    return files;
  }

  /** The importer's {@code --nodes} and {@code --relationships} arguments. */
  List<String> arguments() {
    return List.copyOf(arguments);
  }

  /** Whether some quoted value holds a line break (the importer then needs {@code --multiline-fields}). */
  boolean hasLineBreaks() {
    return lineBreaks;
  }

  private void writeNodes(HeteroGraph graph, NodeType t, String label, String featuresProperty, Path file,
      ProgressTracker progress) throws IOException {
    IdMap ids = graph.ids(t);
    List<AttributeColumn> columns = graph.attributes(t).columns();
    NodeFeatures features = graph.features(t).orElse(null);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder(":ID(").append(label).append("),").append(GraphMapping.ID);
      for (AttributeColumn c : columns) {
        header.append(',').append(c.name()).append(':').append(switch (c.kind()) {
          case INT -> "long";
          case FLOAT -> "double";
          case STRING -> "string";
          case DATE -> "date";
        });
      }
      if (features != null) {
        header.append(',').append(featuresProperty).append(":double[]");
      }
      w.write(header.append('\n').toString());
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < ids.size(); i++) {
        row.setLength(0);
        row.append(i).append(',');
        quoted(row, ids.externalId(i));
        for (AttributeColumn c : columns) {
          row.append(',');
          Object v = c.get(i);
          if (v instanceof String s) {
            quoted(row, s);
          } else if (v instanceof Float f) {
            row.append(f.doubleValue());
          } else if (v instanceof LocalDate || v instanceof Integer) {
            row.append(v);
          } else if (v != null) {
            throw new IllegalStateException("attribute " + c.name() + " holds a " + v.getClass().getSimpleName());
          }
        }
        if (features != null) {
          row.append(',');
          float[] f = features.row(i);
          for (int k = 0; k < f.length; k++) {
            row.append(k == 0 ? "" : ";").append((double) f[k]);
          }
        }
        w.write(row.append('\n').toString());
      }
    }
    progress.step(ids.size());
  }

  private static void writeRelationships(CsrAdjacency out, String sourceLabel, String targetLabel, Path file,
      ProgressTracker progress) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(":START_ID(" + sourceLabel + "),:END_ID(" + targetLabel + ")"
          + (out.hasWeights() ? "," + GraphMapping.WEIGHT + ":double" : "")
          + (out.hasTimestamps() ? "," + GraphMapping.TIMESTAMP + ":long" : "") + "\n");
      StringBuilder row = new StringBuilder();
      for (int u = 0; u < out.rowCount(); u++) {
        for (int p = out.start(u); p < out.end(u); p++) {
          row.setLength(0);
          row.append(u).append(',').append(out.target(p));
          if (out.hasWeights()) {
            row.append(',').append((double) out.weight(p));
          }
          if (out.hasTimestamps()) {
            row.append(',').append(out.timestamp(p));
          }
          w.write(row.append('\n').toString());
        }
        progress.step(out.degree(u));
      }
    }
  }

  private void quoted(StringBuilder sb, String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      lineBreaks = true;
    }
    sb.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
