package dev.polyphony.rank.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Logged sessions: the behaviour policy's actions, the state features' names and every transition, sessions
 * contiguous and in step order. Written as JSON Lines: a header line with the actions and features, then one
 * line per transition.
 *
 * @param actions the actions the transitions index
 * @param features names of the state features
 * @param transitions the transitions
 */
public record SessionLog(List<FusionAction> actions, List<String> features, List<Transition> transitions) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public SessionLog {
    actions = List.copyOf(actions);
    features = List.copyOf(features);
    transitions = List.copyOf(transitions);
    for (Transition t : transitions) {
      if (t.behaviour().length != actions.size() || t.state().length != features.size()) {
        throw new IllegalArgumentException("transition of session " + t.session() + " step " + t.step() + " has "
            + t.behaviour().length + " action probabilities and " + t.state().length + " features; the log "
            + actions.size() + " actions and " + features.size() + " features");
      }
    }
  }

  /** Sessions in the log. */
  public int sessions() {
    int n = 0;
    int previous = Integer.MIN_VALUE;
    for (Transition t : transitions) {
      if (t.session() != previous) {
        n++;
        previous = t.session();
      }
    }
    return n;
  }

  /** Writes the log as JSON Lines to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      ObjectNode header = MAPPER.createObjectNode();
      ArrayNode a = header.putArray("actions");
      for (FusionAction action : actions) {
        a.add(SessionLogJson.action(action));
      }
      ArrayNode f = header.putArray("features");
      features.forEach(f::add);
      w.write(MAPPER.writeValueAsString(header));
      w.write('\n');
      for (Transition t : transitions) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("session", t.session()).put("user", t.user()).put("step", t.step());
        ArrayNode s = o.putArray("state");
        for (float v : t.state()) {
          s.add(v);
        }
        o.put("action", t.action());
        ArrayNode b = o.putArray("behaviour");
        for (double p : t.behaviour()) {
          b.add(p);
        }
        o.put("reward", t.reward()).put("clicks", t.clicks()).put("saves", t.saves()).put("shown", t.shown())
            .put("terminal", t.terminal());
        ArrayNode ns = o.putArray("nextState");
        for (float v : t.nextState()) {
          ns.add(v);
        }
        w.write(MAPPER.writeValueAsString(o));
        w.write('\n');
      }
      w.flush();
    });
  }

  /**
   * Reads a log written by {@link #write}.
   *
   * @throws IOException naming the file and line of a malformed or invalid record
   */
  public static SessionLog read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null) {
        throw new IOException(file + ": empty session log (expected a header line)");
      }
      List<FusionAction> actions = new ArrayList<>();
      List<String> features = new ArrayList<>();
      int lineNo = 1;
      try {
        JsonNode header = MAPPER.readTree(line);
        for (JsonNode a : SessionLogJson.required(header, "actions")) {
          actions.add(SessionLogJson.action(a));
        }
        for (JsonNode f : SessionLogJson.required(header, "features")) {
          features.add(f.asText());
        }
        List<Transition> transitions = new ArrayList<>();
        while ((line = reader.readLine()) != null) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode o = MAPPER.readTree(line);
          transitions.add(new Transition(SessionLogJson.required(o, "session").asInt(), SessionLogJson.required(o, "user").asInt(),
              SessionLogJson.required(o, "step").asInt(), SessionLogJson.floats(SessionLogJson.required(o, "state")), SessionLogJson.required(o, "action").asInt(),
              SessionLogJson.doubles(SessionLogJson.required(o, "behaviour")), SessionLogJson.required(o, "reward").asDouble(), SessionLogJson.required(o, "clicks").asInt(),
              SessionLogJson.required(o, "saves").asInt(), SessionLogJson.required(o, "shown").asInt(), SessionLogJson.required(o, "terminal").asBoolean(),
              SessionLogJson.floats(SessionLogJson.required(o, "nextState"))));
        }
        return new SessionLog(actions, features, transitions);
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
  }
}
