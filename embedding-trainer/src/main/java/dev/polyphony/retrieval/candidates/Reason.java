package dev.polyphony.retrieval.candidates;

import java.util.Objects;

/**
 * Why a candidate is in a list: the generator that proposed it and a sentence a person can check
 * against the catalog, such as {@code "similar to seed track t7 (cos 0.91)"}.
 *
 * @param generator the proposing generator's {@link CandidateGenerator#name()}; non-blank
 * @param explanation the evidence with its numbers; non-blank
 */
public record Reason(String generator, String explanation) {
  public Reason {
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(explanation, "explanation");
    if (generator.isBlank()) {
      throw new IllegalArgumentException("generator must be non-blank (got '" + generator + "')");
    }
    if (explanation.isBlank()) {
      throw new IllegalArgumentException("explanation must be non-blank (got '" + explanation + "')");
    }
  }

  @Override
  public String toString() {
    return generator + ": " + explanation;
  }
}
