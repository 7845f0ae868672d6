package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a file is a PNG of a given size with a drawing on it. */
final class PngAssertions {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private PngAssertions() {}

  /** Reads {@code file} back with ImageIO and returns it after checking size and content. */
  static BufferedImage assertDrawnPng(Path file, int width, int height) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).as("PNG signature of " + file).startsWith(SIGNATURE);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("decodable " + file).isNotNull();
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    assertThat(distinctColours(image)).as("colours in " + file).isGreaterThan(8);
    assertThat(nonBackgroundShare(image)).as("drawn share of " + file).isGreaterThan(0.01);
    return image;
  }

  /** Distinct RGB values, counted on a grid of every 3rd pixel. */
  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  /** The share of pixels that differ from the top-left pixel (the background). */
  static double nonBackgroundShare(BufferedImage image) {
    int background = image.getRGB(0, 0);
    long differ = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        differ += image.getRGB(x, y) != background ? 1 : 0;
      }
    }
    return (double) differ / ((long) image.getWidth() * image.getHeight());
  }
}
