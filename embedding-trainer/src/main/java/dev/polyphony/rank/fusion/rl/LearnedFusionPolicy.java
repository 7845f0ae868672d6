package dev.polyphony.rank.fusion.rl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.rank.session.FusionAction;
import dev.polyphony.rank.session.FusionPolicy;
import dev.polyphony.rank.session.SessionLogJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fusion policy learned offline: in every state the allowed action with the highest lower confidence bound of
 * its {@link LinearQFunction}. Saved as JSON with the actions, the state features' names and the Q function.
 *
 * @param actions the actions
 * @param features names of the state features the Q function reads
 * @param q the learned Q function
 */
public record LearnedFusionPolicy(List<FusionAction> actions, List<String> features, LinearQFunction q)
    implements FusionPolicy {
  /** The {@code kind} of the JSON form. */
  public static final String KIND = "polyphony-fusion-policy/fitted-q";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LearnedFusionPolicy {
    actions = List.copyOf(actions);
    features = List.copyOf(features);
    Objects.requireNonNull(q, "q");
    if (q.actions() != actions.size()) {
      throw new IllegalArgumentException("the Q function has " + q.actions() + " actions, the policy "
          + actions.size());
    }
    if (q.stateFeatures() != features.size()) {
      throw new IllegalArgumentException("the Q function reads " + q.stateFeatures() + " features, the policy names "
          + features.size());
    }
  }

  /** The chosen action's index. */
  public int act(float[] state) {
    return q.greedy(state);
  }

  @Override
  public double[] probabilities(float[] state) {
    double[] p = new double[actions.size()];
    p[act(state)] = 1;
    return p;
  }

  @Override
  public String name() {
    return "learned (fitted-Q)";
  }

  /** Writes the policy as JSON, atomically. */
  public void write(Path file) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND);
    ArrayNode f = root.putArray("features");
    features.forEach(f::add);
    ArrayNode a = root.putArray("actions");
    actions.forEach(action -> a.add(SessionLogJson.action(action)));
    root.put("pessimism", q.pessimism());
    ArrayNode allowed = root.putArray("allowed");
    for (boolean b : q.allowed()) {
      allowed.add(b);
    }
    ArrayNode theta = root.putArray("theta");
    for (double v : q.theta()) {
      theta.add(v);
    }
    ArrayNode covariance = root.putArray("covariance");
    for (double[] r : q.covariance()) {
      ArrayNode row = covariance.addArray();
      for (double v : r) {
        row.add(v);
      }
    }
    AtomicFiles.writeString(file, MAPPER.writeValueAsString(root) + "\n");
  }

  /**
   * Reads a policy written by {@link #write}.
   *
   * @throws IOException naming the file and the problem when it is not such a policy
   */
  public static LearnedFusionPolicy read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such fusion policy file");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IOException(file + ": not a JSON fusion policy: " + e.getMessage(), e);
    }
    try {
      String kind = SessionLogJson.required(root, "kind").asText();
      if (!KIND.equals(kind)) {
        throw new IllegalArgumentException("field 'kind' is '" + kind + "', expected '" + KIND + "'");
      }
      List<String> features = new ArrayList<>();
      SessionLogJson.required(root, "features").forEach(n -> features.add(n.asText()));
      List<FusionAction> actions = new ArrayList<>();
      SessionLogJson.required(root, "actions").forEach(n -> actions.add(SessionLogJson.action(n)));
      JsonNode allowedNode = SessionLogJson.required(root, "allowed");
      boolean[] allowed = new boolean[allowedNode.size()];
      for (int i = 0; i < allowed.length; i++) {
        allowed[i] = allowedNode.get(i).asBoolean();
      }
      double[] theta = SessionLogJson.doubles(SessionLogJson.required(root, "theta"));
      JsonNode covNode = SessionLogJson.required(root, "covariance");
      double[][] cov = new double[covNode.size()][];
      for (int i = 0; i < cov.length; i++) {
        cov[i] = SessionLogJson.doubles(covNode.get(i));
      }
      return new LearnedFusionPolicy(actions, features, new LinearQFunction(theta, cov,
          SessionLogJson.required(root, "pessimism").asDouble(), allowed, ActionFeatures.of(actions)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
