package dev.polyphony.neo4j;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import a {@link KilledImportResumesTest} kills: run in a JVM of its own, it starts the embedded
 * Neo4j in the home given as argument and imports {@link #graph()} into it, printing {@code committed N}
 * after every committed batch. Each batch is followed by a short pause so that the parent can kill the
 * process while the import is still running, whatever the machine's speed.
 */
final class ImportUntilKilled {
  static final GraphImportConfig CONFIG = GraphImportConfig.defaults().withBatchSizes(100, 60);
  static final long PAUSE_MILLIS = 25;

  private ImportUntilKilled() {}

  /** The graph imported; the same in parent and child (seeded). */
  static HeteroGraph graph() {
    return SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(1_500).playlists(60)
        .creators(100).users(80).genres(4).meanPlaylistLength(30).listensPerUser(12).seed(7).build());
  }

  public static void main(String[] args) throws InterruptedException {
    Path home = Path.of(args[0]);
    PrintStream out = System.out;
    AtomicLong committed = new AtomicLong();
    ProgressTracker announce = new ProgressTracker() {
      @Override
      public void begin(String stage, long totalSteps) {}

      @Override
      public void step(long steps) {
        out.println("committed " + committed.incrementAndGet());
        out.flush();
        try {
          Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void end() {}
    };
    try (Neo4jTarget target = Neo4jTestDatabase.open(home)) {
      out.println("started");
      out.flush();
      new GraphImporter(target, CONFIG).importGraph(graph(), announce);
    }
    out.println("finished");
    out.flush();
  }
}
