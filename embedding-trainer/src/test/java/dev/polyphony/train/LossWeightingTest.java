package dev.polyphony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.model.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossWeightingTest {
  private double total(LossWeighting weighting, double... losses) {
    Parameters parameters = new Parameters(SameDiff.create(), 1);
    SameDiff sd = parameters.sameDiff();
    List<SDVariable> vars = new java.util.ArrayList<>();
    Map<String, INDArray> in = new HashMap<>();
    for (int i = 0; i < losses.length; i++) {
      vars.add(sd.placeHolder("l" + i, DataType.FLOAT));
      in.put("l" + i, Nd4j.scalar((float) losses[i]));
    }
    String name = weighting.combine(parameters, vars).name();
    in.putAll(weighting.placeholders());
    return sd.output(in, name).get(name).getDouble(0);
  }

  @Test
  void fixedWeightsMultiplyEachLoss() {
    assertThat(total(new FixedWeights(2, 0.5), 3, 4)).isCloseTo(8.0, within(1e-6));
    assertThatThrownBy(() -> new FixedWeights(1, -1)).hasMessageContaining("(got [1.0, -1.0])");
  }

  @Test
  void uncertaintyWeightingStartsAtWeightOneAndAddsTheLogVariance() {
    UncertaintyWeighting weighting = new UncertaintyWeighting();
    assertThat(total(weighting, 3, 4)).isCloseTo(7.0, within(1e-6));
    assertThat(weighting.weights()).containsExactly(1.0, 1.0);
  }

  @Test
  void dynamicWeightAverageFavoursTheSlowerTask() {
    DynamicWeightAverage dwa = new DynamicWeightAverage(2);
    assertThat(total(dwa, 1, 1)).isCloseTo(2.0, within(1e-6));
    dwa.endEpoch(new double[] {1.0, 1.0});
    assertThat(dwa.weights()).containsExactly(1.0, 1.0);
    dwa.endEpoch(new double[] {0.5, 1.0});
    double e1 = Math.exp(0.5 / 2);
    double e2 = Math.exp(1.0 / 2);
    assertThat(dwa.weights()[0]).isCloseTo(2 * e1 / (e1 + e2), within(1e-12));
    assertThat(dwa.weights()[1]).isCloseTo(2 * e2 / (e1 + e2), within(1e-12));

    DynamicWeightAverage restored = new DynamicWeightAverage(2);
    total(restored, 1, 1);
    restored.restore(dwa.state());
    assertThat(restored.weights()).containsExactly(dwa.weights());
  }
}
