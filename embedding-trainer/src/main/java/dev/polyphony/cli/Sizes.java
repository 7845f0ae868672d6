package dev.polyphony.cli;

import java.util.Locale;

/** Human-readable sizes and durations for command output. */
final class Sizes {
  private Sizes() {}

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
  }

  static String seconds(java.time.Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }
}
