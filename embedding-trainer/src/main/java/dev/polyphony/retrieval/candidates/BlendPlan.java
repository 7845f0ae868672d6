package dev.polyphony.retrieval.candidates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which generators a blended list draws on and their shares, in priority order, as the command line gives
 * them ({@code NAME} or {@code NAME:SHARE}): generators without a share split what the given shares leave
 * equally. Serializable, so a distributed job can ship it; {@link #blender} builds the
 * {@link CandidateBlender} over one catalog.
 *
 * @param choices the generators in priority order; names distinct and known, given shares in [0, 1] summing
 *     to at most 1
 */
public record BlendPlan(List<Choice> choices) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One generator of the plan.
   *
   * @param name one of {@link CandidateGenerators#NAMES}
   * @param share its share of the list in [0, 1], or null to split the rest equally
   */
  public record Choice(String name, Double share) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Choice {
      if (!CandidateGenerators.NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown generator '" + name + "' (expected NAME or NAME:SHARE with NAME"
            + " one of " + String.join(", ", CandidateGenerators.NAMES) + ")");
      }
      if (share != null && !(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share of generator '" + name + "' must be in [0, 1] (got " + share + ")");
      }
    }
  }

  public BlendPlan {
    choices = List.copyOf(choices);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("a blend needs at least one generator (got none)");
    }
    for (int i = 0; i < choices.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (choices.get(i).name().equals(choices.get(j).name())) {
          throw new IllegalArgumentException("generator '" + choices.get(i).name() + "' is given twice");
        }
      }
    }
    double given = given(choices);
    if (given > 1 + 1e-9) {
      throw new IllegalArgumentException("generator shares must sum to at most 1 (got "
          + String.format(Locale.ROOT, "%.3f", given) + ")");
    }
  }

  /**
   * Parses command-line values {@code NAME} or {@code NAME:SHARE}.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static BlendPlan parse(List<String> values) {
    List<Choice> choices = new ArrayList<>();
    for (String value : values) {
      String[] parts = value.trim().split(":", -1);
      if (parts.length > 2 || !CandidateGenerators.NAMES.contains(parts[0])) {
        throw new IllegalArgumentException("unknown generator '" + value + "' (expected NAME or NAME:SHARE with NAME"
            + " one of " + String.join(", ", CandidateGenerators.NAMES) + ")");
      }
      Double share = null;
      if (parts.length == 2) {
        try {
          share = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
          share = Double.NaN;
        }
        if (!(share >= 0 && share <= 1)) {
          throw new IllegalArgumentException("share of generator '" + parts[0] + "' must be in [0, 1] (got "
              + parts[1] + ")");
        }
      }
      if (choices.stream().anyMatch(c -> c.name().equals(parts[0]))) {
        throw new IllegalArgumentException("generator '" + parts[0] + "' is given twice");
      }
      choices.add(new Choice(parts[0], share));
    }
    return new BlendPlan(choices);
  }

  /** The share each generator gets, in priority order: its own, or an equal part of what the others leave. */
  public List<Double> shares() {
    double given = given(choices);
    long open = choices.stream().filter(c -> c.share() == null).count();
    return choices.stream().map(c -> c.share() != null ? c.share() : Math.max(0, 1 - given) / open).toList();
  }

  /**
   * The blender of this plan over {@code catalog}, every generator with its default configuration.
   *
   * @throws IllegalArgumentException when the catalog lacks what a generator needs
   */
  public CandidateBlender blender(RetrievalCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    List<Double> shares = shares();
    List<CandidateBlender.Entry> entries = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      entries.add(new CandidateBlender.Entry(CandidateGenerators.create(choices.get(i).name(), catalog),
          Quota.share(shares.get(i))));
    }
    return new CandidateBlender(entries);
  }

  /** {@code playlist:0.5,fresh}: the plan as the command line gives it. */
  @Override
  public String toString() {
    return String.join(",", choices.stream().map(c -> c.share() == null ? c.name() : c.name() + ":" + c.share())
        .toList());
  }

  private static double given(List<Choice> choices) {
    return choices.stream().filter(c -> c.share() != null).mapToDouble(Choice::share).sum();
  }
}
