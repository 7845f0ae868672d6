package dev.polyphony.rank;

/** Checks of the numeric fields of the ranking configs; a failure names the field and quotes the value. */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** @throws IllegalArgumentException unless {@code value > 0} */
  public static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
    }
  }

  /** @throws IllegalArgumentException unless {@code value} is in {@code [0, 1]} */
  public static void unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] (got " + value + ")");
    }
  }

  /** @throws IllegalArgumentException unless {@code value} is finite */
  public static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite (got " + value + ")");
    }
  }
}
