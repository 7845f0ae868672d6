package dev.polyphony.rank;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs work with standard output discarded. SameDiff 1.0.0-M2.1 prints one line per differentiated op to
 * standard output while it builds a gradient function, and the command line's standard output carries
 * results (tables, JSON), so those lines are dropped. Standard error is untouched.
 */
final class QuietStandardOutput {
  private QuietStandardOutput() {}

  static synchronized void run(Runnable work) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      work.run();
    } finally {
      System.setOut(original);
    }
  }
}
