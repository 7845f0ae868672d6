package dev.polyphony.rank.head;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What a {@link HeadArchitecture} builds.
 *
 * @param probabilities per task the probability of its event on the entire impression space
 *     ({@code [batch, tasks]}, joint for conversion steps: ESMM's CTCVR)
 * @param conditional per task the probability given its parent's event ({@code [batch, tasks]}), when the
 *     head models it directly (ESMM's CVR tower), else {@code null}
 * @param representation the per-task inputs of the task towers, which cross-task distillation reads
 * @param penalty an extra scalar loss of the head (AITM's calibrator), or {@code null}
 * @param diagnostics named intermediate variables for inspection (gates, attention weights), in build order
 */
public record HeadOutputs(SDVariable probabilities, SDVariable conditional, TaskStack representation, SDVariable penalty,
    Map<String, SDVariable> diagnostics) {

  public HeadOutputs {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(representation, "representation");
    diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
  }
}
