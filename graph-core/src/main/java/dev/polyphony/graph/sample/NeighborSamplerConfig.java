package dev.polyphony.graph.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parameters of {@link NeighborSampler}: how many neighbours to draw per hop and per relation, in which
 * direction each relation is followed, and how neighbours are drawn.
 *
 * <p><b>Fan-outs.</b> {@code fanouts.get(h)} maps relation names to the number of neighbours drawn at hop
 * {@code h + 1} for every node of the hop's frontier that the relation touches; a relation missing from a
 * hop is not followed at that hop. {@link #ALL} ({@code -1}) takes every neighbour. As text (see
 * {@link #parseFanouts}): {@code "contains:25,by_artist:5;contains:10"} is hop 1 {contains: 25,
 * by_artist: 5}, hop 2 {contains: 10}.
 *
 * <p><b>Direction rule.</b> A relation {@code (A)-[r]->(B)} is followed as {@link Direction} says:
 * {@link Direction#OUT} only from {@code A} nodes to their {@code B} targets, {@link Direction#IN} only
 * from {@code B} nodes back to their {@code A} sources, {@link Direction#BOTH} from whichever end the
 * frontier node is. Relations without an explicit rule use the default rule {@code BOTH}: from a node of
 * type {@code T}, every relation touching {@code T} is followed in the direction that leaves {@code T}
 * (playlist -> track along {@code contains}, track -> playlist back along it). For a homogeneous relation
 * ({@code A == B}, e.g. user-follows-user) {@code BOTH} follows out- and in-edges together as one
 * undirected neighbourhood: a node linked both ways counts once, with the two weights summed.
 *
 * <p><b>Drawing.</b> {@link Weighting#UNIFORM} gives every neighbour the same chance;
 * {@link Weighting#WEIGHTED} draws in proportion to the edge weights (weight-0 edges are never drawn;
 * unweighted relations behave as uniform). Without replacement a node with no more neighbours than the
 * fan-out keeps all of them; with replacement exactly the fan-out is drawn from any non-empty
 * neighbourhood, repeats allowed.
 *
 * @param fanouts per hop (outer list, hop 1 first) a map relation name -> fan-out ({@code > 0} or
 *     {@link #ALL})
 * @param directions explicit direction per relation name; relations absent here follow {@code BOTH}
 * @param weighting uniform or weight-proportional drawing
 * @param replace draw with replacement
 * @param seed the sampler's seed, mixed with each batch seed
 */
public record NeighborSamplerConfig(List<Map<String, Integer>> fanouts, Map<String, Direction> directions,
    Weighting weighting, boolean replace, long seed) {

  /** Fan-out value meaning "every neighbour". */
  public static final int ALL = -1;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Which way a relation {@code (A)-[r]->(B)} is followed; see the class documentation. */
  public enum Direction {
    /** From {@code A} to {@code B} (source to destination). */
    OUT,
    /** From {@code B} back to {@code A} (destination to source). */
    IN,
    /** Away from whichever end the frontier node is; homogeneous relations: out- and in-edges as one. */
    BOTH
  }

  /** How neighbours are drawn. */
  public enum Weighting {
    UNIFORM,
    /** In proportion to the edge weights. */
    WEIGHTED,
    /**
     * No draw: the neighbours of a node along a relation are ranked by Spark's {@code xxhash64(node id,
     * neighbour id, seed)} over external ids (see {@link SeededHash#pair}), ties by neighbour id, and the first
     * fan-out of them are taken. The sample of a node is then a function of the node, the relation, the fan-out
     * and the config's seed alone, whatever the batch, and Spark SQL computes the same one as
     * {@code row_number() over (partition by node order by xxhash64(node, neighbour, seed), neighbour) <= K}.
     * Weights are ignored; draws are without replacement. Every relation of a hop must be followed at the
     * hop before with at least as many neighbours, so a deeper level's sample is a prefix of the
     * shallower one's.
     */
    HASH
  }

  public NeighborSamplerConfig {
    Objects.requireNonNull(fanouts, "fanouts");
    Objects.requireNonNull(directions, "directions");
    Objects.requireNonNull(weighting, "weighting");
    if (fanouts.isEmpty()) {
      throw new IllegalArgumentException("fan-outs need at least one hop (got " + fanouts + ")");
    }
    List<Map<String, Integer>> hops = new ArrayList<>(fanouts.size());
    for (int h = 0; h < fanouts.size(); h++) {
      Map<String, Integer> hop = fanouts.get(h);
      if (hop == null || hop.isEmpty()) {
        throw new IllegalArgumentException("hop " + (h + 1) + " needs at least one relation (got " + hop + ")");
      }
      for (Map.Entry<String, Integer> e : hop.entrySet()) {
        requireName(e.getKey(), "relation at hop " + (h + 1));
        Integer k = e.getValue();
        if (k == null || (k <= 0 && k != ALL)) {
          throw new IllegalArgumentException("fan-out of '" + e.getKey() + "' at hop " + (h + 1)
              + " must be > 0 or " + ALL + " for all neighbours (got " + k + ")");
        }
      }
      hops.add(Collections.unmodifiableMap(new LinkedHashMap<>(hop)));
    }
    for (Map.Entry<String, Direction> e : directions.entrySet()) {
      requireName(e.getKey(), "relation with a direction");
      if (e.getValue() == null) {
        throw new IllegalArgumentException("direction of '" + e.getKey() + "' must be OUT, IN or BOTH (got null)");
      }
    }
    if (weighting == Weighting.HASH) {
      requireNestedHashFanouts(hops, replace);
    }
    fanouts = List.copyOf(hops);
    directions = Collections.unmodifiableMap(new LinkedHashMap<>(directions));
  }

  /** Uniform sampling without replacement along {@code fanouts} (as text, see {@link #parseFanouts}). */
  public static NeighborSamplerConfig of(String fanouts, long seed) {
    return builder().fanouts(fanouts).seed(seed).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Number of hops. */
  public int hops() {
    return fanouts.size();
  }

  /** The direction rule of {@code relation}: its explicit direction or the default {@code BOTH}. */
  public Direction direction(String relation) {
    return directions.getOrDefault(relation, Direction.BOTH);
  }

  /**
   * Parses fan-outs written as hops separated by {@code ';'}, each a comma-separated list of
   * {@code relation:fanout} ({@code fanout} a positive integer, {@code -1} or {@code all}); spaces are
   * ignored. Example: {@code "contains:25,by_artist:5;contains:10"}.
   *
   * @throws IllegalArgumentException naming the hop and the offending entry
   */
  public static List<Map<String, Integer>> parseFanouts(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("fan-out spec must list at least one hop, e.g. "
          + "'contains:25,by_artist:5;contains:10' (got '" + spec + "')");
    }
    List<Map<String, Integer>> hops = new ArrayList<>();
    String[] hopSpecs = spec.split(";", -1);
    for (int h = 0; h < hopSpecs.length; h++) {
      Map<String, Integer> hop = new LinkedHashMap<>();
      for (String entry : hopSpecs[h].split(",", -1)) {
        String[] kv = entry.strip().split(":", -1);
        if (kv.length != 2 || kv[0].isBlank()) {
          throw new IllegalArgumentException("fan-out spec hop " + (h + 1) + ": expected 'relation:fanout' (got '"
              + entry.strip() + "' in '" + spec + "')");
        }
        String relation = kv[0].strip();
        String value = kv[1].strip();
        int fanout;
        if (value.equalsIgnoreCase("all")) {
          fanout = ALL;
        } else {
          try {
            fanout = Integer.parseInt(value);
          } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("fan-out spec hop " + (h + 1) + ": fan-out of '" + relation
                + "' must be an integer or 'all' (got '" + value + "')");
          }
        }
        if (hop.put(relation, fanout) != null) {
          throw new IllegalArgumentException("fan-out spec hop " + (h + 1) + " names '" + relation
              + "' twice (got '" + hopSpecs[h].strip() + "')");
        }
      }
      hops.add(hop);
    }
    return hops;
  }

  /**
   * Parses direction rules written as {@code relation:direction} pairs separated by commas, direction
   * one of {@code out}, {@code in}, {@code both} (any case). Example: {@code "by_artist:out,follows:in"}.
   */
  public static Map<String, Direction> parseDirections(String spec) {
    Map<String, Direction> directions = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return directions;
    }
    for (String entry : spec.split(",", -1)) {
      String[] kv = entry.strip().split(":", -1);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException("direction spec: expected 'relation:out|in|both' (got '"
            + entry.strip() + "' in '" + spec + "')");
      }
      String relation = kv[0].strip();
      Direction d;
      try {
        d = Direction.valueOf(kv[1].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("direction of '" + relation + "' must be out, in or both (got '"
            + kv[1].strip() + "')");
      }
      if (directions.put(relation, d) != null) {
        throw new IllegalArgumentException("direction spec names '" + relation + "' twice (got '" + spec + "')");
      }
    }
    return directions;
  }

  /** The fan-outs written back in the form {@link #parseFanouts} reads. */
  public String fanoutSpec() {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Integer> hop : fanouts) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      boolean first = true;
      for (Map.Entry<String, Integer> e : hop.entrySet()) {
        sb.append(first ? "" : ",").append(e.getKey()).append(':').append(e.getValue());
        first = false;
      }
    }
    return sb.toString();
  }

  private static void requireNestedHashFanouts(List<Map<String, Integer>> hops, boolean replace) {
    if (replace) {
      throw new IllegalArgumentException("hash sampling draws without replacement (got replace = true)");
    }
    for (int h = 1; h < hops.size(); h++) {
      for (Map.Entry<String, Integer> e : hops.get(h).entrySet()) {
        Integer before = hops.get(h - 1).get(e.getKey());
        if (before == null || (before != ALL && (e.getValue() == ALL || e.getValue() > before))) {
          throw new IllegalArgumentException("hash sampling needs every relation of hop " + (h + 1)
              + " followed at hop " + h + " with at least as many neighbours; '" + e.getKey() + "' has "
              + e.getValue() + " at hop " + (h + 1) + " and " + (before == null ? "none" : before) + " at hop " + h);
        }
      }
    }
  }

  private static void requireName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must be a relation name: a letter followed by letters, "
          + "digits or '_' (got '" + name + "')");
    }
  }

  /** Collects the parameters; defaults: uniform, without replacement, no explicit directions, seed 0. */
  public static final class Builder {
    private List<Map<String, Integer>> fanouts = new ArrayList<>();
    private final Map<String, Direction> directions = new LinkedHashMap<>();
    private Weighting weighting = Weighting.UNIFORM;
    private boolean replace;
    private long seed;

    private Builder() {}

    /** Replaces the hops with those parsed from {@code spec} (see {@link #parseFanouts}). */
    public Builder fanouts(String spec) {
      fanouts = parseFanouts(spec);
      return this;
    }

    /** Appends a hop with the given relation -> fan-out map. */
    public Builder hop(Map<String, Integer> relationFanouts) {
      fanouts.add(new LinkedHashMap<>(relationFanouts));
      return this;
    }

    public Builder direction(String relation, Direction direction) {
      directions.put(relation, direction);
      return this;
    }

    /** Adds the direction rules parsed from {@code spec} (see {@link #parseDirections}). */
    public Builder directions(String spec) {
      directions.putAll(parseDirections(spec));
      return this;
    }

    public Builder weighting(Weighting weighting) {
      this.weighting = weighting;
      return this;
    }

    public Builder replace(boolean replace) {
      this.replace = replace;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public NeighborSamplerConfig build() {
      return new NeighborSamplerConfig(fanouts, directions, weighting, replace, seed);
    }
  }
}
