package dev.polyphony.eval;

import dev.polyphony.eval.*;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.testing.Datasets;
import dev.polyphony.model.*;
import dev.polyphony.task.*;
import dev.polyphony.train.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpotifyExperimentTest {
  static int prop(String k, int d) { return Integer.getInteger(k, d); }
  static double dprop(String k, double d) { return Double.parseDouble(System.getProperty(k, "" + d)); }

  @Test
  void run() throws Exception {
    HeteroGraph graph = new SpotifySongsReader().read(Datasets.spotifySongsZip(), new RejectReport()).graph();
    PlaylistContinuationEvaluation evaluation = new PlaylistContinuationEvaluation(graph, EvaluationConfig.defaults(20_200_121L));
    SageEncoderConfig enc = SageEncoderConfig.builder().layers(2).hiddenDim(prop("hidden", 128)).outputDim(prop("out", 64))
        .inputProjectionDim(prop("proj", 64)).dropout(dprop("dropout", 0.1))
        .idEmbeddingTypes(System.getProperty("ids", "playlist,artist,album,track").isEmpty() ? List.of() : List.of(System.getProperty("ids", "playlist,artist,album,track").split(",")))
        .idDropout(dprop("iddrop", 0.5)).seed(1).build();
    TrainConfig train = new TrainConfig(prop("epochs", 5), 256, dprop("lr", 0.005), 0, System.getProperty("fan", "contains:10,by_artist:5,on_album:5;contains:10,by_artist:5,on_album:5"), 0, 7, LearningRateSchedule.COSINE);
    MultiTaskConfig tasks = MultiTaskConfig.defaults().withTasks(List.of(System.getProperty("tasks", "organisational").split(",")))
        .withWeighting(System.getProperty("weighting", "fixed"));
    tasks = new MultiTaskConfig(tasks.tasks(), tasks.weighting(), tasks.fixedWeights(), dprop("tau", 0.1), prop("pairs", 256), prop("negs", 256), 2.0);
    SageRecommenderConfig cfg = new SageRecommenderConfig(enc, train, tasks, System.getProperty("ifan", "contains:30,by_artist:10,on_album:10;contains:20,by_artist:10,on_album:10"), List.of("genre", "subgenre"), "popularity", dprop("val", 0));
    ProgressTracker p = new ProgressTracker() {
      long t0 = System.nanoTime(); String stage;
      public void begin(String s, long total) { stage = s; t0 = System.nanoTime(); }
      public void step(long n) {}
      public void end() { System.out.printf("  %s done in %.1fs%n", stage, (System.nanoTime() - t0) / 1e9); }
    };
    SageRecommender rec = new SageRecommender("sage", cfg, e -> System.out.println("  epoch " + e.epoch() + " loss " + e.meanLoss() + " " + e.taskLosses() + " w " + e.taskWeights() + " val " + e.validation() + " " + String.format("%.1fs", e.seconds())));
    PlaylistCatalog cat = evaluation.continuationCatalog();
    long t = System.nanoTime();
    for (EvaluationProtocol proto : List.of(EvaluationProtocol.WARM, EvaluationProtocol.COLD)) {
      PlaylistCatalog c = proto.coldStart() ? evaluation.coldStartCatalog() : cat;
      if (System.getProperty("only", "").length() > 0 && !proto.name().equals(System.getProperty("only"))) continue;
      var fitted = rec.fit(c, p);
      System.out.println("RESULT " + proto + " " + new QueryEvaluator(2).evaluate("sage", fitted, List.of(evaluation.queries(proto)), "eval", ProgressTracker.NONE));
    }
    System.out.printf("total %.1fs%n", (System.nanoTime() - t) / 1e9);
  }
}
