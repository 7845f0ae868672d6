package dev.polyphony.rank.head;

import dev.polyphony.graph.sample.SeedDerivation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainable variables of a ranking head, created once by name and initialised on the host from a
 * seed, so two heads built with one seed start equal. Besides matrices and bias rows it makes stacks of
 * them, one slice per task or expert group, so a batched product serves every slice in one op.
 *
 * <p>Weights use Glorot uniform initialisation per slice (Glorot and Bengio, AISTATS 2010); biases start at
 * zero. The i-th parameter created draws from the stream {@code seed / i}, so adding a parameter later does
 * not change the earlier ones.
 */
public final class HeadParameters {
  private final SameDiff sd;
  private final long seed;
  private final Map<String, SDVariable> variables = new LinkedHashMap<>();

  public HeadParameters(SameDiff sd, long seed) {
    this.sd = sd;
    this.seed = seed;
  }

  public SameDiff sameDiff() {
    return sd;
  }

  /** The {@code rows x columns} weight matrix {@code name}. */
  public SDVariable weight(String name, int rows, int columns) {
    return glorot(name, new long[] {rows, columns}, rows, columns);
  }

  /** {@code stack} weight matrices of {@code rows x columns} as one {@code [stack, rows, columns]} variable. */
  public SDVariable stackedWeight(String name, int stack, int rows, int columns) {
    return glorot(name, new long[] {stack, rows, columns}, rows, columns);
  }

  /** The bias row {@code [1, size]}, zero at first. */
  public SDVariable bias(String name, int size) {
    return filled(name, new long[] {1, size}, 0f);
  }

  /** {@code stack} bias rows as one {@code [stack, 1, size]} variable, zero at first. */
  public SDVariable stackedBias(String name, int stack, int size) {
    return filled(name, new long[] {stack, 1, size}, 0f);
  }

  /** A variable of the given shape with every entry {@code value} at first. */
  public SDVariable filled(String name, long[] shape, float value) {
    SDVariable existing = existing(name, shape);
    if (existing != null) {
      return existing;
    }
    SDVariable v = sd.var(name, Nd4j.valueArrayOf(shape, value, DataType.FLOAT));
    variables.put(name, v);
    return v;
  }

  /** Names of all parameters in creation order. */
  public List<String> names() {
    return new ArrayList<>(variables.keySet());
  }

  /** Number of scalar parameters. */
  public long count() {
    long n = 0;
    for (SDVariable v : variables.values()) {
      n += v.getArr().length();
    }
    return n;
  }

  private SDVariable glorot(String name, long[] shape, int fanIn, int fanOut) {
    SDVariable existing = existing(name, shape);
    if (existing != null) {
      return existing;
    }
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, variables.size()));
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    float[] values = new float[Math.toIntExact(n)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    SDVariable v = sd.var(name, Nd4j.create(values, shape, 'c'));
    variables.put(name, v);
    return v;
  }

  private SDVariable existing(String name, long[] shape) {
    SDVariable v = variables.get(name);
    if (v != null && !Arrays.equals(v.getShape(), shape)) {
      throw new IllegalStateException("parameter '" + name + "' exists with shape " + Arrays.toString(v.getShape())
          + ", requested " + Arrays.toString(shape));
    }
    return v;
  }
}
