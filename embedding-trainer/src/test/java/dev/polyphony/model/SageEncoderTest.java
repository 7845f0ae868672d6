package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SageEncoderTest {
  private final HeteroGraph graph = TinyGraphs.fiveUsers();

  private static SageEncoderConfig.Builder plain(int layers) {
    return SageEncoderConfig.builder().layers(layers).hiddenDim(4).outputDim(3).combination(Combination.SUM)
        .dropout(0).normalizeOutput(false).featureNormalization(FeatureNormalization.NONE).seed(11);
  }

  private SageModel model(SageEncoderConfig config, String fanouts) {
    return new SageModel(graph, TinyGraphs.USER, config, NeighborSamplerConfig.of(fanouts, 5));
  }

  private static INDArray param(SageModel model, String name) {
    return model.sameDiff().getVariable(name).getArr();
  }

  private static INDArray row(float... values) {
    return Nd4j.create(values, new long[] {1, values.length}, 'c');
  }

  @Test
  void rowCountsRoundUpToEightSizesPerPowerOfTwo() {
    assertThat(SageEncoder.bucketRows(1)).isEqualTo(64);
    assertThat(SageEncoder.bucketRows(64)).isEqualTo(64);
    assertThat(SageEncoder.bucketRows(65)).isEqualTo(72);
    assertThat(SageEncoder.bucketRows(1000)).isEqualTo(1024);
    assertThat(SageEncoder.bucketRows(1025)).isEqualTo(1152);
    assertThat(SageEncoder.bucketRows(75_001)).isEqualTo(81_920);
    java.util.Set<Integer> sizes = new java.util.TreeSet<>();
    for (int rows = 50_000; rows <= 100_000; rows++) {
      int bucket = SageEncoder.bucketRows(rows);
      assertThat(bucket).isBetween(rows, rows + rows / 8);
      sizes.add(bucket);
    }
    assertThat(sizes).as("4 sizes from 50,000 to 65,536, then 5 up to 106,496").hasSize(9);
  }

  @Test
  void meanLayerIsSelfPlusMeanOfNeighboursThroughTheirWeights() {
    SageModel model = model(plain(1).build(), "knows:all");
    INDArray self = param(model, "L1_self_0_W");
    INDArray neigh = param(model, "L1_knows_BOTH_neigh_W");

    INDArray z = model.embed(new int[] {0, 4, 3}, 1);

    // u0 = (0, 1) has neighbours u1 = (1, 0.5) and u2 = (2, 0); u4 = (4, -1) none; u3 = (3, -0.5) has u1.
    INDArray u0 = row(0, 1).mmul(self).add(row(1.5f, 0.25f).mmul(neigh));
    INDArray u4 = row(4, -1).mmul(self);
    INDArray u3 = row(3, -0.5f).mmul(self).add(row(1, 0.5f).mmul(neigh));
    assertThat(z.getRow(0).toFloatVector()).containsExactly(u0.toFloatVector(), within(1e-5f));
    assertThat(z.getRow(1).toFloatVector()).containsExactly(u4.toFloatVector(), within(1e-5f));
    assertThat(z.getRow(2).toFloatVector()).containsExactly(u3.toFloatVector(), within(1e-5f));
  }

  @Test
  void poolLayerTakesTheMaxOfTransformedNeighbours() {
    SageModel model = model(plain(1).aggregator(Aggregator.POOL).build(), "knows:all");
    INDArray self = param(model, "L1_self_0_W");
    INDArray pool = param(model, "L1_knows_BOTH_pool_W");
    INDArray neigh = param(model, "L1_knows_BOTH_neigh_W");

    INDArray z = model.embed(new int[] {4, 0}, 1);

    INDArray p1 = org.nd4j.linalg.ops.transforms.Transforms.relu(row(1, 0.5f).mmul(pool));
    INDArray p2 = org.nd4j.linalg.ops.transforms.Transforms.relu(row(2, 0).mmul(pool));
    INDArray max = org.nd4j.linalg.ops.transforms.Transforms.max(p1, p2);
    INDArray u0 = row(0, 1).mmul(self).add(max.mmul(neigh));
    // u4 comes first: its empty neighbourhood leaves its slots empty, so it aggregates to zero.
    assertThat(z.getRow(1).toFloatVector()).containsExactly(u0.toFloatVector(), within(1e-5f));
    assertThat(z.getRow(0).toFloatVector()).containsExactly(row(4, -1).mmul(self).toFloatVector(), within(1e-5f));
  }

  @Test
  void concatenationPutsSelfAndNeighbourhoodSideBySide() {
    SageModel model = model(plain(1).combination(Combination.CONCAT).outputDim(4).build(), "knows:all");
    INDArray self = param(model, "L1_self_0_W");
    INDArray neigh = param(model, "L1_knows_BOTH_neigh_W");

    INDArray z = model.embed(new int[] {4, 3}, 1);

    assertThat(self.columns()).isEqualTo(2);
    float[] isolated = Nd4j.hstack(row(4, -1).mmul(self), Nd4j.zeros(1, 2)).toFloatVector();
    float[] u3 = Nd4j.hstack(row(3, -0.5f).mmul(self), row(1, 0.5f).mmul(neigh)).toFloatVector();
    assertThat(z.getRow(0).toFloatVector()).containsExactly(isolated, within(1e-5f));
    assertThat(z.getRow(1).toFloatVector()).containsExactly(u3, within(1e-5f));
  }

  @Test
  void outputsAreUnitLengthAndFiniteForIsolatedNodes() {
    SageModel model = model(SageEncoderConfig.builder().hiddenDim(8).outputDim(6).seed(2).build(),
        "knows:2;knows:2");

    INDArray z = model.embed(new int[] {0, 1, 2, 3, 4}, 9);

    assertThat(z.rows()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      float[] v = z.getRow(i).toFloatVector();
      double norm = 0;
      for (float x : v) {
        assertThat(Float.isFinite(x)).isTrue();
        norm += x * x;
      }
      assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void zeroFeaturesWithoutNeighboursGiveZeroNotNaN() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType user = sb.node("user");
    sb.edge(user, "knows", user);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.declareFeatures(user, List.of("a", "b"));
    for (int i = 0; i < 2; i++) {
      b.addNode(user, "u" + i);
      b.setFeatures(user, i, new float[] {0, 0});
    }
    SageModel model = new SageModel(b.build(), user, SageEncoderConfig.builder().hiddenDim(4).outputDim(4)
        .featureNormalization(FeatureNormalization.NONE).build(), NeighborSamplerConfig.of("knows:3;knows:3", 0));

    INDArray z = model.embed(new int[] {0, 1}, 0);

    assertThat(z.data().asFloat()).containsOnly(0f);
  }

  @Test
  void oneSeedBuildsTheSameModelAndAnotherSeedAnotherOne() {
    SageEncoderConfig config = SageEncoderConfig.builder().hiddenDim(8).outputDim(4).seed(21).build();
    int[] seeds = {0, 1, 2, 3, 4};

    INDArray a = model(config, "knows:1;knows:1").embed(seeds, 3);
    INDArray b = model(config, "knows:1;knows:1").embed(seeds, 3);
    INDArray c = model(config.toBuilder().seed(22).build(), "knows:1;knows:1").embed(seeds, 3);

    assertThat(a.data().asFloat()).containsExactly(b.data().asFloat());
    assertThat(a.data().asFloat()).isNotEqualTo(c.data().asFloat());
  }

  @Test
  void repeatedSeedsGetTheirRowRepeated() {
    SageModel model = model(SageEncoderConfig.builder().hiddenDim(8).outputDim(4).build(), "knows:all;knows:all");

    INDArray z = model.embed(new int[] {3, 0, 3}, 0);

    assertThat(z.rows()).isEqualTo(3);
    assertThat(z.getRow(2).toFloatVector()).containsExactly(z.getRow(0).toFloatVector());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    for (Aggregator aggregator : Aggregator.values()) {
      SageModel model = model(plain(2).aggregator(aggregator).combination(Combination.CONCAT).hiddenDim(4)
          .outputDim(2).build(), "knows:all;knows:all");
      SameDiff sd = model.sameDiff();
      String loss = sd.math().square(model.encoder().embedding(false)).sum().rename("check_loss").name();
      sd.setLossVariables(loss);
      Map<String, INDArray> in = model.encoder().inputs(model.tree(new int[] {0, 1, 4}, 0, false), model.features(), null).placeholders();
      List<String> names = model.parameters().names();
      // Zero biases put ReLUs of zero rows exactly on their kink, where finite differences are one-sided.
      names.stream().filter(n -> !model.parameters().isWeight(n)).forEach(n -> param(model, n).addi(0.1));
      Map<String, INDArray> gradients = sd.calculateGradients(in, names);
      int checked = 0;
      int total = 0;
      for (String name : names) {
        INDArray p = param(model, name);
        for (int i = 0; i < p.length(); i++) {
          total++;
          double coarse = centralDifference(sd, in, loss, p, i, 1e-2);
          double fine = centralDifference(sd, in, loss, p, i, 2e-3);
          if (Math.abs(coarse - fine) > 1e-2 * Math.max(1, Math.abs(coarse))) {
            continue; // a ReLU or max switches within the step: no derivative to compare with
          }
          checked++;
          assertThat(gradients.get(name).getDouble(i)).as(aggregator + " " + name + "[" + i + "]")
              .isCloseTo(fine, within(2e-2 * Math.max(1, Math.abs(fine))));
        }
      }
      assertThat(checked).as(aggregator + " entries away from kinks").isGreaterThan(total * 3 / 4);
    }
  }

  private static double centralDifference(SameDiff sd, Map<String, INDArray> in, String loss, INDArray p, int i,
      double eps) {
    double original = p.getDouble(i);
    p.putScalar(i, original + eps);
    double up = sd.output(in, loss).get(loss).getDouble(0);
    p.putScalar(i, original - eps);
    double down = sd.output(in, loss).get(loss).getDouble(0);
    p.putScalar(i, original);
    return (up - down) / (2 * eps);
  }
}
