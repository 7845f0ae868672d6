package dev.polyphony.graph;

/**
 * Receives progress of long work as named stages with a known or unknown number of steps
 * (after GDS progress tasks). Implementations decide how to show it; {@link #NONE} ignores it.
 * Calls come from the working thread; {@link #step} may also come from worker threads.
 */
public interface ProgressTracker {
  /** Ignores all progress; the default in libraries and tests. */
  ProgressTracker NONE = new ProgressTracker() {
    @Override
    public void begin(String stage, long totalSteps) {}

    @Override
    public void step(long steps) {}

    @Override
    public void end() {}
  };

  /** Starts a stage; {@code totalSteps} is -1 when unknown. */
  void begin(String stage, long totalSteps);

  /** Reports {@code steps} more steps done in the current stage. */
  void step(long steps);

  /** Ends the current stage. */
  void end();
}
