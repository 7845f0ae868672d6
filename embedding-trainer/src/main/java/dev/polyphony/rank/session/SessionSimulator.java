package dev.polyphony.rank.session;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Serves sessions in a {@link SessionWorld} with a {@link FusionPolicy} and logs them.
 *
 * <p>A session: a user drawn uniformly; per request, candidates from {@link SessionWorld#candidates} (tracks
 * shown earlier in the session excluded), the state from {@link SessionObservation}, an action drawn from the
 * policy, the candidates scored by the action's fusion over the true entire-space probabilities
 * {@code [p(click), p(click) p(save | click)]} (an exact ranker, so the fusion alone differs between
 * policies), the slate picked by {@link SlateBuilder}, clicks and saves drawn, the satisfaction updated by the
 * {@link SatisfactionModel}, and the session ends when the user stops, after {@code maxSteps} requests, or
 * when fewer candidates than a slate remain.
 *
 * <p>Deterministic: session {@code i} of a run seeded {@code seed} draws from the stream
 * {@code derive(seed, i)}, its first draw choosing the user, so runs of different policies with one seed
 * serve the same users.
 */
public final class SessionSimulator {
  private final SessionWorld world;
  private final SatisfactionModel user;

  public SessionSimulator(SessionWorld world, SatisfactionModel user) {
    this.world = Objects.requireNonNull(world, "world");
    this.user = Objects.requireNonNull(user, "user");
  }

  public SessionWorld world() {
    return world;
  }

  public SatisfactionModel user() {
    return user;
  }

  /** The logged sessions of a run and their statistics. */
  public record Run(SessionLog log, SessionStats stats) {}

  /** Serves {@code sessions} sessions with {@code policy}. */
  public Run run(FusionPolicy policy, int sessions, long seed) {
    if (sessions <= 0) {
      throw new IllegalArgumentException("sessions must be > 0 (got " + sessions + ")");
    }
    List<Transition> transitions = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      session(policy, i, new SplittableRandom(SeedDerivation.derive(seed, i)), transitions);
    }
    return new Run(new SessionLog(policy.actions(), SessionObservation.FEATURES, transitions),
        SessionStats.of(transitions));
  }

  private void session(FusionPolicy policy, int index, SplittableRandom random, List<Transition> out) {
    SessionWorldConfig config = world.config();
    int u = random.nextInt(world.users());
    boolean[] shownBefore = new boolean[world.items()];
    SessionObservation observation = new SessionObservation(config.maxSteps());
    double satisfaction = user.config().initial();
    int slateSize = config.slateSize();
    Pending pending = null;
    for (int step = 0; step < config.maxSteps(); step++) {
      int[] candidates = world.candidates(u, shownBefore, random);
      if (candidates.length < slateSize) {
        break;
      }
      int n = candidates.length;
      double[] click = new double[n];
      int[] genres = new int[n];
      float[] predictions = new float[2 * n];
      float[] fresh = new float[n];
      float[] tail = new float[n];
      for (int c = 0; c < n; c++) {
        int track = candidates[c];
        click[c] = world.clickProbability(u, track);
        genres[c] = world.genre(track);
        predictions[2 * c] = (float) click[c];
        predictions[2 * c + 1] = (float) (click[c] * world.saveProbability(u, track));
        fresh[c] = world.fresh(track) ? 1 : 0;
        tail[c] = world.tail(track) ? 1 : 0;
      }
      float[] state = observation.features(click, genres, slateSize);
      if (pending != null) {
        out.add(pending.finish(state));
      }
      double[] probabilities = policy.probabilities(state);
      int a = FusionPolicy.sample(probabilities, random);
      FusionAction action = policy.actions().get(a);
      float[] scores = action.fusion().scores(predictions, n, trait -> Optional.ofNullable(
          trait == ExposureTrait.FRESH ? fresh : trait == ExposureTrait.TAIL_CREATOR ? tail : null));
      int[] slate = SlateBuilder.select(scores, genres, slateSize, action.diversity());
      double[] slateClick = new double[slateSize];
      int[] slateGenres = new int[slateSize];
      boolean[] slateFresh = new boolean[slateSize];
      int clicks = 0;
      int saves = 0;
      for (int p = 0; p < slateSize; p++) {
        int track = candidates[slate[p]];
        shownBefore[track] = true;
        slateClick[p] = click[slate[p]];
        slateGenres[p] = genres[slate[p]];
        slateFresh[p] = world.fresh(track);
        if (random.nextDouble() < slateClick[p]) {
          clicks++;
          if (random.nextDouble() < world.saveProbability(u, track)) {
            saves++;
          }
        }
      }
      SatisfactionModel.SlateQuality quality = SatisfactionModel.SlateQuality.of(slateClick, slateGenres, slateFresh);
      satisfaction = user.next(satisfaction, quality);
      observation.served(quality, clicks, slateSize);
      boolean continues = random.nextDouble() < user.continuation(satisfaction);
      pending = new Pending(index, u, step, state, a, probabilities, user.reward(clicks, saves), clicks, saves,
          slateSize);
      if (!continues) {
        break;
      }
    }
    if (pending != null) {
      out.add(pending.finish(new float[0]));
    }
  }

  /** A transition waiting for the next state (empty when the session ends). */
  private record Pending(int session, int user, int step, float[] state, int action, double[] behaviour,
      double reward, int clicks, int saves, int shown) {
    Transition finish(float[] next) {
      return new Transition(session, user, step, state, action, behaviour, reward, clicks, saves, shown,
          next.length == 0, next);
    }
  }
}
