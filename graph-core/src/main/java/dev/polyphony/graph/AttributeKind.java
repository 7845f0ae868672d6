package dev.polyphony.graph;

/** The value type of an {@link AttributeColumn}. */
public enum AttributeKind {
  /** 32-bit integers, e.g. popularity or a class label. */
  INT,
  /** 32-bit floats, e.g. margin. */
  FLOAT,
  /** Strings, dictionary-encoded, e.g. genre or evaluation split. */
  STRING,
  /** Calendar days (stored as epoch days), e.g. release date. */
  DATE
}
