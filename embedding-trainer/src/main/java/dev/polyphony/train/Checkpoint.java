package dev.polyphony.train;

import dev.polyphony.graph.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a {@link SageTrainer} needs to continue a run after epoch {@link #epoch()} exactly as if it had
 * not stopped: the weights, Adam's step count and moments, the best epoch so far with its weights, and the
 * history. No random state is stored because every random stream of a run derives from the run seed and
 * the (epoch, batch) position.
 *
 * <p>File format (big-endian, written atomically): magic {@code PLYCKPT1}; the run's identity (seed, batch
 * size, learning rate, weight decay, fan-outs, patience, schedule); epoch, Adam step, best epoch, best
 * validation; the history (per epoch also each task's loss and weight); the loss weighting's state; four named
 * array groups (learned id tables included, named {@code id_table:<type>}) (weights, first moments, second moments, best weights), each array as
 * name, shape and float32 values; a CRC-32 of all preceding bytes.
 */
public record Checkpoint(TrainConfig config, int epoch, long adamStep, int bestEpoch, double bestValidation,
    List<EpochStats> history, Map<String, INDArray> weights, Map<String, INDArray> firstMoments,
    Map<String, INDArray> secondMoments, Map<String, INDArray> bestWeights, double[] weightingState) {
  private static final String MAGIC = "PLYCKPT2";

  /** Writes this checkpoint to {@code file} atomically. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, raw -> {
      CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
      DataOutputStream out = new DataOutputStream(checked);
      out.writeUTF(MAGIC);
      out.writeLong(config.seed());
      out.writeInt(config.batchSize());
      out.writeDouble(config.learningRate());
      out.writeDouble(config.weightDecay());
      out.writeUTF(config.fanouts());
      out.writeInt(config.patience());
      out.writeUTF(config.schedule().name());
      out.writeInt(epoch);
      out.writeLong(adamStep);
      out.writeInt(bestEpoch);
      out.writeDouble(bestValidation);
      out.writeInt(history.size());
      for (EpochStats e : history) {
        out.writeInt(e.epoch());
        out.writeInt(e.steps());
        out.writeDouble(e.meanLoss());
        writeNamed(out, e.taskLosses());
        writeNamed(out, e.taskWeights());
        out.writeDouble(e.learningRate());
        out.writeDouble(e.validation());
        out.writeDouble(e.seconds());
      }
      out.writeInt(weightingState.length);
      for (double v : weightingState) {
        out.writeDouble(v);
      }
      for (Map<String, INDArray> group : List.of(weights, firstMoments, secondMoments, bestWeights)) {
        writeGroup(out, group);
      }
      out.flush();
      new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
    });
  }

  private static void writeNamed(DataOutputStream out, Map<String, Double> values) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, Double> e : values.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  private static Map<String, Double> readNamed(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      values.put(in.readUTF(), in.readDouble());
    }
    return values;
  }

  private static void writeGroup(DataOutputStream out, Map<String, INDArray> group) throws IOException {
    out.writeInt(group.size());
    for (Map.Entry<String, INDArray> e : group.entrySet()) {
      out.writeUTF(e.getKey());
      long[] shape = e.getValue().shape();
      out.writeInt(shape.length);
      for (long d : shape) {
        out.writeLong(d);
      }
      float[] values = e.getValue().dup('c').data().asFloat();
      out.writeInt(values.length);
      for (float v : values) {
        out.writeFloat(v);
      }
    }
  }

  /**
   * Reads a checkpoint written by {@link #write}; {@code config} supplies the epoch budget, everything else
   * must match the checkpoint's run.
   *
   * @throws IOException naming the file when it is not a checkpoint, is damaged, or belongs to another run
   */
  public static Checkpoint read(Path file, TrainConfig config) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
      DataInputStream in = new DataInputStream(checked);
      String magic = in.readUTF();
      if (!MAGIC.equals(magic)) {
        throw new IOException(file + ": not a training checkpoint (magic '" + magic + "')");
      }
      long seed = in.readLong();
      int batchSize = in.readInt();
      double learningRate = in.readDouble();
      double weightDecay = in.readDouble();
      String fanouts = in.readUTF();
      int patience = in.readInt();
      LearningRateSchedule schedule = LearningRateSchedule.valueOf(in.readUTF());
      TrainConfig stored = new TrainConfig(config.epochs(), batchSize, learningRate, weightDecay, fanouts, patience,
          seed, schedule);
      if (!stored.equals(config)) {
        throw new IOException(file + ": checkpoint of run " + stored + " cannot resume run " + config);
      }
      int epoch = in.readInt();
      long adamStep = in.readLong();
      int bestEpoch = in.readInt();
      double bestValidation = in.readDouble();
      int n = in.readInt();
      List<EpochStats> history = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        history.add(new EpochStats(in.readInt(), in.readInt(), in.readDouble(), readNamed(in), readNamed(in),
            in.readDouble(), in.readDouble(), in.readDouble()));
      }
      double[] weightingState = new double[in.readInt()];
      for (int i = 0; i < weightingState.length; i++) {
        weightingState[i] = in.readDouble();
      }
      Map<String, INDArray> weights = readGroup(in);
      Map<String, INDArray> first = readGroup(in);
      Map<String, INDArray> second = readGroup(in);
      Map<String, INDArray> best = readGroup(in);
      long expected = checked.getChecksum().getValue();
      long actual = new DataInputStream(raw).readLong();
      if (expected != actual) {
        throw new IOException(file + ": checkpoint is damaged (checksum " + Long.toHexString(actual)
            + ", content " + Long.toHexString(expected) + ")");
      }
      return new Checkpoint(config, epoch, adamStep, bestEpoch, bestValidation, history, weights, first, second, best,
          weightingState);
    } catch (java.io.EOFException e) {
      throw new IOException(file + ": checkpoint is truncated", e);
    }
  }

  private static Map<String, INDArray> readGroup(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, INDArray> group = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      long[] shape = new long[in.readInt()];
      for (int d = 0; d < shape.length; d++) {
        shape[d] = in.readLong();
      }
      float[] values = new float[in.readInt()];
      for (int v = 0; v < values.length; v++) {
        values[v] = in.readFloat();
      }
      group.put(name, Nd4j.create(values, shape, 'c'));
    }
    return group;
  }
}
