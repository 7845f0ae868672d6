package dev.polyphony.rank;

import dev.polyphony.rank.head.Aitm;
import dev.polyphony.rank.head.ClickedOnly;
import dev.polyphony.rank.head.DistillationConfig;
import dev.polyphony.rank.head.Esmm;
import dev.polyphony.rank.head.HeadArchitecture;
import dev.polyphony.rank.head.Mmoe;
import dev.polyphony.rank.head.Ple;
import dev.polyphony.rank.head.SharedBottom;
import java.util.Objects;

/**
 * One ranking head to build: its kind, layer sizes, and whether cross-task distillation is on. Fields a
 * kind does not use are ignored by it.
 *
 * @param kind the head
 * @param hiddenDim width of shared layers and experts, {@code > 0}
 * @param towerDim width of the towers' hidden layer, {@code > 0}
 * @param experts MMoE's shared experts, {@code > 0}
 * @param sharedExperts PLE's shared experts per level, {@code > 0}
 * @param specificExperts PLE's experts per task and level, {@code > 0}
 * @param levels PLE's extraction levels (1 = CGC), {@code > 0}
 * @param calibratorWeight AITM's behavioural expectation calibrator weight, {@code >= 0}
 * @param distillation cross-task distillation settings, or {@code null} for none
 */
public record HeadConfig(HeadKind kind, int hiddenDim, int towerDim, int experts, int sharedExperts,
    int specificExperts, int levels, double calibratorWeight, DistillationConfig distillation) {
  /** Suffix of a head label that turns distillation on ({@code mmoe+kd}). */
  public static final String DISTILLATION_SUFFIX = "+kd";

  public HeadConfig {
    Objects.requireNonNull(kind, "kind");
    // The architectures validate their sizes; building one here reports a bad value at construction.
    architecture(kind, hiddenDim, towerDim, experts, sharedExperts, specificExperts, levels, calibratorWeight);
  }

  /**
   * Defaults of {@code kind}: width 32, towers 16, MMoE 4 experts, PLE 2 levels of 2 shared and 1 task
   * expert, AITM calibrator 0.6 (the AITM paper's), no distillation.
   */
  public static HeadConfig defaults(HeadKind kind) {
    return new HeadConfig(kind, 32, 16, 4, 2, 1, 2, 0.6, null);
  }

  /** The defaults of a head label such as {@code esmm} or {@code mmoe+kd} (distillation with its defaults). */
  public static HeadConfig parse(String label) {
    boolean distil = label.endsWith(DISTILLATION_SUFFIX);
    HeadKind kind = HeadKind.parse(distil ? label.substring(0, label.length() - DISTILLATION_SUFFIX.length()) : label);
    HeadConfig config = defaults(kind);
    return distil ? config.withDistillation(DistillationConfig.defaults()) : config;
  }

  public HeadConfig withDistillation(DistillationConfig newDistillation) {
    return new HeadConfig(kind, hiddenDim, towerDim, experts, sharedExperts, specificExperts, levels, calibratorWeight,
        newDistillation);
  }

  public HeadConfig withWidths(int newHiddenDim, int newTowerDim) {
    return new HeadConfig(kind, newHiddenDim, newTowerDim, experts, sharedExperts, specificExperts, levels,
        calibratorWeight, distillation);
  }

  public HeadConfig withCalibratorWeight(double weight) {
    return new HeadConfig(kind, hiddenDim, towerDim, experts, sharedExperts, specificExperts, levels, weight,
        distillation);
  }

  public boolean distils() {
    return distillation != null;
  }

  /** The head's label: the kind's, plus {@value #DISTILLATION_SUFFIX} with distillation. */
  public String label() {
    return kind.label() + (distils() ? DISTILLATION_SUFFIX : "");
  }

  /** The network of this head. */
  public HeadArchitecture architecture() {
    return architecture(kind, hiddenDim, towerDim, experts, sharedExperts, specificExperts, levels, calibratorWeight);
  }

  private static HeadArchitecture architecture(HeadKind kind, int hiddenDim, int towerDim, int experts,
      int sharedExperts, int specificExperts, int levels, double calibratorWeight) {
    return switch (kind) {
      case SHARED_BOTTOM -> new SharedBottom(hiddenDim, towerDim);
      case MMOE -> new Mmoe(experts, hiddenDim, towerDim);
      case PLE -> new Ple(levels, sharedExperts, specificExperts, hiddenDim, towerDim);
      case ESMM -> new Esmm(hiddenDim, towerDim);
      case AITM -> new Aitm(hiddenDim, towerDim, calibratorWeight);
      case CLICKED_ONLY -> new ClickedOnly(hiddenDim, towerDim);
    };
  }
}
