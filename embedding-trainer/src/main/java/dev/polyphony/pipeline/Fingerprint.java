package dev.polyphony.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 checksums of files, folders and settings as the {@link StageLedger} records them. A folder's checksum
 * covers the relative path and content of every regular file below it, in path order; an absent path has the
 * checksum {@value #ABSENT}.
 */
final class Fingerprint {
  static final String ABSENT = "absent";

  private Fingerprint() {}

  /** The checksum of {@code paths} (each named by its file name) and {@code settings}. */
  static String of(List<Path> paths, String settings) throws IOException {
    MessageDigest digest = sha256();
    update(digest, "settings\0" + settings + "\0");
    for (Path p : paths) {
      update(digest, p.getFileName() + "\0" + of(p) + "\0");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The checksum of one file or folder, {@value #ABSENT} when it does not exist. */
  static String of(Path path) throws IOException {
    if (!Files.exists(path)) {
      return ABSENT;
    }
    if (Files.isRegularFile(path)) {
      return file(path);
    }
    MessageDigest digest = sha256();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      update(digest, path.relativize(f).toString().replace('\\', '/') + "\0" + file(f) + "\0");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String file(Path file) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
