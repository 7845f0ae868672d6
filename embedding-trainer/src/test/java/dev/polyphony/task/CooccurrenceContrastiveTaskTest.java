package dev.polyphony.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.model.ComputationTree;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CooccurrenceContrastiveTaskTest {
  private final HeteroGraph graph = TinyCatalogs.twoStyles(6, 3, 2);
  private final EdgeType contains = graph.schema().edgeType("contains");

  @Test
  void lossIsInfoNceOfTheContextCentroidOverTheBatchWithCoMembersLeftOut() {
    assertLossMatchesInfoNce(SamplingCorrection.NONE);
  }

  @Test
  void samplingCorrectionLowersEachLogitByTheLogOfItsTracksExpectedCount() {
    MultiTaskConfig config = new MultiTaskConfig(java.util.List.of("organisational"), "fixed", Map.of(), 0.5, 4, 2,
        2.0, 1, true);
    SamplingCorrection correction = SamplingCorrection.of(graph.out(contains), graph.in(contains), config);
    var trackPlaylists = graph.in(contains);
    int pool = 0;
    for (int t = 0; t < trackPlaylists.rowCount(); t++) {
      pool += trackPlaylists.degree(t) > 0 ? 1 : 0;
    }
    double edges = graph.out(contains).edgeCount();
    for (int t : new int[] {0, 7}) {
      // (1 + contextSize) * pairs * degree / edges + negatives / pool
      double expected = Math.log(2.0 * 4 * trackPlaylists.degree(t) / edges + 2.0 / pool);
      assertThat((double) correction.logExpectedCount(t)).isCloseTo(expected, within(1e-6));
    }
    // the seeds' counts differ, so the correction does not cancel within a softmax row
    assertThat(java.util.stream.IntStream.of(0, 1, 2, 7, 8).mapToDouble(correction::logExpectedCount).distinct()
        .count()).isGreaterThan(1);
    assertLossMatchesInfoNce(correction);
  }

  private void assertLossMatchesInfoNce(SamplingCorrection correction) {
    NeighborSamplerConfig sampling = NeighborSamplerConfig.of("contains:3,by_artist:1", 4);
    SageModel model = new SageModel(graph, TinyCatalogs.TRACK,
        SageEncoderConfig.builder().layers(1).outputDim(4).dropout(0).seed(3).build(), sampling);
    double tau = 0.5;
    CooccurrenceContrastiveTask task = new CooccurrenceContrastiveTask("org", TinyCatalogs.TRACK, graph.in(contains), tau,
        correction);
    String loss = task.buildLoss(model);
    int[] seeds = {0, 1, 2, 7, 8};
    // pair 0: context {t0, t2}, positive t1; pair 1: context {t7}, positive t8
    TrainingBatch batch = new TrainingBatch(seeds, new int[] {0, 2, 3}, new int[] {0, 2, 3}, new int[] {1, 4},
        dev.polyphony.model.NeighborCut.NONE);
    ComputationTree tree = model.tree(seeds, 9, true);
    Map<String, INDArray> in = new HashMap<>(model.encoder().inputs(tree, model.features(), null).placeholders());
    in.putAll(task.targets(batch));
    double actual = model.sameDiff().output(in, loss).get(loss).getDouble(0);

    float[][] z = rows(model.embed(seeds, 9));
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      int[] context = batch.context(i);
      float[] query = new float[z[0].length];
      for (int row : context) {
        for (int c = 0; c < query.length; c++) {
          query[c] += z[row][c] / context.length;
        }
      }
      double norm = Math.sqrt(dot(query, query));
      for (int c = 0; c < query.length; c++) {
        query[c] /= norm;
      }
      int p = batch.positives()[i];
      double denominator = 0;
      for (int s = 0; s < seeds.length; s++) {
        int candidate = s;
        boolean inContext = java.util.Arrays.stream(context).anyMatch(r -> r == candidate);
        boolean coMember = s != p && shareAPlaylist(seeds[p], seeds[s]);
        if (!inContext && !coMember) {
          denominator += Math.exp(dot(query, z[s]) / tau - logCount(correction, seeds[s]));
        }
      }
      expected += -(dot(query, z[p]) / tau - logCount(correction, seeds[p]) - Math.log(denominator));
    }
    assertThat(actual).isCloseTo(expected / 2, within(1e-4));
  }

  private static double logCount(SamplingCorrection correction, int track) {
    return correction.active() ? correction.logExpectedCount(track) : 0;
  }

  private boolean shareAPlaylist(int a, int b) {
    var trackPlaylists = graph.in(contains);
    for (int e = trackPlaylists.start(a); e < trackPlaylists.end(a); e++) {
      if (graph.out(contains).contains(trackPlaylists.target(e), b)) {
        return true;
      }
    }
    return false;
  }

  private static float[][] rows(INDArray m) {
    float[][] out = new float[(int) m.rows()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = m.getRow(i).dup().data().asFloat();
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
