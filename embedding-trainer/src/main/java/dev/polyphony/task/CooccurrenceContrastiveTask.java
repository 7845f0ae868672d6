package dev.polyphony.task;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.NodeType;
import dev.polyphony.model.SageModel;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Organisational task: tracks that share a playlist are close. Contrastive InfoNCE loss (van den Oord et al.,
 * "Representation Learning with Contrastive Predictive Coding", 2018) over a batch of pairs from
 * {@link CooccurrencePairBatches}: for anchor {@code a} with positive {@code p}, every other seed of the batch
 * is a negative (in-batch negatives, plus the batch's uniformly drawn tracks),
 * <pre>
 *   L = -mean_pairs log( exp(cos(z_a, z_p) / tau) / sum_{s != a} exp(cos(z_a, z_s) / tau) )
 * </pre>
 * Seeds that share a playlist with the anchor (other than the positive) are left out of the denominator, so
 * true co-members are not pushed apart. Rows are picked with one-hot matrices, so every gradient flows
 * through matrix products.
 */
public final class CooccurrenceContrastiveTask implements Task {
  private static final float EXCLUDED = -1e4f;

  private final String name;
  private final NodeType trackType;
  private final CsrAdjacency playlistTracks;
  private final CsrAdjacency trackPlaylists;
  private final double temperature;

  /**
   * @param playlistTracks training playlist-track edges (rows: playlists)
   * @param trackPlaylists the same edges from the tracks' side
   * @param temperature softmax temperature {@code tau > 0}
   */
  public CooccurrenceContrastiveTask(String name, NodeType trackType, CsrAdjacency playlistTracks,
      CsrAdjacency trackPlaylists, double temperature) {
    this.name = Objects.requireNonNull(name, "name");
    this.trackType = Objects.requireNonNull(trackType, "trackType");
    this.playlistTracks = Objects.requireNonNull(playlistTracks, "playlistTracks");
    this.trackPlaylists = Objects.requireNonNull(trackPlaylists, "trackPlaylists");
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0 (got " + temperature + ")");
    }
    this.temperature = temperature;
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
    SDVariable anchors = sd.placeHolder(placeholder("anchors"), DataType.FLOAT, -1, -1);
    SDVariable positives = sd.placeHolder(placeholder("positives"), DataType.FLOAT, -1, -1);
    SDVariable excluded = sd.placeHolder(placeholder("excluded"), DataType.FLOAT, -1, -1);
    SDVariable logits = sd.mmul(anchors.mmul(unit), unit, false, true, false).div(temperature).add(excluded);
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
    float[] anchors = new float[b * s];
    float[] positives = new float[b * s];
    float[] excluded = new float[b * s];
    int[] seeds = batch.seeds();
    for (int i = 0; i < b; i++) {
      int a = batch.anchors()[i];
      int p = batch.positives()[i];
      anchors[i * s + a] = 1f;
      positives[i * s + p] = 1f;
      excluded[i * s + a] = EXCLUDED;
      int track = seeds[a];
      for (int e = trackPlaylists.start(track), end = trackPlaylists.end(track); e < end; e++) {
        int playlist = trackPlaylists.target(e);
        for (int j = 0; j < s; j++) {
          if (j != p && j != a && playlistTracks.contains(playlist, seeds[j])) {
            excluded[i * s + j] = EXCLUDED;
          }
        }
      }
    }
    return Map.of(placeholder("anchors"), Nd4j.create(anchors, new long[] {b, s}, 'c'),
        placeholder("positives"), Nd4j.create(positives, new long[] {b, s}, 'c'),
        placeholder("excluded"), Nd4j.create(excluded, new long[] {b, s}, 'c'));
  }

  private String placeholder(String part) {
    return name + "_" + part;
  }
}
