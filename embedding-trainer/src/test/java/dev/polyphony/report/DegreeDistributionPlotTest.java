package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

class DegreeDistributionPlotTest extends PlotContract<List<DegreeHistogram>> {
  @Override
  void write(List<DegreeHistogram> data, Path png, PlotSize size) throws IOException {
    if (size == null) {
      DegreeDistributionPlot.write(data, png);
    } else {
      DegreeDistributionPlot.write(data, png, size);
    }
  }

  @Override
  PlotSize defaultSize() {
    return DegreeDistributionPlot.DEFAULT_SIZE;
  }

  @Override
  List<DegreeHistogram> data() {
    return ReportFixtures.degrees();
  }

  @Override
  List<DegreeHistogram> nothingToDraw() {
    return List.of(DegreeHistogram.of("r", DegreeHistogram.IN, "n", new int[] {0, 0}));
  }

  @Override
  String nothingToDrawMessage() {
    return "no node has an edge: nothing to plot on log axes";
  }
}
