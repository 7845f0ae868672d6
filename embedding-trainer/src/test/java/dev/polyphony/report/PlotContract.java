package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every plot of the report promises: a PNG of the requested size with a drawing on it, the same
 * bytes for the same data, and a clear refusal (and no file) for data with nothing to draw.
 *
 * @param <T> the plot's data
 */
abstract class PlotContract<T> {
  @TempDir
  Path dir;

  /** Writes {@code data} at {@code size}, or at the plot's default size when {@code size} is null. */
  abstract void write(T data, Path png, PlotSize size) throws IOException;

  abstract PlotSize defaultSize();

  abstract T data();

  abstract T nothingToDraw();

  abstract String nothingToDrawMessage();

  @Test
  void writesAPngOfTheDefaultSize() throws IOException {
    Path png = dir.resolve("plot.png");
    write(data(), png, null);
    PngAssertions.assertDrawnPng(png, defaultSize().width(), defaultSize().height());
  }

  @Test
  void writesTheRequestedSizeAndTheSameBytesForTheSameData() throws IOException {
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    write(data(), a, new PlotSize(640, 400));
    write(data(), b, new PlotSize(640, 400));
    PngAssertions.assertDrawnPng(a, 640, 400);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void refusesToPlotNothing() {
    Path png = dir.resolve("empty.png");
    assertThatThrownBy(() -> write(nothingToDraw(), png, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(nothingToDrawMessage());
    assertThat(png).doesNotExist();
  }

  /** Writes {@code data} at the default size and checks the image. */
  void assertDrawn(T data) throws IOException {
    Path png = dir.resolve("extra.png");
    write(data, png, null);
    PngAssertions.assertDrawnPng(png, defaultSize().width(), defaultSize().height());
  }
}
