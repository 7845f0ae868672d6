package dev.polyphony.cli;

import dev.polyphony.graph.ProgressTracker;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shows progress of long work on stderr. On a terminal the innermost running stage is one line redrawn in
 * place with {@code \r} (a bar when the number of steps is known, a counter otherwise), at most every
 * {@value #REDRAW_MILLIS} ms; otherwise (a pipe, a log file, CI) each stage prints one line when it starts
 * and one when it ends, so logs stay readable. Steps may be reported from worker threads: they never wait
 * for a redraw in progress.
 */
final class ConsoleProgress implements ProgressTracker, AutoCloseable {
  static final long REDRAW_MILLIS = 200;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean interactive;
  private final Deque<Stage> stages = new ArrayDeque<>();
  private final ReentrantLock drawing = new ReentrantLock();
  /** The innermost open stage, read without locking by {@link #step}. */
  private volatile Stage current;
  /** Length of the line drawn last, so a shorter redraw can blank the rest. */
  private int drawnLength;

  private static final class Stage {
    final String name;
    final long total;
    final long startNanos = System.nanoTime();
    final AtomicLong steps = new AtomicLong();
    volatile long lastDrawNanos = Long.MIN_VALUE / 2;

    Stage(String name, long total) {
      this.name = name;
      this.total = total;
    }

    double seconds() {
      return (System.nanoTime() - startNanos) / 1e9;
    }
  }

  ConsoleProgress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /**
   * Redrawn lines when stderr is a terminal, stage lines otherwise. The launcher tells whether stderr is a
   * terminal ({@code -Dpolyphony.stderr.terminal=true|false}); without it, the JVM's console stands in.
   */
  static ConsoleProgress forConsole(PrintWriter err) {
    String told = System.getProperty("polyphony.stderr.terminal");
    boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
    String term = System.getenv("TERM");
    return new ConsoleProgress(err, terminal && term != null && !term.equals("dumb"));
  }

  @Override
  public void begin(String stage, long totalSteps) {
    drawing.lock();
    try {
      finishLine();
      Stage s = new Stage(stage, totalSteps);
      stages.push(s);
      current = s;
      if (interactive) {
        draw(s, false);
      } else {
        err.println("> " + stage + (totalSteps > 0 ? " (" + steps(totalSteps) + ")" : ""));
        err.flush();
      }
    } finally {
      drawing.unlock();
    }
  }

  @Override
  public void step(long steps) {
    Stage s = current;
    if (s == null) {
      return;
    }
    s.steps.addAndGet(steps);
    if (interactive && System.nanoTime() - s.lastDrawNanos >= REDRAW_MILLIS * 1_000_000 && drawing.tryLock()) {
      try {
        if (s == current) {
          draw(s, false);
        }
      } finally {
        drawing.unlock();
      }
    }
  }

  @Override
  public void end() {
    drawing.lock();
    try {
      Stage s = stages.poll();
      if (s == null) {
        return;
      }
      current = stages.peek();
      if (interactive) {
        draw(s, true);
        finishLine();
      } else {
        long done = s.steps.get();
        err.println("  " + s.name + ": done" + (done > 0 ? ", " + steps(done) : "")
            + String.format(Locale.ROOT, " in %.2f s", s.seconds()));
        err.flush();
      }
    } finally {
      drawing.unlock();
    }
  }

  /** Ends the line of a stage still open, e.g. when the work failed half-way. */
  @Override
  public void close() {
    drawing.lock();
    try {
      finishLine();
      stages.clear();
      current = null;
    } finally {
      drawing.unlock();
    }
  }

  /** The line of a stage: name, bar or counter, elapsed time. */
  static String line(String name, long done, long total, double seconds, boolean finished) {
    StringBuilder sb = new StringBuilder(name);
    if (total > 0) {
      long shown = Math.min(done, total);
      int filled = (int) (BAR_WIDTH * shown / total);
      sb.append(" [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%% %d/%d", 100 * shown / total, done, total));
    } else if (done > 0) {
      sb.append(' ').append(steps(done));
    } else if (!finished) {
      sb.append(" ...");
    }
    sb.append(String.format(Locale.ROOT, finished ? "  done in %.2f s" : "  %.1f s", seconds));
    return sb.toString();
  }

  /** Redraws the stage's line in place; the caller holds {@link #drawing}. */
  private void draw(Stage s, boolean finished) {
    s.lastDrawNanos = System.nanoTime();
    String text = line(s.name, s.steps.get(), s.total, s.seconds(), finished);
    int blank = Math.max(0, drawnLength - text.length());
    err.print("\r" + text + " ".repeat(blank));
    err.flush();
    drawnLength = text.length();
  }

  /** Moves past a line drawn in place, so the next output starts on a fresh line. */
  private void finishLine() {
    if (drawnLength > 0) {
      err.println();
      err.flush();
      drawnLength = 0;
    }
  }

  private static String steps(long n) {
    return n + (n == 1 ? " step" : " steps");
  }
}
