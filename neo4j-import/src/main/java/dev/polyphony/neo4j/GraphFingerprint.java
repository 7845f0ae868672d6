package dev.polyphony.neo4j;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * SHA-256 over everything an import writes: the mapping, every id, feature, attribute and edge. Two
 * imports with equal fingerprints write the same nodes, properties and relationships, which is what
 * lets an import recognise its own earlier, partial or finished run.
 */
public final class GraphFingerprint {
  private static final int CHUNK = 1 << 14;

  private final MessageDigest digest;
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);

  private GraphFingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The fingerprint as 64 lower-case hex digits. */
  public static String of(HeteroGraph graph, GraphMapping mapping) {
    GraphFingerprint f = new GraphFingerprint();
    f.text(mapping.featuresProperty());
    f.text(new TreeMap<>(mapping.labels()).toString());
    f.text(new TreeMap<>(mapping.relationshipTypes()).toString());
    for (NodeType t : graph.schema().nodeTypes()) {
      f.text(t.name());
      IdMap ids = graph.ids(t);
      f.putInt(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        f.text(ids.externalId(i));
      }
      graph.features(t).ifPresent(f::features);
      for (AttributeColumn c : graph.attributes(t).columns()) {
        f.text(c.name());
        f.text(c.kind().name());
        f.text(String.join("\u0000", c.dictionary()));
        f.bytes(c.copyPresence().toByteArray());
        int[] ints = c.copyInts();
        if (ints != null) {
          f.ints(IntBuffer.wrap(ints));
        }
        float[] floats = c.copyFloats();
        if (floats != null) {
          f.floats(FloatBuffer.wrap(floats));
        }
      }
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      f.text(e.toString());
      CsrAdjacency out = graph.out(e);
      f.ints(out.offsetsView());
      f.ints(out.targetsView());
      if (out.hasWeights()) {
        f.floats(out.weightsView());
      }
      if (out.hasTimestamps()) {
        f.longs(out.timestampsView());
      }
    }
    return HexFormat.of().formatHex(f.digest.digest());
  }

  /** A short form of a fingerprint for messages and marker keys. */
  static String shortForm(String fingerprint) {
    return fingerprint.substring(0, 16);
  }

  private void features(NodeFeatures features) {
    text("features");
    text(String.join("\u0000", features.columns()));
    floats(features.valuesView());
  }

  private void text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putInt(b.length);
    digest.update(b);
  }

  private void bytes(byte[] b) {
    putInt(b.length);
    digest.update(b);
  }

  private void putInt(int v) {
    buffer.clear();
    buffer.putInt(v);
    buffer.flip();
    digest.update(buffer);
  }

  private void ints(IntBuffer values) {
    putInt(values.remaining());
    while (values.hasRemaining()) {
      buffer.clear();
      int n = Math.min(values.remaining(), buffer.capacity() / 4);
      for (int i = 0; i < n; i++) {
        buffer.putInt(values.get());
      }
      buffer.flip();
      digest.update(buffer);
    }
  }

  private void floats(FloatBuffer values) {
    putInt(values.remaining());
    while (values.hasRemaining()) {
      buffer.clear();
      int n = Math.min(values.remaining(), buffer.capacity() / 4);
      for (int i = 0; i < n; i++) {
        buffer.putInt(Float.floatToIntBits(values.get()));
      }
      buffer.flip();
      digest.update(buffer);
    }
  }

  private void longs(LongBuffer values) {
    putInt(values.remaining());
    while (values.hasRemaining()) {
      buffer.clear();
      int n = Math.min(values.remaining(), buffer.capacity() / 8);
      for (int i = 0; i < n; i++) {
        buffer.putLong(values.get());
      }
      buffer.flip();
      digest.update(buffer);
    }
  }
}
