package dev.polyphony.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba, ICLR 2015) with L2 weight decay added to the gradient (as PyTorch's {@code Adam}
 * with {@code weight_decay}), updating parameter arrays in place.
 *
 * <p>State: the step count t and per parameter the first and second moment estimates m and v
 * ({@code beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8}). The state is plain arrays so a checkpoint can hold it.
 */
public final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private double learningRate;
  private final double weightDecay;
  private final Map<String, INDArray> first = new LinkedHashMap<>();
  private final Map<String, INDArray> second = new LinkedHashMap<>();
  private long step;

  public Adam(double learningRate, double weightDecay) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0 (got " + learningRate + ")");
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weightDecay must be >= 0 (got " + weightDecay + ")");
    }
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
  }

  /** Sets the step size of the following updates (a learning-rate schedule's current value). */
  public void learningRate(double rate) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0 (got " + rate + ")");
    }
    this.learningRate = rate;
  }

  /** Steps taken so far. */
  public long step() {
    return step;
  }

  /** First-moment estimates by parameter name (live arrays, for checkpoints). */
  Map<String, INDArray> firstMoments() {
    return first;
  }

  /** Second-moment estimates by parameter name (live arrays, for checkpoints). */
  Map<String, INDArray> secondMoments() {
    return second;
  }

  /** Replaces the state with a checkpoint's: step count and copies of the moment estimates. */
  void restore(long steps, Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments) {
    this.step = steps;
    first.clear();
    second.clear();
    firstMoments.forEach((k, v) -> first.put(k, v.dup()));
    secondMoments.forEach((k, v) -> second.put(k, v.dup()));
  }

  /** Starts the next step; call once before the {@link #update}s of one batch. */
  public void beginStep() {
    step++;
  }

  /**
   * Applies one Adam update to {@code param} from {@code gradient} (consumed: overwritten).
   *
   * @param decay whether weight decay applies to this parameter
   */
  public void update(String name, INDArray param, INDArray gradient, boolean decay) {
    if (step == 0) {
      throw new IllegalStateException("beginStep() must precede update()");
    }
    INDArray m = first.computeIfAbsent(name, n -> Nd4j.zerosLike(param));
    INDArray v = second.computeIfAbsent(name, n -> Nd4j.zerosLike(param));
    if (decay && weightDecay > 0) {
      gradient.addi(param.mul(weightDecay));
    }
    m.muli(BETA1).addi(gradient.mul(1 - BETA1));
    v.muli(BETA2).addi(gradient.muli(gradient).muli(1 - BETA2));
    double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
    INDArray denominator = Transforms.sqrt(v, true).addi(EPSILON);
    param.subi(m.div(denominator).muli(alpha));
  }
}
