package dev.polyphony.retrieval.candidates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges several generators into one list of {@code k} with a {@link Quota} per generator, listed in
 * priority order.
 *
 * <ol>
 *   <li><b>Places.</b> A count quota asks for that many places; share quotas ask for
 *       {@code round(k * sum of shares)} places between them, apportioned by largest remainder (ties to
 *       the higher priority). When the asks exceed {@code k}, the lowest priorities give up places.</li>
 *   <li><b>Filling.</b> Every generator is asked for {@code k} candidates. In priority order each takes
 *       its places from the top of its own list, skipping tracks already placed; places it cannot fill
 *       (its list ran out) pass to the next generator in priority order, and what is left after the
 *       last generator is offered again from the first. The list may end shorter than {@code k} only
 *       when all generators together have fewer distinct tracks.</li>
 *   <li><b>Reasons.</b> A placed track keeps the candidate of the generator that placed it, with the
 *       reasons of every other generator that also proposed it appended in priority order.</li>
 *   <li><b>Order.</b> Each generator's placed tracks keep their own order and are spread evenly over
 *       the list: the {@code j}-th of {@code n} placed by a generator sits at position key
 *       {@code (j + 0.5) / n}; keys tie-break by priority. Deterministic for deterministic generators.</li>
 * </ol>
 */
public final class CandidateBlender {
  /** One generator and its quota. */
  public record Entry(CandidateGenerator generator, Quota quota) {
    public Entry {
      Objects.requireNonNull(generator, "generator");
      Objects.requireNonNull(quota, "quota");
    }
  }

  /**
   * What one generator contributed to a blended list.
   *
   * @param generator its name
   * @param places the places its quota asked for
   * @param proposed candidates it returned
   * @param placed tracks it placed (its own places plus places passed on to it)
   * @param share {@code placed / size of the list} (0 for an empty list)
   * @param supported tracks of the list that carry a reason of this generator (placed by it or not)
   */
  public record GeneratorShare(String generator, int places, int proposed, int placed, double share,
      int supported) {}

  /** A blended list with the per-generator report, in priority order. */
  public record BlendResult(List<Candidate> candidates, List<GeneratorShare> shares) {
    public BlendResult {
      candidates = List.copyOf(candidates);
      shares = List.copyOf(shares);
    }
  }

  private final List<Entry> entries;

  /** Generators in priority order (highest first); names distinct; shares sum to at most 1. */
  public CandidateBlender(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    if (this.entries.isEmpty()) {
      throw new IllegalArgumentException("a blender needs at least one generator");
    }
    Set<String> names = new HashSet<>();
    double shares = 0;
    for (Entry e : this.entries) {
      if (!names.add(e.generator().name())) {
        throw new IllegalArgumentException("generator '" + e.generator().name() + "' is listed twice");
      }
      shares += e.quota().isShare() ? e.quota().share() : 0;
    }
    if (shares > 1 + 1e-9) {
      throw new IllegalArgumentException("shares must sum to at most 1 (got " + shares + ")");
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The places each generator asks for in a list of {@code k}, in priority order. */
  public int[] places(int k) {
    Numbers.checkK(k);
    int n = entries.size();
    int[] places = new int[n];
    double shareSum = 0;
    for (int i = 0; i < n; i++) {
      Quota q = entries.get(i).quota();
      if (q.isShare()) {
        places[i] = (int) Math.floor(q.share() * k + 1e-9);
        shareSum += q.share();
      } else {
        places[i] = q.count();
      }
    }
    int target = (int) Math.min(k, Math.round(shareSum * k));
    int assigned = 0;
    for (int i = 0; i < n; i++) {
      assigned += entries.get(i).quota().isShare() ? places[i] : 0;
    }
    for (; assigned < target; assigned++) {
      int best = -1;
      double bestRemainder = -1;
      for (int i = 0; i < n; i++) {
        Quota q = entries.get(i).quota();
        if (q.isShare()) {
          double remainder = q.share() * k - places[i];
          if (remainder > bestRemainder + 1e-12) {
            best = i;
            bestRemainder = remainder;
          }
        }
      }
      places[best]++;
    }
    long total = 0;
    for (int p : places) {
      total += p;
    }
    for (int i = n - 1; i >= 0 && total > k; i--) {
      int cut = (int) Math.min(places[i], total - k);
      places[i] -= cut;
      total -= cut;
    }
    return places;
  }

  /** Blends the generators' candidates for {@code request} into at most {@code k}. */
  public BlendResult blend(CandidateRequest request, int k) {
    int[] places = places(k);
    int n = entries.size();
    List<List<Candidate>> proposals = new ArrayList<>(n);
    for (Entry e : entries) {
      proposals.add(e.generator().generate(request, k));
    }
    Filling filling = new Filling(proposals, k);
    int carry = 0;
    for (int i = 0; i < n; i++) {
      carry = filling.take(i, places[i] + carry);
    }
    for (int i = 0; i < n && carry > 0; i++) {
      carry = filling.take(i, carry);
    }

    Map<Integer, Set<Reason>> reasons = new LinkedHashMap<>();
    for (Map.Entry<Integer, Candidate> placed : filling.chosen.entrySet()) {
      reasons.put(placed.getKey(), new LinkedHashSet<>(placed.getValue().reasons()));
    }
    int[] supported = new int[n];
    for (int i = 0; i < n; i++) {
      for (Candidate c : proposals.get(i)) {
        Set<Reason> kept = reasons.get(c.row());
        if (kept != null) {
          kept.addAll(c.reasons());
        }
      }
    }

    record Slot(Candidate candidate, double key, int generator) {}
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> rows = filling.placedBy.get(i);
      for (int j = 0; j < rows.size(); j++) {
        Candidate c = filling.chosen.get(rows.get(j));
        slots.add(new Slot(c.withReasons(List.copyOf(reasons.get(c.row()))), (j + 0.5) / rows.size(), i));
      }
    }
    slots.sort(Comparator.comparingDouble(Slot::key).thenComparingInt(Slot::generator));
    List<Candidate> blended = slots.stream().map(Slot::candidate).toList();

    List<GeneratorShare> shares = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = entries.get(i).generator().name();
      for (Candidate c : blended) {
        if (c.reasons().stream().anyMatch(r -> r.generator().equals(name))) {
          supported[i]++;
        }
      }
      int placed = filling.placedBy.get(i).size();
      shares.add(new GeneratorShare(name, places[i], proposals.get(i).size(), placed,
          blended.isEmpty() ? 0 : (double) placed / blended.size(), supported[i]));
    }
    return new BlendResult(blended, shares);
  }

  /** The tracks placed so far and who placed them. */
  private static final class Filling {
    final List<List<Candidate>> proposals;
    final int k;
    final int[] cursor;
    final Map<Integer, Candidate> chosen = new LinkedHashMap<>();
    final List<List<Integer>> placedBy = new ArrayList<>();

    Filling(List<List<Candidate>> proposals, int k) {
      this.proposals = proposals;
      this.k = k;
      this.cursor = new int[proposals.size()];
      for (int i = 0; i < proposals.size(); i++) {
        placedBy.add(new ArrayList<>());
      }
    }

    /** Places up to {@code wanted} new tracks from generator {@code i}'s list; returns how many it could not. */
    int take(int i, int wanted) {
      List<Candidate> list = proposals.get(i);
      while (wanted > 0 && chosen.size() < k && cursor[i] < list.size()) {
        Candidate c = list.get(cursor[i]++);
        if (chosen.putIfAbsent(c.row(), c) == null) {
          placedBy.get(i).add(c.row());
          wanted--;
        }
      }
      return chosen.size() < k ? wanted : 0;
    }
  }
}
