package dev.polyphony.cli;

import dev.polyphony.rank.session.SessionWorldConfig;
import picocli.CommandLine.Option;

/** The options that choose the simulated session world, shared by fusion-train and fusion-eval. */
final class SessionWorldOptions {
  @Option(names = "--world-seed", paramLabel = "S", defaultValue = "3",
      description = "Seed of the session world's users and tracks (default: ${DEFAULT-VALUE}).")
  long worldSeed;

  @Option(names = "--users", paramLabel = "N", defaultValue = "500",
      description = "Users of the session world (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--tracks", paramLabel = "N", defaultValue = "2000",
      description = "Tracks of the session world (default: ${DEFAULT-VALUE}).")
  int tracks;

  /** The world of these options, the rest as {@link SessionWorldConfig#defaults}. */
  SessionWorldConfig config() {
    SessionWorldConfig d = SessionWorldConfig.defaults(worldSeed);
    return new SessionWorldConfig(tracks, users, d.genres(), d.latentDim(), d.candidates(), d.slateSize(), d.maxSteps(),
        d.genreFocus(), d.freshShare(), d.tailShare(), d.signal(), d.clickBias(), d.saveBias(), worldSeed);
  }

  /** The options as they are typed, for reproduction lines. */
  String asArguments() {
    return "--world-seed " + worldSeed + " --users " + users + " --tracks " + tracks;
  }
}
