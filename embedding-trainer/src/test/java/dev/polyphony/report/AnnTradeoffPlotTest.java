package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnTradeoffPlotTest extends PlotContract<List<AnnTradeoffPoint>> {
  @Override
  void write(List<AnnTradeoffPoint> data, Path png, PlotSize size) throws IOException {
    if (size == null) {
      AnnTradeoffPlot.write(data, png);
    } else {
      AnnTradeoffPlot.write(data, png, size);
    }
  }

  @Override
  PlotSize defaultSize() {
    return AnnTradeoffPlot.DEFAULT_SIZE;
  }

  @Override
  List<AnnTradeoffPoint> data() {
    return ReportFixtures.ann();
  }

  @Override
  List<AnnTradeoffPoint> nothingToDraw() {
    return List.of();
  }

  @Override
  String nothingToDrawMessage() {
    return "no points to plot";
  }

  @Test
  void drawsWideSpeedRangesOnALogAxis() throws IOException {
    assertDrawn(List.of(new AnnTradeoffPoint(8, 0.6, 80_000), new AnnTradeoffPoint(64, 0.97, 9_000),
        new AnnTradeoffPoint(512, 1.0, 700)));
  }

  @Test
  void drawsASinglePoint() throws IOException {
    assertDrawn(List.of(new AnnTradeoffPoint(64, 1.0, 5000)));
  }
}
