package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.SnapshotFormat.*;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeAttributes;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Reads a snapshot in one streaming pass. The header is checked first (magic, version, length
 * against the file's size); sections are then parsed while the CRC32C is computed, and the graph is
 * assembled only after the checksum matched. Structural invariants the graph relies on (monotone
 * offsets, sorted in-range targets, valid dictionary codes) are checked as arrays arrive.
 */
final class SnapshotReader {
  private final Path file;
  private SnapshotInput in;
  private GraphSchema schema;
  private IdMap[] ids;
  private NodeFeatures[] features;
  private List<AttributeColumn>[] attributes;
  private CsrAdjacency[] out;
  private CsrAdjacency[] inverse;

  private SnapshotReader(Path file) {
    this.file = file;
  }

  static HeteroGraph read(Path file, ProgressTracker progress) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return new SnapshotReader(file).read(channel, progress);
    }
  }

  private HeteroGraph read(FileChannel channel, ProgressTracker progress) throws IOException {
    long size = channel.size();
    ByteBuffer header = readFully(channel, 0, (int) Math.min(size, HEADER_BYTES));
    int sectionCount = checkHeader(header, size);
    long bodyEnd = size - TRAILER_BYTES;
    progress.begin("read snapshot", size);
    try {
      return readBody(channel, bodyEnd, sectionCount, progress);
    } finally {
      progress.end();
    }
  }

  private HeteroGraph readBody(FileChannel channel, long bodyEnd, int sectionCount, ProgressTracker progress)
      throws IOException {
    in = new SnapshotInput(file, channel, bodyEnd, progress);
    try {
      in.skip(HEADER_BYTES);
      for (int s = 0; s < sectionCount; s++) {
        readSection(s);
      }
      if (in.remaining() != 0) {
        throw in.corrupt(in.remaining() + " bytes follow the last of " + sectionCount + " sections");
      }
    } catch (CorruptSnapshotException | RuntimeException e) {
      // A damaged byte usually shows up as a parse error first; report it as what it is.
      in.drain();
      int expected = storedChecksum(channel, bodyEnd);
      if (expected != in.checksum()) {
        CorruptSnapshotException mismatch = CorruptSnapshotException.checksumMismatch(file, expected, in.checksum());
        mismatch.addSuppressed(e);
        throw mismatch;
      }
      throw e instanceof CorruptSnapshotException c ? c
          : new CorruptSnapshotException(file, "invalid content: " + e.getMessage(), e);
    }
    int expected = storedChecksum(channel, bodyEnd);
    if (expected != in.checksum()) {
      throw CorruptSnapshotException.checksumMismatch(file, expected, in.checksum());
    }
    progress.step(TRAILER_BYTES);
    try {
      return assemble();
    } catch (RuntimeException e) {
      throw new CorruptSnapshotException(file, "invalid content: " + e.getMessage(), e);
    }
  }

  /** Checks magic, version and length; returns the section count. */
  private int checkHeader(ByteBuffer header, long size) throws IOException {
    int magicBytes = Math.min(header.remaining(), MAGIC.length);
    for (int i = 0; i < magicBytes; i++) {
      if (header.get(i) != MAGIC[i]) {
        throw new IOException("not a Polyphony snapshot: " + file);
      }
    }
    if (size < HEADER_BYTES) {
      throw CorruptSnapshotException.lengthMismatch(file, HEADER_BYTES, size);
    }
    int version = header.getInt(8);
    if (version != VERSION) {
      throw new IOException("unsupported snapshot version " + version + " in " + file
          + " (this build reads version " + VERSION + ")");
    }
    int sectionCount = header.getInt(12);
    long length = header.getLong(16);
    if (length != size) {
      throw CorruptSnapshotException.lengthMismatch(file, length, size);
    }
    if (size < HEADER_BYTES + TRAILER_BYTES || sectionCount < 0) {
      throw new CorruptSnapshotException(file, "header states " + sectionCount + " sections in " + size + " bytes");
    }
    return sectionCount;
  }

  private void readSection(int index) throws IOException {
    in.limit(Long.MAX_VALUE);
    int tag = in.readInt();
    long length = in.readLong();
    if (length < 0 || length > in.remaining()) {
      throw in.corrupt("section " + index + " (" + tagName(tag) + ") states " + length + " bytes but "
          + in.remaining() + " remain");
    }
    if (index == 0 && tag != SCHEMA) {
      throw in.corrupt("the first section is " + tagName(tag) + ", not " + tagName(SCHEMA));
    }
    long end = in.position() + length;
    in.limit(end);
    if (tag == SCHEMA) {
      readSchema();
    } else if (tag == IDS) {
      readIds();
    } else if (tag == FEATURES) {
      readFeatures();
    } else if (tag == ATTRIBUTE) {
      readAttribute();
    } else if (tag == OUT_ADJACENCY || tag == IN_ADJACENCY) {
      readAdjacency(tag == OUT_ADJACENCY ? out : inverse, tag);
    } else {
      in.skip(length); // a section this version does not know: additive, safe to ignore
    }
    if (in.position() != end) {
      throw in.corrupt("section " + tagName(tag) + " states " + length + " bytes but its content ends "
          + (end - in.position()) + " bytes early");
    }
  }

  @SuppressWarnings("unchecked")
  private void readSchema() throws IOException {
    if (schema != null) {
      throw in.corrupt("a second schema section");
    }
    int nodeTypeCount = in.readCount("node type count", in.remaining() / 4);
    List<NodeType> nodeTypes = new ArrayList<>(nodeTypeCount);
    for (int t = 0; t < nodeTypeCount; t++) {
      nodeTypes.add(new NodeType(in.readString()));
    }
    int edgeTypeCount = in.readCount("edge type count", in.remaining() / 12);
    List<EdgeType> edgeTypes = new ArrayList<>(edgeTypeCount);
    for (int e = 0; e < edgeTypeCount; e++) {
      NodeType src = nodeTypes.get(readIndex("source node type", nodeTypeCount));
      String relation = in.readString();
      NodeType dst = nodeTypes.get(readIndex("destination node type", nodeTypeCount));
      edgeTypes.add(new EdgeType(src, relation, dst));
    }
    schema = new GraphSchema(nodeTypes, edgeTypes);
    ids = new IdMap[nodeTypeCount];
    features = new NodeFeatures[nodeTypeCount];
    attributes = new List[nodeTypeCount];
    for (int t = 0; t < nodeTypeCount; t++) {
      attributes[t] = new ArrayList<>();
    }
    out = new CsrAdjacency[edgeTypeCount];
    inverse = new CsrAdjacency[edgeTypeCount];
  }

  private void readIds() throws IOException {
    int type = readIndex("node type", schema.nodeTypeCount());
    if (ids[type] != null) {
      throw in.corrupt("a second id section for node type '" + schema.nodeTypes().get(type) + "'");
    }
    String[] externalIds = new String[in.readCount("id count", in.remaining() / 4)];
    for (int i = 0; i < externalIds.length; i++) {
      externalIds[i] = in.readString();
    }
    ids[type] = IdMap.of(Arrays.asList(externalIds));
  }

  private void readFeatures() throws IOException {
    int type = readIndex("node type", schema.nodeTypeCount());
    if (features[type] != null) {
      throw in.corrupt("a second feature section for node type '" + schema.nodeTypes().get(type) + "'");
    }
    int rows = in.readCount("feature rows", Integer.MAX_VALUE);
    int columns = in.readCount("feature columns", in.remaining() / 4);
    List<String> names = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      names.add(in.readString());
    }
    long values = (long) rows * columns;
    if (values > Integer.MAX_VALUE) {
      throw in.corrupt("feature matrix " + rows + " x " + columns + " is too large");
    }
    features[type] = new NodeFeatures(names, rows, in.readFloats((int) values, "feature values"));
  }

  private void readAttribute() throws IOException {
    int type = readIndex("node type", schema.nodeTypeCount());
    String name = in.readString();
    int code = in.readInt();
    AttributeKind kind = kindOf(code);
    if (kind == null) {
      throw in.corrupt("attribute '" + name + "' has unknown kind code " + code);
    }
    int rows = in.readCount("attribute rows", in.remaining() / 4);
    int words = in.readCount("presence words", (rows + 63) / 64);
    BitSet present = BitSet.valueOf(in.readLongs(words, "presence bits"));
    if (present.length() > rows) {
      throw in.corrupt("attribute '" + name + "' marks row " + (present.length() - 1) + " of " + rows);
    }
    int[] ints = null;
    float[] floats = null;
    if (kind == AttributeKind.FLOAT) {
      floats = in.readFloats(rows, "attribute values");
    } else {
      ints = in.readInts(rows, "attribute values");
    }
    List<String> dictionary = List.of();
    if (kind == AttributeKind.STRING) {
      String[] values = new String[in.readCount("dictionary size", in.remaining() / 4)];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readString();
      }
      dictionary = Arrays.asList(values);
      for (int row = present.nextSetBit(0); row >= 0; row = present.nextSetBit(row + 1)) {
        if (ints[row] < 0 || ints[row] >= values.length) {
          throw in.corrupt("attribute '" + name + "' row " + row + " has code " + ints[row]
              + " outside its dictionary of " + values.length);
        }
      }
    }
    attributes[type].add(new AttributeColumn(name, kind, rows, present, ints, floats, dictionary));
  }

  private void readAdjacency(CsrAdjacency[] direction, int tag) throws IOException {
    int edge = readIndex("edge type", schema.edgeTypeCount());
    String what = tagName(tag) + " of '" + schema.edgeTypes().get(edge).relation() + "'";
    if (direction[edge] != null) {
      throw in.corrupt("a second section " + what);
    }
    int rows = in.readCount("row count", in.remaining() / 4 - 1);
    int targetCount = in.readCount("target count", Integer.MAX_VALUE);
    int edges = in.readCount("edge count", in.remaining() / 4);
    int flags = in.readInt();
    if ((flags & ~(FLAG_WEIGHTS | FLAG_TIMESTAMPS)) != 0) {
      throw in.corrupt(what + " has unknown flags " + Integer.toHexString(flags));
    }
    int[] offsets = in.readInts(rows + 1, "offsets");
    int[] targets = in.readInts(edges, "targets");
    float[] weights = (flags & FLAG_WEIGHTS) != 0 ? in.readFloats(edges, "weights") : null;
    long[] timestamps = (flags & FLAG_TIMESTAMPS) != 0 ? in.readLongs(edges, "timestamps") : null;
    checkCsr(what, offsets, targets, targetCount);
    direction[edge] = new CsrAdjacency(offsets, targets, weights, timestamps, targetCount);
  }

  /** Offsets start at 0, never decrease and end at the edge count; each row is strictly ascending in range. */
  private void checkCsr(String what, int[] offsets, int[] targets, int targetCount) throws CorruptSnapshotException {
    if (offsets[0] != 0 || offsets[offsets.length - 1] != targets.length) {
      throw in.corrupt(what + " offsets run from " + offsets[0] + " to " + offsets[offsets.length - 1]
          + ", not 0 to " + targets.length);
    }
    for (int u = 0; u + 1 < offsets.length; u++) {
      int start = offsets[u];
      int end = offsets[u + 1];
      if (end < start) {
        throw in.corrupt(what + " offsets decrease at row " + u);
      }
      int previous = -1;
      for (int p = start; p < end; p++) {
        int v = targets[p];
        if (v <= previous || v >= targetCount) {
          throw in.corrupt(what + " row " + u + " has target " + v + " out of order or outside [0, "
              + targetCount + ")");
        }
        previous = v;
      }
    }
  }

  private int readIndex(String what, int count) throws IOException {
    int i = in.readInt();
    if (i < 0 || i >= count) {
      throw in.corrupt(what + " index " + i + " outside [0, " + count + ")");
    }
    return i;
  }

  private HeteroGraph assemble() throws CorruptSnapshotException {
    if (schema == null) {
      throw new CorruptSnapshotException(file, "no schema section");
    }
    int nt = schema.nodeTypeCount();
    NodeAttributes[] attrs = new NodeAttributes[nt];
    for (int t = 0; t < nt; t++) {
      if (ids[t] == null) {
        throw new CorruptSnapshotException(file, "no id section for node type '" + schema.nodeTypes().get(t) + "'");
      }
      attrs[t] = new NodeAttributes(ids[t].size(), attributes[t]);
    }
    for (int e = 0; e < schema.edgeTypeCount(); e++) {
      if (out[e] == null || inverse[e] == null) {
        throw new CorruptSnapshotException(file, "adjacency of " + schema.edgeTypes().get(e) + " is missing");
      }
    }
    return new HeteroGraph(schema, ids, features, attrs, out, inverse);
  }

  private int storedChecksum(FileChannel channel, long bodyEnd) throws IOException {
    return readFully(channel, bodyEnd, TRAILER_BYTES).getInt(0);
  }

  private ByteBuffer readFully(FileChannel channel, long position, int bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw CorruptSnapshotException.lengthMismatch(file, position + bytes, position + buffer.position());
      }
    }
    return buffer.flip();
  }
}
