package dev.polyphony.report;

import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import dev.polyphony.retrieval.candidates.Reason;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How blended candidate lists were made up, per generator: {@code placed} counts the candidates each
 * generator put in the lists (a candidate's {@link Candidate#generator()}), {@code supported} the
 * candidates that carry at least one {@link Reason} of that generator, whoever placed them. Both maps are
 * ordered by placed count, largest first, ties by name, and hold the same names.
 *
 * @param placed candidates placed per generator; counts >= 0
 * @param supported candidates supported per generator; counts >= the placed ones (empty when unknown)
 */
public record CandidateShares(Map<String, Integer> placed, Map<String, Integer> supported) {
  public CandidateShares {
    Objects.requireNonNull(placed, "placed");
    Objects.requireNonNull(supported, "supported");
    checkCounts("placed", placed);
    checkCounts("supported", supported);
    if (!supported.isEmpty()) {
      for (String name : union(placed, supported)) {
        int p = placed.getOrDefault(name, 0);
        int s = supported.getOrDefault(name, 0);
        if (s < p) {
          throw new IllegalArgumentException("generator '" + name + "' supports " + s + " candidates but placed "
              + p);
        }
      }
    }
    Map<String, Integer> allPlaced = new HashMap<>(placed);
    if (!supported.isEmpty()) {
      supported.keySet().forEach(name -> allPlaced.putIfAbsent(name, 0));
    }
    List<String> order = allPlaced.keySet().stream()
        .sorted((a, b) -> {
          int byCount = Integer.compare(allPlaced.get(b), allPlaced.get(a));
          return byCount != 0 ? byCount : a.compareTo(b);
        })
        .toList();
    placed = ordered(order, allPlaced);
    supported = supported.isEmpty() ? Map.of() : ordered(order, supported);
  }

  /** Shares from placed counts alone, such as counts per generator gathered elsewhere. */
  public static CandidateShares ofPlaced(Map<String, Integer> placed) {
    return new CandidateShares(placed, Map.of());
  }

  /** Counts over blended candidate lists. */
  public static CandidateShares fromLists(Collection<? extends List<Candidate>> lists) {
    Map<String, Integer> placed = new HashMap<>();
    Map<String, Integer> supported = new HashMap<>();
    for (List<Candidate> list : lists) {
      for (Candidate c : list) {
        placed.merge(c.generator(), 1, Integer::sum);
        Set<String> generators = new HashSet<>();
        for (Reason r : c.reasons()) {
          generators.add(r.generator());
        }
        generators.forEach(g -> supported.merge(g, 1, Integer::sum));
      }
    }
    return new CandidateShares(placed, supported);
  }

  /** Sums the per-generator reports of blends, generators with nothing placed included. */
  public static CandidateShares fromBlends(Collection<BlendResult> blends) {
    Map<String, Integer> placed = new HashMap<>();
    Map<String, Integer> supported = new HashMap<>();
    for (BlendResult blend : blends) {
      for (GeneratorShare share : blend.shares()) {
        placed.merge(share.generator(), share.placed(), Integer::sum);
        supported.merge(share.generator(), share.supported(), Integer::sum);
      }
    }
    return new CandidateShares(placed, supported);
  }

  /** All placed candidates. */
  public int total() {
    return placed.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The share of placed candidates that {@code generator} placed, in [0, 1]; 0 when nothing was placed. */
  public double share(String generator) {
    int total = total();
    return total == 0 ? 0 : (double) placed.getOrDefault(generator, 0) / total;
  }

  private static void checkCounts(String field, Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException(field + " generator names must be non-blank (got '" + e.getKey() + "')");
      }
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException(field + " count of '" + e.getKey() + "' must be >= 0 (got "
            + e.getValue() + ")");
      }
    }
  }

  private static Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
    Set<String> names = new HashSet<>(a.keySet());
    names.addAll(b.keySet());
    return names;
  }

  private static Map<String, Integer> ordered(List<String> order, Map<String, Integer> counts) {
    Map<String, Integer> copy = new LinkedHashMap<>();
    for (String name : order) {
      copy.put(name, counts.getOrDefault(name, 0));
    }
    return Collections.unmodifiableMap(copy);
  }
}
