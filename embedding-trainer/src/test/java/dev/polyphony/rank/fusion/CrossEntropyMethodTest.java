package dev.polyphony.rank.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class CrossEntropyMethodTest {
  private final ToDoubleFunction<double[]> bowl = x -> -Math.pow(x[0] - 3, 2) - Math.pow(x[1] + 1, 2);

  @Test
  void findsTheMaximumOfAConcaveFunction() {
    CrossEntropyMethod.Result r = new CrossEntropyMethod(50, 0.2, 30, 0.7, 0.001, 4)
        .maximise(bowl, new double[] {0, 0}, new double[] {2, 2});

    assertThat(r.best()[0]).isCloseTo(3, within(0.05));
    assertThat(r.best()[1]).isCloseTo(-1, within(0.05));
    assertThat(r.evaluations()).isEqualTo(1 + 50 * 30);
    assertThat(r.bestPerIteration()).hasSize(30).isSorted();
  }

  @Test
  void neverReturnsWorseThanTheStart() {
    CrossEntropyMethod.Result r = new CrossEntropyMethod(2, 0.5, 1, 1, 0, 1)
        .maximise(bowl, new double[] {3, -1}, new double[] {5, 5});
    assertThat(r.best()).containsExactly(3, -1);
    assertThat(r.bestValue()).isEqualTo(0.0);
  }

  @Test
  void oneSeedGivesOneSearch() {
    CrossEntropyMethod m = CrossEntropyMethod.defaults(9);
    assertThat(m.maximise(bowl, new double[] {0, 0}, new double[] {1, 1}).best())
        .containsExactly(m.maximise(bowl, new double[] {0, 0}, new double[] {1, 1}).best());
  }

  @Test
  void validatesItsSettings() {
    assertThatThrownBy(() -> new CrossEntropyMethod(1, 0.2, 10, 0.7, 0, 1))
        .hasMessage("population must be >= 2 (got 1)");
    assertThatThrownBy(() -> new CrossEntropyMethod(10, 0, 10, 0.7, 0, 1))
        .hasMessage("eliteFraction must be in (0, 1] (got 0.0)");
  }
}
