package dev.polyphony.report;

/**
 * The pixel size of a rendered plot.
 *
 * @param width in [64, 8192]
 * @param height in [64, 8192]
 */
public record PlotSize(int width, int height) {
  public PlotSize {
    if (width < 64 || width > 8192) {
      throw new IllegalArgumentException("width must be in [64, 8192] (got " + width + ")");
    }
    if (height < 64 || height > 8192) {
      throw new IllegalArgumentException("height must be in [64, 8192] (got " + height + ")");
    }
  }
}
