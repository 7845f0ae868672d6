package dev.polyphony.graph.io;

import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one input format into a {@link dev.polyphony.graph.HeteroGraph}. Bad rows go to the
 * {@link RejectReport} with file, line, field and reason; structural problems (missing file, wrong
 * header) throw {@link IngestException} naming the file.
 */
public interface GraphReader {
  IngestResult read(Path input, RejectReport rejects, ProgressTracker progress) throws IOException;

  default IngestResult read(Path input, RejectReport rejects) throws IOException {
    return read(input, rejects, ProgressTracker.NONE);
  }
}
