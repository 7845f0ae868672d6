package dev.polyphony.model;

import dev.polyphony.graph.sample.SeedDerivation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainable variables of one SameDiff graph, created once by name and initialised from a seed on the
 * host, so two models built with one seed start from identical weights whatever ND4J's random state is.
 *
 * <p>Weights use Glorot uniform initialisation (Glorot and Bengio, AISTATS 2010), biases start at zero. The
 * i-th parameter created draws from the stream {@code seed / i}, so adding a parameter later does not change
 * the earlier ones.
 */
public final class Parameters {
  private final SameDiff sd;
  private final long seed;
  private final Map<String, SDVariable> variables = new LinkedHashMap<>();
  private final List<String> weights = new ArrayList<>();

  public Parameters(SameDiff sd, long seed) {
    this.sd = sd;
    this.seed = seed;
  }

  public SameDiff sameDiff() {
    return sd;
  }

  /** The {@code rows x columns} weight matrix {@code name}, created on first request. */
  public SDVariable weight(String name, int rows, int columns) {
    SDVariable existing = variables.get(name);
    if (existing != null) {
      requireShape(existing, rows, columns);
      return existing;
    }
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, variables.size()));
    double limit = Math.sqrt(6.0 / (rows + columns));
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    SDVariable v = sd.var(name, Nd4j.create(values, new long[] {rows, columns}, 'c'));
    variables.put(name, v);
    weights.add(name);
    return v;
  }

  /** The bias row vector {@code name} of length {@code size} ({@code [1, size]}), created on first request. */
  public SDVariable bias(String name, int size) {
    SDVariable existing = variables.get(name);
    if (existing != null) {
      requireShape(existing, 1, size);
      return existing;
    }
    SDVariable v = sd.var(name, Nd4j.zeros(DataType.FLOAT, 1, size));
    variables.put(name, v);
    return v;
  }

  /** Names of all parameters in creation order. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(variables.keySet()));
  }

  /** Whether {@code name} is a weight matrix (subject to weight decay) rather than a bias. */
  public boolean isWeight(String name) {
    return weights.contains(name);
  }

  /** Number of scalar parameters. */
  public long count() {
    long n = 0;
    for (SDVariable v : variables.values()) {
      n += v.getArr().length();
    }
    return n;
  }

  private static void requireShape(SDVariable v, long rows, long columns) {
    long[] shape = v.getShape();
    if (shape.length != 2 || shape[0] != rows || shape[1] != columns) {
      throw new IllegalStateException("parameter '" + v.name() + "' exists with shape "
          + java.util.Arrays.toString(shape) + ", requested [" + rows + ", " + columns + "]");
    }
  }
}
