package dev.polyphony.task;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.NodeType;
import dev.polyphony.model.SageModel;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Organisational task: tracks that share a playlist are close. Contrastive InfoNCE loss (van den Oord et al.,
 * "Representation Learning with Contrastive Predictive Coding", 2018) over the (context, positive) pairs of
 * {@link CooccurrencePairBatches}. The query {@code q} of a pair is the normalised mean of its context
 * tracks' unit embeddings -- the centroid a playlist is scored with at recommendation time -- and every other
 * seed of the batch is a negative (in-batch negatives, plus the batch's uniformly drawn tracks):
 * <pre>
 *   L = -mean_pairs log( exp(cos(q, z_p) / tau) / sum_{s in S} exp(cos(q, z_s) / tau) )
 * </pre>
 * where S leaves out the seeds that share a playlist with the positive (its context among them), so true
 * co-members are not pushed apart. With a {@link SamplingCorrection}, each logit {@code cos(q, z_s) / tau} is
 * lowered by the log of the expected count of s in a batch. Rows are picked by averaging and one-hot matrices, so every gradient flows
 * through matrix products.
 */
public final class CooccurrenceContrastiveTask implements Task {
  private static final float EXCLUDED = -1e4f;

  private final String name;
  private final NodeType trackType;
  private final CsrAdjacency trackPlaylists;
  private final double temperature;
  private final SamplingCorrection correction;

  /**
   * @param trackPlaylists training playlist-track edges from the tracks' side (rows: tracks)
   * @param temperature softmax temperature {@code tau > 0}
   * @param correction sampling-bias correction of the logits, or {@link SamplingCorrection#NONE}
   */
  public CooccurrenceContrastiveTask(String name, NodeType trackType, CsrAdjacency trackPlaylists,
      double temperature, SamplingCorrection correction) {
    this.name = Objects.requireNonNull(name, "name");
    this.trackType = Objects.requireNonNull(trackType, "trackType");
    this.trackPlaylists = Objects.requireNonNull(trackPlaylists, "trackPlaylists");
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0 (got " + temperature + ")");
    }
    this.temperature = temperature;
    this.correction = Objects.requireNonNull(correction, "correction");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NodeType seedType() {
    return trackType;
  }

  @Override
  public String buildLoss(SageModel model) {
    SameDiff sd = model.sameDiff();
    SDVariable z = model.encoder().embedding(true);
    SDVariable unit = z.div(sd.math().sqrt(sd.math().square(z).sum(true, 1).add(1e-12)));
    SDVariable contexts = sd.placeHolder(placeholder("contexts"), DataType.FLOAT, -1, -1);
    SDVariable positives = sd.placeHolder(placeholder("positives"), DataType.FLOAT, -1, -1);
    SDVariable excluded = sd.placeHolder(placeholder("excluded"), DataType.FLOAT, -1, -1);
    SDVariable mean = contexts.mmul(unit);
    SDVariable query = mean.div(sd.math().sqrt(sd.math().square(mean).sum(true, 1).add(1e-12)));
    SDVariable logits = sd.mmul(query, unit, false, true, false).div(temperature).add(excluded);
    if (correction.active()) {
      logits = logits.sub(sd.placeHolder(placeholder("logcount"), DataType.FLOAT, 1, -1));
    }
    // -log softmax at the positive = logsumexp(logits) - logit(positive), computed stably with the row maximum;
    // ND4J's logSoftmax takes the log of the softmax, which is -Infinity at the excluded entries.
    SDVariable max = logits.max(true, 1);
    SDVariable logSumExp = sd.math().log(sd.math().exp(logits.sub(max)).sum(true, 1)).add(max);
    SDVariable positiveLogit = positives.mul(logits).sum(true, 1);
    return logSumExp.sub(positiveLogit).mean().rename(name + "_loss").name();
  }

  @Override
  public Map<String, INDArray> targets(TrainingBatch batch) {
    int b = batch.pairCount();
    int s = batch.size();
    if (b == 0) {
      throw new IllegalArgumentException("task '" + name + "' needs a batch of pairs (got " + batch + ")");
    }
    float[] contexts = new float[b * s];
    float[] positives = new float[b * s];
    float[] excluded = new float[b * s];
    int[] seeds = batch.seeds();
    Int2ObjectMap<IntArrayList> rowsByPlaylist = seedRowsByPlaylist(seeds);
    for (int i = 0; i < b; i++) {
      int[] context = batch.context(i);
      for (int row : context) {
        contexts[i * s + row] += 1f / context.length;
        excluded[i * s + row] = EXCLUDED;
      }
      int p = batch.positives()[i];
      positives[i * s + p] = 1f;
      int track = seeds[p];
      for (int e = trackPlaylists.start(track), end = trackPlaylists.end(track); e < end; e++) {
        IntArrayList coMembers = rowsByPlaylist.get(trackPlaylists.target(e));
        for (int k = 0, n = coMembers.size(); k < n; k++) {
          excluded[i * s + coMembers.getInt(k)] = EXCLUDED;
        }
      }
      excluded[i * s + p] = 0f;
    }
    Map<String, INDArray> targets = new HashMap<>(Map.of(
        placeholder("contexts"), Nd4j.create(contexts, new long[] {b, s}, 'c'),
        placeholder("positives"), Nd4j.create(positives, new long[] {b, s}, 'c'),
        placeholder("excluded"), Nd4j.create(excluded, new long[] {b, s}, 'c')));
    if (correction.active()) {
      float[] logCount = new float[s];
      for (int j = 0; j < s; j++) {
        logCount[j] = correction.logExpectedCount(seeds[j]);
      }
      targets.put(placeholder("logcount"), Nd4j.create(logCount, new long[] {1, s}, 'c'));
    }
    return targets;
  }

  /**
   * The batch rows of the seeds in each training playlist that has one, so that the co-members of a positive
   * are found in time linear in the batch's memberships rather than by a search per (pair, playlist, seed).
   */
  private Int2ObjectMap<IntArrayList> seedRowsByPlaylist(int[] seeds) {
    Int2ObjectMap<IntArrayList> rows = new Int2ObjectOpenHashMap<>();
    for (int j = 0; j < seeds.length; j++) {
      for (int e = trackPlaylists.start(seeds[j]), end = trackPlaylists.end(seeds[j]); e < end; e++) {
        rows.computeIfAbsent(trackPlaylists.target(e), playlist -> new IntArrayList()).add(j);
      }
    }
    return rows;
  }

  private String placeholder(String part) {
    return name + "_" + part;
  }
}
