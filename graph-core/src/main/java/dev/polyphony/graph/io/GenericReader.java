package dev.polyphony.graph.io;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GenericSchemaFile.AttributeSource;
import dev.polyphony.graph.io.GenericSchemaFile.EdgeSource;
import dev.polyphony.graph.io.GenericSchemaFile.NodeSource;
import dev.polyphony.graph.io.GenericSchemaFile.TimestampFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads node and edge files laid out as a {@link GenericSchemaFile} describes (see
 * docs/input-formats/generic-schema.md).
 *
 * <p>The input given to {@link #read} is the directory that relative file paths in the schema resolve
 * against, so one schema serves copies of a dataset in different places (pass the schema file's own
 * directory when the data sits beside it). Node sources are read first, in schema order, then edge
 * sources.
 *
 * <p>Rejected rows: empty or unparsable values, NaN and infinities, weights that are not > 0, sparse
 * feature indices outside the dimension, dates that are not {@code yyyy-MM-dd}, node rows of a later
 * source whose id its type's first source did not define, edge ends naming such an undefined node
 * ({@link RejectReason#DANGLING_REFERENCE}; only for node types that have node sources, the others get
 * their nodes from the edges), and a node listed again in one source with different values
 * ({@link RejectReason#CONFLICTING_DUPLICATE_NODE}). A node listed again with the same values is merged
 * and counted in the notes. Every node of a type with features needs a feature row from each source
 * that declares features, otherwise reading fails naming the source and a node without one.
 */
public final class GenericReader implements GraphReader {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final Path schemaPath;
  private final GenericSchemaFile schemaFile;
  private final GraphSchema schema;

  /** Loads and validates the schema file; a bad file is an {@link IngestException} naming the bad key. */
  public GenericReader(Path schemaFile) throws IOException {
    this.schemaPath = schemaFile;
    this.schemaFile = GenericSchemaFile.load(schemaFile);
    this.schema = this.schemaFile.graphSchema();
  }

  public Path schemaPath() {
    return schemaPath;
  }

  public GenericSchemaFile schemaFile() {
    return schemaFile;
  }

  /** The graph schema the schema file declares. */
  public GraphSchema graphSchema() {
    return schema;
  }

  /**
   * Reads the files of the schema.
   *
   * @param dataDirectory the directory relative paths in the schema resolve against
   */
  @Override
  public IngestResult read(Path dataDirectory, RejectReport rejects, ProgressTracker progress) throws IOException {
    if (!Files.isDirectory(dataDirectory)) {
      throw new IngestException("the input of schema " + schemaPath + " must be the directory its paths are "
          + "relative to (got " + dataDirectory + ")");
    }
    return new Ingestion(dataDirectory, rejects, progress).run();
  }

  /** The feature rows one node source contributes, by node index, until they are joined per node type. */
  private static final class FeatureBlock {
    final NodeSource source;
    final int dimension;
    final List<float[]> rows = new ArrayList<>();
    final BitSet present = new BitSet();

    FeatureBlock(NodeSource source) {
      this.source = source;
      this.dimension = source.featureNames().size();
    }

    void set(int node, float[] row) {
      while (rows.size() <= node) {
        rows.add(null);
      }
      rows.set(node, row);
      present.set(node);
    }

    float[] row(int node) {
      return rows.get(node);
    }
  }

  /** The state of one read. */
  private final class Ingestion {
    private final Path base;
    private final RejectReport rejects;
    private final ProgressTracker progress;
    private final HeteroGraphBuilder builder = new HeteroGraphBuilder(schema);
    private final Map<NodeType, List<FeatureBlock>> featureBlocks = new HashMap<>();
    private final Map<NodeType, List<String>> definedIds = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long rowsRead;

    Ingestion(Path base, RejectReport rejects, ProgressTracker progress) {
      this.base = base;
      this.rejects = rejects;
      this.progress = progress;
      for (EdgeType type : schema.edgeTypes()) {
        // Every source of a relation agrees on weights and timestamps (checked by the schema file).
        EdgeSource first = schemaFile.edgeSourcesOf(type.relation()).get(0);
        if (first.weighted()) {
          builder.declareWeights(type);
        }
        if (first.timestamped()) {
          builder.declareTimestamps(type);
        }
      }
    }

    IngestResult run() throws IOException {
      for (NodeSource source : schemaFile.nodes()) {
        readNodes(source);
      }
      joinFeatures();
      for (EdgeSource source : schemaFile.edges()) {
        readEdges(source);
      }
      for (EdgeType type : schema.edgeTypes()) {
        if (schemaFile.isUndirected(type.relation())) {
          notes.add("relation '" + type.relation() + "' is undirected: each row is stored once"
              + (type.isHomogeneous() ? ", from the smaller node index to the larger," : "")
              + " and its neighbours are out(" + type.relation() + ") together with in(" + type.relation() + ")");
        }
      }
      HeteroGraph graph = builder.build(progress);
      return new IngestResult(graph, rejects, builder.mergedDuplicateEdges(), rowsRead, notes);
    }

    private void readNodes(NodeSource source) throws IOException {
      NodeType type = schema.nodeType(source.type());
      boolean defining = schemaFile.nodeSourcesOf(source.type()).get(0) == source;
      List<String> ids = definedIds.computeIfAbsent(type, t -> new ArrayList<>());
      FeatureBlock block = source.hasFeatures() ? new FeatureBlock(source) : null;
      if (block != null) {
        featureBlocks.computeIfAbsent(type, t -> new ArrayList<>()).add(block);
      }
      List<AttributeSource> attributes = source.attributes();
      AttributeColumn.Builder[] columns = new AttributeColumn.Builder[attributes.size()];
      for (int a = 0; a < columns.length; a++) {
        columns[a] = builder.attribute(type, attributes.get(a).name(), attributes.get(a).kind());
      }
      BitSet seen = new BitSet();
      long[] merged = {0};
      try (DelimitedFileReader reader = source.file().open(base)) {
        int idColumn = reader.column(source.id());
        int[] attributeColumns = attributes.stream().mapToInt(a -> reader.column(a.column())).toArray();
        int[] denseColumns = source.features().stream().mapToInt(reader::column).toArray();
        int sparseColumn = source.sparseFeatures() == null ? -1 : reader.column(source.sparseFeatures().column());
        String definingFile = schemaFile.nodeSourcesOf(source.type()).get(0).file().path();
        rowsRead += reader.forEachRow(rejects, progress, row -> {
          String id = row.text(idColumn);
          Object[] values = new Object[columns.length];
          for (int a = 0; a < columns.length; a++) {
            values[a] = attributeValue(row, attributeColumns[a], columns[a].kind());
          }
          float[] features = block == null ? null : featureRow(row, block, denseColumns, sparseColumn);
          int node = builder.nodeIndex(type, id);
          if (node < 0 && !defining) {
            throw row.reject(idColumn, RejectReason.DANGLING_REFERENCE,
                type + " '" + id + "' is not defined by " + definingFile);
          }
          if (node >= 0 && seen.get(node)) {
            requireSameValues(row, type, id, node, columns, attributeColumns, values, block, features,
                denseColumns, sparseColumn);
            merged[0]++;
            return;
          }
          if (node < 0) {
            node = builder.addNode(type, id);
            ids.add(id);
          }
          for (int a = 0; a < columns.length; a++) {
            columns[a].set(node, values[a]);
          }
          if (block != null) {
            block.set(node, features);
          }
          seen.set(node);
        });
      }
      if (merged[0] > 0) {
        notes.add(source.file().path() + ": " + merged[0] + " exact duplicate node row(s) of '" + type + "' merged");
      }
    }

    private Object attributeValue(DelimitedRow row, int column, AttributeKind kind) throws RowRejectedException {
      if (row.isEmpty(column)) {
        return null;
      }
      return switch (kind) {
        case INT -> row.intNumber(column);
        case FLOAT -> row.finiteFloat(column);
        case STRING -> row.raw(column);
        case DATE -> row.isoDate(column);
      };
    }

    private float[] featureRow(DelimitedRow row, FeatureBlock block, int[] denseColumns, int sparseColumn)
        throws RowRejectedException {
      float[] features = new float[block.dimension];
      for (int f = 0; f < denseColumns.length; f++) {
        features[f] = row.finiteFloat(denseColumns[f]);
      }
      if (sparseColumn >= 0) {
        for (int index : row.indexList(sparseColumn, block.source.sparseFeatures().dimension())) {
          features[denseColumns.length + index] = 1f;
        }
      }
      return features;
    }

    private void requireSameValues(DelimitedRow row, NodeType type, String id, int node,
        AttributeColumn.Builder[] columns, int[] attributeColumns, Object[] values, FeatureBlock block,
        float[] features, int[] denseColumns, int sparseColumn) throws RowRejectedException {
      for (int a = 0; a < columns.length; a++) {
        Object known = columns[a].get(node);
        if (!Objects.equals(known, values[a])) {
          throw row.reject(attributeColumns[a], RejectReason.CONFLICTING_DUPLICATE_NODE,
              type + " '" + id + "' already has " + columns[a].name() + "=" + known + " (got " + values[a] + ")");
        }
      }
      if (block != null) {
        float[] known = block.row(node);
        for (int f = 0; f < features.length; f++) {
          if (known[f] != features[f]) {
            int column = f < denseColumns.length ? denseColumns[f] : sparseColumn;
            throw row.reject(column, RejectReason.CONFLICTING_DUPLICATE_NODE,
                type + " '" + id + "' already has " + block.source.featureNames().get(f) + "=" + known[f]
                    + " (got " + features[f] + ")");
          }
        }
      }
    }

    /** Concatenates each node type's feature blocks in source order; every node needs every block. */
    private void joinFeatures() {
      for (Map.Entry<NodeType, List<FeatureBlock>> entry : featureBlocks.entrySet()) {
        NodeType type = entry.getKey();
        List<FeatureBlock> blocks = entry.getValue();
        int nodes = builder.nodeCount(type);
        List<String> names = new ArrayList<>();
        for (FeatureBlock block : blocks) {
          int missing = nodes - block.present.cardinality();
          if (missing > 0) {
            throw new IngestException(block.source.file().path() + ": " + missing + " node(s) of '" + type
                + "' have no accepted feature row, e.g. '" + definedIds.get(type).get(block.present.nextClearBit(0))
                + "' (see the reject report); every node of a type with features needs one");
          }
          names.addAll(block.source.featureNames());
        }
        builder.declareFeatures(type, names);
        float[] row = new float[names.size()];
        for (int node = 0; node < nodes; node++) {
          int offset = 0;
          for (FeatureBlock block : blocks) {
            System.arraycopy(block.row(node), 0, row, offset, block.dimension);
            offset += block.dimension;
          }
          builder.setFeatures(type, node, row);
        }
      }
    }

    private void readEdges(EdgeSource source) throws IOException {
      EdgeType type = schema.edgeType(source.relation());
      boolean srcDefined = !schemaFile.nodeSourcesOf(source.src().type()).isEmpty();
      boolean dstDefined = !schemaFile.nodeSourcesOf(source.dst().type()).isEmpty();
      boolean canonical = source.undirected() && type.isHomogeneous();
      try (DelimitedFileReader reader = source.file().open(base)) {
        int srcColumn = reader.column(source.src().column());
        int dstColumn = reader.column(source.dst().column());
        int weightColumn = source.weighted() ? reader.column(source.weight()) : -1;
        int timeColumn = source.timestamped() ? reader.column(source.timestamp()) : -1;
        rowsRead += reader.forEachRow(rejects, progress, row -> {
          String srcId = row.text(srcColumn);
          String dstId = row.text(dstColumn);
          float weight = weightColumn >= 0 ? row.positiveFloat(weightColumn) : 1f;
          long time = timeColumn >= 0 ? timestamp(row, timeColumn, source.timestampFormat()) : 0L;
          int s = endpoint(row, srcColumn, type.src(), srcId, srcDefined);
          int d = endpoint(row, dstColumn, type.dst(), dstId, dstDefined);
          s = s >= 0 ? s : builder.addNode(type.src(), srcId);
          d = d >= 0 ? d : builder.addNode(type.dst(), dstId);
          if (canonical && s > d) {
            int swap = s;
            s = d;
            d = swap;
          }
          if (timeColumn >= 0) {
            builder.addEdge(type, s, d, weight, time);
          } else if (weightColumn >= 0) {
            builder.addEdge(type, s, d, weight);
          } else {
            builder.addEdge(type, s, d);
          }
        });
      }
    }

    /** The node index of an edge end; -1 when the node is still to be created from this edge. */
    private int endpoint(DelimitedRow row, int column, NodeType type, String id, boolean defined)
        throws RowRejectedException {
      int node = builder.nodeIndex(type, id);
      if (node < 0 && defined) {
        throw row.reject(column, RejectReason.DANGLING_REFERENCE, type + " '" + id + "' is not defined by "
            + schemaFile.nodeSourcesOf(type.name()).get(0).file().path());
      }
      return node;
    }

    private long timestamp(DelimitedRow row, int column, TimestampFormat format) throws RowRejectedException {
      return switch (format) {
        case EPOCH_MILLIS -> row.wholeNumber(column);
        case ISO_DATE -> row.isoDate(column).toEpochDay() * MILLIS_PER_DAY;
      };
    }
  }
}
