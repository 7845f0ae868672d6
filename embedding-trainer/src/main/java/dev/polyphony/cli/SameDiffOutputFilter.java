package dev.polyphony.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps ND4J's diagnostics out of a command's standard output while open: SameDiff 1.0.0-M2.1 prints one line
 * {@value #PREFIX}... to {@code System.out} for every operation whenever it builds a gradient function, which
 * would bury the results a command prints. Every other line passes through unchanged.
 */
public final class SameDiffOutputFilter implements AutoCloseable {
  static final String PREFIX = "Added differentiated op ";

  private final PrintStream original;

  /** Replaces {@code System.out} with a filtering stream until {@link #close()}. */
  public SameDiffOutputFilter() {
    this.original = System.out;
    System.setOut(new PrintStream(new LineFilter(original), true, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(original);
  }

  /** Passes lines on to {@code target} unless they start with {@link #PREFIX}. */
  static final class LineFilter extends OutputStream {
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.UTF_8);

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineFilter(OutputStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      line.write(b);
      if (b == '\n') {
        if (!dropped()) {
          line.writeTo(target);
        }
        line.reset();
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      // A partial line is held back only while it could still become a dropped one.
      if (line.size() > 0 && !couldBeDropped()) {
        line.writeTo(target);
        line.reset();
      }
      target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
      flush();
    }

    private boolean dropped() {
      byte[] bytes = line.toByteArray();
      return bytes.length >= PREFIX_BYTES.length
          && Arrays.equals(bytes, 0, PREFIX_BYTES.length, PREFIX_BYTES, 0, PREFIX_BYTES.length);
    }

    private boolean couldBeDropped() {
      byte[] bytes = line.toByteArray();
      int n = Math.min(bytes.length, PREFIX_BYTES.length);
      return Arrays.equals(bytes, 0, n, PREFIX_BYTES, 0, n);
    }
  }
}
