package dev.polyphony.graph.io;

/** Why an input row was rejected. */
public enum RejectReason {
  /** A required field is empty or the row has too few fields. */
  MISSING_FIELD,
  /** A numeric field does not parse as a number. */
  UNPARSABLE_NUMBER,
  /** A feature or weight is NaN or infinite. */
  NON_FINITE_VALUE,
  /** A date field is not a date in a supported form. */
  INVALID_DATE,
  /** An edge names a node that no node row defines. */
  DANGLING_REFERENCE,
  /** A node appears again with different values than its first appearance. */
  CONFLICTING_DUPLICATE_NODE,
  /** The row cannot be parsed at all (bad quoting, bad JSON, wrong structure). */
  MALFORMED_ROW,
  /** A number parses but lies outside its allowed range (a play count of 0, a feature index past the dimension). */
  OUT_OF_RANGE
}
