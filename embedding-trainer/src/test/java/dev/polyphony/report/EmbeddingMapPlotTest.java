package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingMapPlotTest extends PlotContract<EmbeddingMap> {
  @Override
  void write(EmbeddingMap data, Path png, PlotSize size) throws IOException {
    if (size == null) {
      EmbeddingMapPlot.write(data, png);
    } else {
      EmbeddingMapPlot.write(data, png, size);
    }
  }

  @Override
  PlotSize defaultSize() {
    return EmbeddingMapPlot.DEFAULT_SIZE;
  }

  @Override
  EmbeddingMap data() {
    return ReportFixtures.embeddingMap();
  }

  @Override
  EmbeddingMap nothingToDraw() {
    return new EmbeddingMap(0, 0, 0, List.of());
  }

  @Override
  String nothingToDrawMessage() {
    return "no points to plot";
  }

  @Test
  void groupsLabelsBeyondThePaletteAsOthers() throws IOException {
    List<EmbeddingMap.Point> points = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      points.add(new EmbeddingMap.Point("t" + i, "genre " + (i % 20), Math.cos(i), Math.sin(i) * i));
    }
    assertDrawn(new EmbeddingMap(40, 0.6, 0.3, points));
  }
}
