package dev.polyphony.graph.split;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of {@link TemporalSplit}.
 *
 * @param nodeType the dated node type, e.g. {@code track}
 * @param dateAttribute a DATE attribute of {@code nodeType}, e.g. {@code release_date}
 * @param cutoff nodes dated on or after this day are held out; earlier ones train
 * @param heldOutRelations relations whose edges the held-out nodes lose, e.g. {@code contains}
 * @param nullDates where nodes without a date go
 * @param isolateInTraining when true held-out nodes lose every edge in the training graph (see
 *     {@link InductiveHoldOut}); the faithful choice for a temporal split, where later nodes did not
 *     exist at training time
 */
public record TemporalSplitConfig(String nodeType, String dateAttribute, LocalDate cutoff,
    List<String> heldOutRelations, NullDateSide nullDates, boolean isolateInTraining) {

  public TemporalSplitConfig {
    ConfigChecks.name("nodeType", nodeType);
    ConfigChecks.name("dateAttribute", dateAttribute);
    Objects.requireNonNull(cutoff, "cutoff must be a day (got null)");
    heldOutRelations = ConfigChecks.relations("heldOutRelations", heldOutRelations);
    Objects.requireNonNull(nullDates, "nullDates must be TRAINING or HELD_OUT (got null)");
  }
}
