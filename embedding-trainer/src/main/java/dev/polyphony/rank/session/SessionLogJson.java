package dev.polyphony.rank.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.fusion.ScoreFusion;
import java.util.EnumMap;
import java.util.Map;

/** The JSON forms shared by session logs and fusion policies. */
public final class SessionLogJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SessionLogJson() {}

  public static ObjectNode action(FusionAction action) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode w = o.putArray("taskWeights");
    for (double v : action.fusion().taskWeights()) {
      w.add(v);
    }
    ObjectNode traits = o.putObject("traitWeights");
    action.fusion().traitWeights().forEach((trait, v) -> traits.put(trait.label(), v));
    o.put("diversity", action.diversity());
    return o;
  }

  public static FusionAction action(JsonNode o) {
    Map<ExposureTrait, Double> traits = new EnumMap<>(ExposureTrait.class);
    required(o, "traitWeights").fields().forEachRemaining(e -> traits.put(ExposureTrait.parse(e.getKey()),
        e.getValue().asDouble()));
    return new FusionAction(new ScoreFusion(doubles(required(o, "taskWeights")), traits),
        required(o, "diversity").asDouble());
  }

  public static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v;
  }

  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  public static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }
}
