package dev.polyphony.cli;

import dev.polyphony.graph.ProgressTracker;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress of long work on stderr. On a terminal the innermost running stage is drawn as a
 * redrawn progress bar; otherwise (a pipe, a log file, CI) each stage prints one line when it starts
 * and one when it ends, so logs stay readable. Steps may be reported from worker threads.
 */
final class ConsoleProgress implements ProgressTracker, AutoCloseable {
  private final PrintWriter err;
  private final boolean interactive;
  private final Deque<Stage> stages = new ArrayDeque<>();
  /** The innermost open stage, read without locking by {@link #step}. */
  private volatile Stage current;

  private static final class Stage {
    final String name;
    final long total;
    final long startNanos = System.nanoTime();
    final AtomicLong steps = new AtomicLong();
    volatile ProgressBar bar;

    Stage(String name, long total) {
      this.name = name;
      this.total = total;
    }
  }

  ConsoleProgress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /** Bars when the process talks to a terminal, stage lines otherwise. */
  static ConsoleProgress forConsole(PrintWriter err) {
    String term = System.getenv("TERM");
    return new ConsoleProgress(err, System.console() != null && term != null && !term.equals("dumb"));
  }

  @Override
  public synchronized void begin(String stage, long totalSteps) {
    Stage outer = stages.peek();
    if (outer != null) {
      closeBar(outer);
    }
    Stage s = new Stage(stage, totalSteps);
    stages.push(s);
    current = s;
    if (interactive) {
      err.flush();
      s.bar = new ProgressBarBuilder().setTaskName(stage).setInitialMax(totalSteps > 0 ? totalSteps : -1)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    } else {
      err.println("> " + stage + (totalSteps > 0 ? " (" + totalSteps + " steps)" : ""));
      err.flush();
    }
  }

  @Override
  public void step(long steps) {
    Stage s = current;
    if (s == null) {
      return;
    }
    s.steps.addAndGet(steps);
    ProgressBar bar = s.bar;
    if (bar != null) {
      bar.stepBy(steps);
    }
  }

  @Override
  public synchronized void end() {
    Stage s = stages.poll();
    if (s == null) {
      return;
    }
    current = stages.peek();
    closeBar(s);
    if (!interactive) {
      long done = s.steps.get();
      double seconds = (System.nanoTime() - s.startNanos) / 1e9;
      err.println("  " + s.name + ": done" + (done > 0 ? ", " + done + " steps" : "")
          + String.format(Locale.ROOT, " in %.2f s", seconds));
      err.flush();
    }
  }

  /** Ends every stage still open, e.g. when the work failed half-way. */
  @Override
  public synchronized void close() {
    while (!stages.isEmpty()) {
      closeBar(stages.poll());
    }
    current = null;
    err.flush();
  }

  private static void closeBar(Stage s) {
    ProgressBar bar = s.bar;
    if (bar != null) {
      s.bar = null;
      bar.close();
    }
  }
}
