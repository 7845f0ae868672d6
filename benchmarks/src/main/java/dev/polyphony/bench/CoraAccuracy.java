package dev.polyphony.bench;

import dev.polyphony.cli.SameDiffOutputFilter;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GenericReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.rank.compare.MeanStd;
import dev.polyphony.task.CitationClassification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cora test accuracy of the supervised GraphSAGE-mean recipe ({@link CitationClassification}, Planetoid split)
 * over several training seeds, with their mean and sample standard deviation. Prints a Markdown table.
 *
 * <p>Run from the project root: {@code java -cp benchmarks/target/benchmarks.jar dev.polyphony.bench.CoraAccuracy
 * [seeds] [firstSeed]} (defaults 5 and 1), with {@code POLYPHONY_DATASETS} or {@code -Dpolyphony.datasets}
 * naming the shared datasets folder and the launcher's ND4J settings ({@code OMP_NUM_THREADS=1}).
 */
public final class CoraAccuracy {
  private static final Path SCHEMA = Path.of("docs", "examples", "cora-schema.yaml");

  private CoraAccuracy() {}

  public static void main(String[] args) throws Exception {
    try (SameDiffOutputFilter quiet = new SameDiffOutputFilter()) {
      run(args);
    }
  }

  private static void run(String[] args) throws Exception {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    long firstSeed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    HeteroGraph cora = new GenericReader(SCHEMA).read(BenchmarkDatasets.cora(), new RejectReport()).graph();
    CitationClassification classification = new CitationClassification(cora);
    List<Double> test = new ArrayList<>();
    StringBuilder table = new StringBuilder("| seed | best validation accuracy | test accuracy |\n|---:|---:|---:|\n");
    for (int i = 0; i < seeds; i++) {
      long started = System.nanoTime();
      CitationClassification.Run run = classification.train(firstSeed + i);
      test.add(run.testAccuracy());
      System.err.printf(Locale.ROOT, "seed %d: test %.3f in %.0f s%n", run.seed(), run.testAccuracy(),
          (System.nanoTime() - started) / 1e9);
      table.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f |%n", run.seed(), run.validationAccuracy(),
          run.testAccuracy()));
    }
    MeanStd accuracy = MeanStd.of(test);
    System.out.print(table);
    System.out.printf(Locale.ROOT, "%nCora test accuracy over %d seeds: %.1f%% +- %.1f%% (mean +- sample std)%n",
        seeds, 100 * accuracy.mean(), 100 * accuracy.std());
  }
}
