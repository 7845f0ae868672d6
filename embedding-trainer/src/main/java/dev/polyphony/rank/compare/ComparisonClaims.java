package dev.polyphony.rank.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the papers' claims against a comparison's numbers:
 * <ul>
 *   <li>MMoE (Ma et al., KDD 2018) and PLE (Tang et al., RecSys 2020) do not lose to shared-bottom on any
 *       task (entire-space AUC);
 *   <li>ESMM (Ma et al., SIGIR 2018) and AITM (Xi et al., KDD 2021) beat the conversion model trained on
 *       parent positives only, on every conversion step: AUC given the parent over parent positives and, where
 *       true probabilities are known, the error of the conditional probability over the entire space.
 * </ul>
 * Verdicts: {@code holds} (every difference in the claimed direction), {@code holds within noise} (the
 * contrary differences are all smaller than the larger of the two standard deviations over seeds),
 * {@code mixed} (some in the claimed direction, some clearly not) and {@code does not hold}.
 */
public final class ComparisonClaims {
  public static final String HOLDS = "holds";
  public static final String WITHIN_NOISE = "holds within noise";
  public static final String MIXED = "mixed";
  public static final String FAILS = "does not hold";

  private ComparisonClaims() {}

  /** The claims whose heads are among {@code heads}. */
  public static List<DatasetComparison.Claim> check(List<String> taskNames, List<String> conversionTasks,
      List<HeadSummary> heads) {
    List<DatasetComparison.Claim> claims = new ArrayList<>();
    Optional<HeadSummary> base = find(heads, "shared-bottom");
    for (String gated : List.of("mmoe", "ple")) {
      Optional<HeadSummary> h = find(heads, gated);
      if (base.isPresent() && h.isPresent()) {
        List<Difference> diffs = new ArrayList<>();
        for (String task : taskNames) {
          diffs.add(new Difference(task + " AUC", h.get().task(task).auc(), base.get().task(task).auc(), true));
        }
        claims.add(claim(gated + " does not lose to shared-bottom on any task", diffs, false));
      }
    }
    Optional<HeadSummary> naive = find(heads, "clicked-only");
    for (String funnel : List.of("esmm", "aitm")) {
      if (naive.isPresent() && find(heads, funnel).isPresent() && !conversionTasks.isEmpty()) {
        HeadSummary h = find(heads, funnel).get();
        List<Difference> diffs = new ArrayList<>();
        for (String task : conversionTasks) {
          diffs.add(new Difference(task + " AUC given parent", h.task(task).conditionalAuc(),
              naive.get().task(task).conditionalAuc(), true));
          if (h.task(task).conditionalRmse().present()) {
            diffs.add(new Difference(task + " conditional RMSE", h.task(task).conditionalRmse(),
                naive.get().task(task).conditionalRmse(), false));
          }
        }
        claims.add(claim(funnel + " beats the clicked-only conversion model on conversion steps", diffs, true));
      }
    }
    return claims;
  }

  private static Optional<HeadSummary> find(List<HeadSummary> heads, String label) {
    return heads.stream().filter(h -> h.head().equals(label)).findFirst();
  }

  /** {@code ours - theirs} of one metric; {@code higherIsBetter} says which sign supports the claim. */
  private record Difference(String metric, MeanStd ours, MeanStd theirs, boolean higherIsBetter) {
    double signed() {
      double d = ours.mean() - theirs.mean();
      return higherIsBetter ? d : -d;
    }

    double noise() {
      return Math.max(ours.std(), theirs.std());
    }
  }

  /**
   * @param strict whether the claim says "beats" (ties do not support it) rather than "does not lose"
   */
  private static DatasetComparison.Claim claim(String statement, List<Difference> diffs, boolean strict) {
    int support = 0;
    int contraryWithinNoise = 0;
    int contrary = 0;
    StringBuilder detail = new StringBuilder();
    for (Difference d : diffs) {
      double s = d.signed();
      if (s > 0 || !strict && s == 0) {
        support++;
      } else if (-s <= d.noise()) {
        contraryWithinNoise++;
      } else {
        contrary++;
      }
      detail.append(detail.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %+.4f (std %.4f)",
          d.metric(), d.ours().mean() - d.theirs().mean(), d.noise()));
    }
    String verdict = contrary == 0 && contraryWithinNoise == 0 ? HOLDS
        : contrary == 0 ? WITHIN_NOISE
        : support > 0 ? MIXED : FAILS;
    return new DatasetComparison.Claim(statement, verdict, detail.toString());
  }
}
