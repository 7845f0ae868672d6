package dev.polyphony.graph.io;

import dev.polyphony.graph.AttributeKind;
import java.nio.charset.StandardCharsets;

/**
 * Constants of the snapshot file format (see docs/snapshot-format.md). All numbers are little-endian.
 */
final class SnapshotFormat {
  private SnapshotFormat() {}

  /** The first eight bytes of every snapshot: "PLYGRAPH". */
  static final byte[] MAGIC = "PLYGRAPH".getBytes(StandardCharsets.US_ASCII);

  /** The format version this build writes and reads. */
  static final int VERSION = 1;

  /** Magic, version, section count, total file length. */
  static final int HEADER_BYTES = 8 + 4 + 4 + 8;

  /** The CRC32C at the end of the file. */
  static final int TRAILER_BYTES = 4;

  /** Tag and payload length in front of every section. */
  static final int SECTION_HEADER_BYTES = 4 + 8;

  static final int SCHEMA = tag("SCHM");
  static final int IDS = tag("IDMP");
  static final int FEATURES = tag("FEAT");
  static final int ATTRIBUTE = tag("ATTR");
  static final int OUT_ADJACENCY = tag("ADJO");
  static final int IN_ADJACENCY = tag("ADJI");

  /** Adjacency flag: a float weight per edge follows the targets. */
  static final int FLAG_WEIGHTS = 1;
  /** Adjacency flag: an epoch-millisecond timestamp per edge follows the weights (or targets). */
  static final int FLAG_TIMESTAMPS = 2;

  /** A four-character ASCII tag as the int whose little-endian bytes spell it. */
  static int tag(String name) {
    byte[] b = name.getBytes(StandardCharsets.US_ASCII);
    return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
  }

  static String tagName(int tag) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      int b = (tag >>> (8 * i)) & 0xff;
      c[i] = b >= 0x20 && b < 0x7f ? (char) b : '?';
    }
    return new String(c);
  }

  /** Stable on-disk codes of attribute kinds (independent of enum order). */
  static int kindCode(AttributeKind kind) {
    return switch (kind) {
      case INT -> 1;
      case FLOAT -> 2;
      case STRING -> 3;
      case DATE -> 4;
    };
  }

  /** The kind of an on-disk code, or null when the code is unknown. */
  static AttributeKind kindOf(int code) {
    return switch (code) {
      case 1 -> AttributeKind.INT;
      case 2 -> AttributeKind.FLOAT;
      case 3 -> AttributeKind.STRING;
      case 4 -> AttributeKind.DATE;
      default -> null;
    };
  }
}
