package dev.polyphony.cli;

import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony demo}: the main job ({@code polyphony run}) with a built-in job on the bundled Spotify songs
 * data: the same pipeline, its job read from {@value #JOB} (and {@value #QUICK} over it for {@code --quick}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the whole main job on the bundled Spotify songs data (data/spotify-songs): ingest with the "
        + "reject report, graph statistics, multi-task training, embeddings of every track (held-out new tracks "
        + "embedded inductively), evaluation against baselines, the ANN export, candidate lists from every "
        + "generator, the embedded Neo4j with a vector index and two queries, and report/index.html.",
        "The same pipeline as `polyphony run`, with a built-in job; a rerun skips unchanged stages. --quick runs "
            + "every stage smaller (about 3 minutes)."})
final class DemoCommand implements Callable<Integer> {
  static final String JOB = "/dev/polyphony/pipeline/demo.yaml";
  static final String QUICK = "/dev/polyphony/pipeline/demo-quick.yaml";

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/demo",
      description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--data", paramLabel = "FILE",
      description = "Spotify songs CSV or ZIP to use instead of the bundled one.")
  Path data;

  @Option(names = "--quick", description = "Every stage, smaller: one epoch, small fan-outs, fewer recommenders.")
  boolean quick;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one key of the built-in job, e.g. training.epochs=2; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path songs = (data != null ? data : BundledData.spotifySongs()).toAbsolutePath().normalize();
    List<String> layers = quick ? List.of(JOB, QUICK) : List.of(JOB);
    List<String> all = new ArrayList<>();
    all.add("input.path='" + songs.toString().replace("'", "''") + "'");
    all.addAll(overrides);
    PipelineJobConfig config = PipelineRun.load(spec, () -> PipelineJobConfigReader.fromResources(layers, all,
        Path.of("").toAbsolutePath()));
    return PipelineRun.run(spec, config, out);
  }
}
