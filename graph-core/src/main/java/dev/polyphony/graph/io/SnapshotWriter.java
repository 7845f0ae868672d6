package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SnapshotFormat.*;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serialises a graph in the snapshot format. Each section's payload is first measured with a
 * counting output, so the header can state the file's total length and every section its own.
 */
final class SnapshotWriter {
  private final HeteroGraph graph;
  private final List<Section> sections = new ArrayList<>();
  private final long length;

  private interface Body {
    void write(SnapshotOutput out) throws IOException;
  }

  private record Section(int tag, Body body, long payloadBytes) {}

  SnapshotWriter(HeteroGraph graph) throws IOException {
    this.graph = graph;
    GraphSchema schema = graph.schema();
    add(SCHEMA, this::writeSchema);
    for (int t = 0; t < schema.nodeTypeCount(); t++) {
      int type = t;
      NodeType nodeType = schema.nodeTypes().get(t);
      add(IDS, out -> writeIds(out, type, graph.ids(nodeType)));
      Optional<NodeFeatures> features = graph.features(nodeType);
      if (features.isPresent()) {
        add(FEATURES, out -> writeFeatures(out, type, features.get()));
      }
      for (AttributeColumn column : graph.attributes(nodeType).columns()) {
        add(ATTRIBUTE, out -> writeAttribute(out, type, column));
      }
    }
    for (int e = 0; e < schema.edgeTypeCount(); e++) {
      int edge = e;
      EdgeType edgeType = schema.edgeTypes().get(e);
      add(OUT_ADJACENCY, out -> writeAdjacency(out, edge, graph.out(edgeType)));
      add(IN_ADJACENCY, out -> writeAdjacency(out, edge, graph.in(edgeType)));
    }
    long total = HEADER_BYTES + TRAILER_BYTES;
    for (Section s : sections) {
      total += SECTION_HEADER_BYTES + s.payloadBytes();
    }
    this.length = total;
  }

  /** The exact length of the file {@link #writeTo} produces. */
  long length() {
    return length;
  }

  void writeTo(OutputStream stream, ProgressTracker progress) throws IOException {
    SnapshotOutput out = SnapshotOutput.to(stream, progress);
    out.writeBytes(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(sections.size());
    out.writeLong(length);
    for (Section s : sections) {
      out.writeInt(s.tag());
      out.writeLong(s.payloadBytes());
      long start = out.position();
      s.body().write(out);
      if (out.position() - start != s.payloadBytes()) {
        throw new IllegalStateException("section " + tagName(s.tag()) + " wrote " + (out.position() - start)
            + " bytes but measured " + s.payloadBytes());
      }
    }
    out.flush();
    int checksum = out.checksum();
    if (out.position() + TRAILER_BYTES != length) {
      throw new IllegalStateException("wrote " + (out.position() + TRAILER_BYTES) + " bytes, planned " + length);
    }
    out.writeInt(checksum);
    out.flush();
  }

  private void add(int tag, Body body) throws IOException {
    SnapshotOutput counter = SnapshotOutput.counting();
    body.write(counter);
    sections.add(new Section(tag, body, counter.position()));
  }

  private void writeSchema(SnapshotOutput out) throws IOException {
    GraphSchema schema = graph.schema();
    out.writeInt(schema.nodeTypeCount());
    for (NodeType t : schema.nodeTypes()) {
      out.writeString(t.name());
    }
    out.writeInt(schema.edgeTypeCount());
    for (EdgeType e : schema.edgeTypes()) {
      out.writeInt(schema.indexOf(e.src()));
      out.writeString(e.relation());
      out.writeInt(schema.indexOf(e.dst()));
    }
  }

  private static void writeIds(SnapshotOutput out, int type, IdMap ids) throws IOException {
    out.writeInt(type);
    out.writeInt(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.writeString(ids.externalId(i));
    }
  }

  private static void writeFeatures(SnapshotOutput out, int type, NodeFeatures features) throws IOException {
    out.writeInt(type);
    out.writeInt(features.rows());
    out.writeInt(features.dimension());
    for (String column : features.columns()) {
      out.writeString(column);
    }
    out.writeFloats(features.valuesView());
  }

  private static void writeAttribute(SnapshotOutput out, int type, AttributeColumn column) throws IOException {
    out.writeInt(type);
    out.writeString(column.name());
    out.writeInt(kindCode(column.kind()));
    out.writeInt(column.size());
    long[] presence = column.copyPresence().toLongArray();
    out.writeInt(presence.length);
    out.writeLongs(LongBuffer.wrap(presence));
    if (column.kind() == AttributeKind.FLOAT) {
      out.writeFloats(FloatBuffer.wrap(column.copyFloats()));
    } else {
      out.writeInts(IntBuffer.wrap(column.copyInts()));
    }
    if (column.kind() == AttributeKind.STRING) {
      out.writeInt(column.dictionary().size());
      for (String value : column.dictionary()) {
        out.writeString(value);
      }
    }
  }

  private static void writeAdjacency(SnapshotOutput out, int edge, CsrAdjacency adjacency) throws IOException {
    out.writeInt(edge);
    out.writeInt(adjacency.rowCount());
    out.writeInt(adjacency.targetCount());
    out.writeInt(adjacency.edgeCount());
    out.writeInt((adjacency.hasWeights() ? FLAG_WEIGHTS : 0) | (adjacency.hasTimestamps() ? FLAG_TIMESTAMPS : 0));
    out.writeInts(adjacency.offsetsView());
    out.writeInts(adjacency.targetsView());
    if (adjacency.hasWeights()) {
      out.writeFloats(adjacency.weightsView());
    }
    if (adjacency.hasTimestamps()) {
      out.writeLongs(adjacency.timestampsView());
    }
  }
}
