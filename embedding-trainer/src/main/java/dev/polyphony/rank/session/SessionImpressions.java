package dev.polyphony.rank.session;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The first request of sessions as a ranking {@link ImpressionLog} (every candidate shown, with its click and
 * save drawn), for the per-request fusion search of {@link dev.polyphony.rank.fusion.FusionSearch}: what the
 * myopic objective of the ranking issue sees of the session world. Features and predictions are the true
 * entire-space probabilities {@code p(click)} and {@code p(click) p(save | click)}; traits tail and fresh.
 */
public final class SessionImpressions {
  /** The funnel click -> save. */
  public static final RankingTasks TASKS = RankingTasks.chain("click", "save");

  private SessionImpressions() {}

  /** The log and the predictions ({@code rows x 2}) to rank it with. */
  public record Impressions(ImpressionLog log, float[] predictions) {}

  /** The first requests of {@code queries} sessions; query {@code q} draws from the stream {@code derive(seed, q)}. */
  public static Impressions generate(SessionWorld world, int queries, long seed) {
    if (queries <= 0) {
      throw new IllegalArgumentException("queries must be > 0 (got " + queries + ")");
    }
    ImpressionLog.Builder builder = new ImpressionLog.Builder(TASKS, List.of("p_click", "p_save"),
        EnumSet.of(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH), true);
    it.unimi.dsi.fastutil.floats.FloatArrayList predictions = new it.unimi.dsi.fastutil.floats.FloatArrayList();
    boolean[] none = new boolean[world.items()];
    for (int q = 0; q < queries; q++) {
      SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, q));
      int u = random.nextInt(world.users());
      for (int track : world.candidates(u, none, random)) {
        float click = (float) world.clickProbability(u, track);
        float save = (float) world.saveProbability(u, track);
        byte clicked = (byte) (random.nextDouble() < click ? 1 : 0);
        byte saved = (byte) (clicked == 1 && random.nextDouble() < save ? 1 : 0);
        float[] row = {click, click * save};
        builder.add(q, track, row, new byte[] {clicked, saved},
            new float[] {world.tail(track) ? 1 : 0, world.fresh(track) ? 1 : 0}, new float[] {click, save});
        predictions.addElements(predictions.size(), row);
      }
    }
    return new Impressions(builder.build(), predictions.toFloatArray());
  }
}
