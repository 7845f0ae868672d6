package dev.polyphony.rank.session;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.fusion.ScoreFusion;
import java.util.Locale;
import java.util.Objects;

/**
 * What a fusion policy chooses per request: the weights of the {@link ScoreFusion} over the task probabilities
 * (click, then save) and the exposure traits, and a diversity weight with which {@link SlateBuilder} lowers a
 * track's score for every track of its genre already in the slate.
 *
 * @param fusion task and trait weights
 * @param diversity penalty per same-genre track already chosen, finite and {@code >= 0}
 */
public record FusionAction(ScoreFusion fusion, double diversity) {
  public FusionAction {
    Objects.requireNonNull(fusion, "fusion");
    if (!(diversity >= 0) || Double.isInfinite(diversity)) {
      throw new IllegalArgumentException("diversity must be a finite number >= 0 (got " + diversity + ")");
    }
  }

  /** {@code click 1.00, save 0.50, tail 0.00, fresh 1.00, diversity 1.50}. */
  public String label() {
    double[] w = fusion.taskWeights();
    StringBuilder s = new StringBuilder();
    String[] names = {"click", "save"};
    for (int t = 0; t < w.length; t++) {
      s.append(t < names.length ? names[t] : "task" + t).append(String.format(Locale.ROOT, " %.2f, ", w[t]));
    }
    for (ExposureTrait trait : ExposureTrait.values()) {
      Double v = fusion.traitWeights().get(trait);
      if (v != null) {
        s.append(trait.label()).append(String.format(Locale.ROOT, " %.2f, ", v));
      }
    }
    return s.append(String.format(Locale.ROOT, "diversity %.2f", diversity)).toString();
  }
}
