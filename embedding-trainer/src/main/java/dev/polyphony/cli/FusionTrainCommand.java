package dev.polyphony.cli;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.rank.fusion.rl.FittedQConfig;
import dev.polyphony.rank.fusion.rl.FittedQIteration;
import dev.polyphony.rank.fusion.rl.LearnedFusionPolicy;
import dev.polyphony.rank.session.BehaviourPolicy;
import dev.polyphony.rank.session.FusionActions;
import dev.polyphony.rank.session.SatisfactionConfig;
import dev.polyphony.rank.session.SatisfactionModel;
import dev.polyphony.rank.session.SessionLog;
import dev.polyphony.rank.session.SessionSimulator;
import dev.polyphony.rank.session.SessionStats;
import dev.polyphony.rank.session.SessionWorld;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony fusion-train}: learns a score-fusion policy offline from logged sessions (simulated with the
 * behaviour policy, or read from a session log) by conservative fitted-Q iteration, and writes it as JSON.
 */
@Command(name = "fusion-train", mixinStandardHelpOptions = true,
    description = {"Learns which fusion weights to use per request for long-term satisfaction (session return, "
        + "not the next click) from logged sessions, by conservative fitted-Q iteration over a grid of 12 fusion "
        + "actions (save weight, fresh weight, genre diversity).",
        "Without --log, logs --sessions sessions of the session simulator with the behaviour policy (the product "
            + "fusion with probability 1 - epsilon, else a uniform action) and writes them to --out too.",
        "Writes fusion-policy.json, sessions.jsonl and fusion-train.json to --out."})
final class FusionTrainCommand implements Callable<Integer> {
  static final String POLICY = "fusion-policy.json";
  static final String SESSIONS = "sessions.jsonl";
  static final String SUMMARY = "fusion-train.json";

  @Spec
  CommandSpec spec;

  @Mixin
  SessionWorldOptions world;

  @Option(names = "--log", paramLabel = "FILE", description = "Session log (JSON Lines as written here) to learn from "
      + "instead of simulating one.")
  Path log;

  @Option(names = "--sessions", paramLabel = "N", defaultValue = "2000",
      description = "Sessions to log when simulating (default: ${DEFAULT-VALUE}).")
  int sessions;

  @Option(names = "--epsilon", paramLabel = "X", defaultValue = "0.5",
      description = "Exploration share of the behaviour policy (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the logged sessions (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--gamma", paramLabel = "X", defaultValue = "0.9", description = "Discount (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "40",
      description = "Fitted-Q rounds (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--pessimism", paramLabel = "X", defaultValue = "1",
      description = "Standard errors subtracted from Q (default: ${DEFAULT-VALUE}).")
  double pessimism;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "polyphony-out/fusion",
      description = "Folder for the policy, the log and the summary (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    FittedQConfig fq;
    BehaviourPolicy behaviour;
    SessionSimulator simulator;
    try {
      FittedQConfig d = FittedQConfig.defaults();
      fq = new FittedQConfig(gamma, iterations, d.ridge(), pessimism, d.supportThreshold());
      behaviour = new BehaviourPolicy(FusionActions.defaults(), FusionActions.PRODUCT, epsilon);
      if (sessions <= 0) {
        throw new IllegalArgumentException("--sessions must be > 0 (got " + sessions + ")");
      }
      simulator = new SessionSimulator(SessionWorld.generate(world.config()),
          new SatisfactionModel(SatisfactionConfig.defaults()));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Files.createDirectories(out);
    SessionLog logged;
    if (log != null) {
      logged = SessionLog.read(log);
    } else {
      logged = simulator.run(behaviour, sessions, SeedDerivation.derive(seed, 1)).log();
      logged.write(out.resolve(SESSIONS));
    }
    SessionStats loggedStats = SessionStats.of(logged.transitions());
    long started = System.nanoTime();
    LearnedFusionPolicy policy = new FittedQIteration(fq).train(logged);
    double seconds = (System.nanoTime() - started) / 1e9;
    policy.write(out.resolve(POLICY));

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("log", log != null ? log.toString() : out.resolve(SESSIONS).toString());
    summary.put("sessions", logged.sessions());
    summary.put("transitions", logged.transitions().size());
    summary.put("logged", loggedStats);
    summary.put("fittedQ", fq);
    summary.put("trainSeconds", seconds);
    Map<String, Boolean> support = new LinkedHashMap<>();
    for (int a = 0; a < policy.actions().size(); a++) {
      support.put(policy.actions().get(a).label(), policy.q().allowed()[a]);
    }
    summary.put("support", support);
    AtomicFiles.writeString(out.resolve(SUMMARY), Json.write(summary) + "\n");

    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "learned a fusion policy from %d logged sessions (%d requests; logged return %.2f, length "
            + "%.2f, click rate %.4f) in %.1f s%n", logged.sessions(), logged.transitions().size(),
        loggedStats.meanReturn(), loggedStats.meanLength(), loggedStats.clickRate(), seconds);
    w.println("wrote " + out.resolve(POLICY) + (log == null ? ", " + out.resolve(SESSIONS) : "") + " and "
        + out.resolve(SUMMARY));
    w.println("evaluate with: ./polyphony fusion-eval --policy " + out.resolve(POLICY) + " " + world.asArguments());
    w.flush();
    return 0;
  }
}
