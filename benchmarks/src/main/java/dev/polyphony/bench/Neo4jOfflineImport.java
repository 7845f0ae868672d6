package dev.polyphony.bench;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.neo4j.GraphMapping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Neo4j's offline bulk importer ({@code neo4j-admin database import full}) driven in-process for a fresh
 * store: the graph is written as one CSV file per node type and relation, laid out as {@link GraphMapping}
 * lays out the online import (labels, relationship types, {@code id}, {@code features} as a float array,
 * attributes, {@code weight}, {@code timestamp}), and imported into the default database of a Neo4j home
 * that is not running. Node ids in the files are the dense indexes ({@code --id-type=integer}, one id
 * space per label), so the importer needs no string lookups. The uniqueness constraints on {@code id} are
 * created online afterwards, as the Community importer cannot.
 */
final class Neo4jOfflineImport {
  private Neo4jOfflineImport() {}

  /** Writes the CSV files of {@code graph} into {@code csvDir}; returns the importer's arguments. */
  static List<String> writeCsv(HeteroGraph graph, GraphMapping mapping, Path csvDir) throws IOException {
    Files.createDirectories(csvDir);
    List<String> args = new ArrayList<>();
    for (NodeType t : graph.schema().nodeTypes()) {
      String label = mapping.label(t);
      Path file = csvDir.resolve("nodes-" + label + ".csv");
      writeNodes(graph, t, label, file);
      args.add("--nodes=" + label + "=" + file);
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      String type = mapping.relationshipType(e);
      Path file = csvDir.resolve("relationships-" + type + ".csv");
      writeRelationships(graph.out(e), mapping.label(e.src()), mapping.label(e.dst()), file);
      args.add("--relationships=" + type + "=" + file);
    }
    return args;
  }

  /** Runs the importer on the default database of {@code home}, replacing whatever store it had. */
  static void importInto(Path home, List<String> fileArgs) throws IOException {
    Path conf = Files.createDirectories(home.resolve("conf"));
    List<String> args = new ArrayList<>(List.of("neo4j", "--overwrite-destination=true", "--id-type=integer",
        "--array-delimiter=;", "--threads=" + Runtime.getRuntime().availableProcessors()));
    args.addAll(fileArgs);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ExecutionContext context = new ExecutionContext(home, conf, quiet, System.err,
        new DefaultFileSystemAbstraction());
    int code = new CommandLine(new ImportCommand.Full(context)).execute(args.toArray(new String[0]));
    if (code != 0) {
      throw new IllegalStateException("the offline importer failed with exit code " + code);
    }
  }

  private static void writeNodes(HeteroGraph graph, NodeType t, String label, Path file) throws IOException {
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
        header.append(',').append(GraphMapping.DEFAULT_FEATURES).append(":double[]");
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
          } else if (v != null) {
            row.append(v);
          }
        }
        if (features != null) {
          row.append(',');
          float[] f = features.row(i);
          for (int k = 0; k < f.length; k++) {
            row.append(k == 0 ? "" : ";").append(f[k]);
          }
        }
        w.write(row.append('\n').toString());
      }
    }
  }

  private static void writeRelationships(CsrAdjacency out, String sourceLabel, String targetLabel, Path file)
      throws IOException {
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
            row.append(',').append(out.weight(p));
          }
          if (out.hasTimestamps()) {
            row.append(',').append(out.timestamp(p));
          }
          w.write(row.append('\n').toString());
        }
      }
    }
  }

  private static void quoted(StringBuilder sb, String value) {
    sb.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
