package dev.polyphony.rank.head;

/** Checks of layer widths and counts shared by the head records. */
final class Widths {
  private Widths() {}

  static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
    }
  }
}
