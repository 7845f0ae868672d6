package dev.polyphony.graph.sample;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit xxHash (XXH64, Yann Collet) of node ids, computed exactly as Apache Spark's SQL function
 * {@code xxhash64(a, b, ...)} does, so one neighbour-sampling rule runs the same in Java and in Spark SQL.
 *
 * <p>Spark hashes a row of columns by chaining: the running hash starts at {@link #SPARK_SEED} (42) and each
 * column is hashed with the running hash as its seed; a string column hashes its UTF-8 bytes, a {@code BIGINT}
 * its eight little-endian bytes. {@link #pair(String, String, long)} is {@code xxhash64(a, b, seed)} with
 * {@code a}, {@code b} strings and {@code seed} a {@code BIGINT}.
 */
public final class SeededHash {
  /** The seed Spark's {@code xxhash64} starts from. */
  public static final long SPARK_SEED = 42L;

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private SeededHash() {}

  /** Spark's {@code xxhash64(a, b, seed)} for strings {@code a}, {@code b} and a {@code BIGINT} seed. */
  public static long pair(String a, String b, long seed) {
    return ofLong(seed, ofString(b, ofString(a, SPARK_SEED)));
  }

  /** XXH64 of the UTF-8 bytes of {@code s} under {@code seed}. */
  public static long ofString(String s, long seed) {
    return ofBytes(s.getBytes(StandardCharsets.UTF_8), seed);
  }

  /** XXH64 of the eight little-endian bytes of {@code value} under {@code seed}. */
  public static long ofLong(long value, long seed) {
    long h = seed + P5 + 8;
    h ^= round(0, value);
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return avalanche(h);
  }

  /** XXH64 of {@code bytes} under {@code seed}. */
  public static long ofBytes(byte[] bytes, long seed) {
    int length = bytes.length;
    int p = 0;
    long h;
    if (length >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      for (int limit = length - 32; p <= limit; p += 32) {
        v1 = round(v1, longAt(bytes, p));
        v2 = round(v2, longAt(bytes, p + 8));
        v3 = round(v3, longAt(bytes, p + 16));
        v4 = round(v4, longAt(bytes, p + 24));
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = seed + P5;
    }
    h += length;
    for (; p + 8 <= length; p += 8) {
      h ^= round(0, longAt(bytes, p));
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (p + 4 <= length) {
      h ^= (intAt(bytes, p) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      p += 4;
    }
    for (; p < length; p++) {
      h ^= (bytes[p] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    return avalanche(h);
  }

  private static long round(long acc, long input) {
    return Long.rotateLeft(acc + input * P2, 31) * P1;
  }

  private static long merge(long acc, long value) {
    return (acc ^ round(0, value)) * P1 + P4;
  }

  private static long avalanche(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long longAt(byte[] b, int p) {
    return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24
        | (b[p + 4] & 0xFFL) << 32 | (b[p + 5] & 0xFFL) << 40 | (b[p + 6] & 0xFFL) << 48 | (b[p + 7] & 0xFFL) << 56;
  }

  private static int intAt(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
  }
}
