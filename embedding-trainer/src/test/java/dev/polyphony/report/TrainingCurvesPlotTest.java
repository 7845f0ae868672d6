package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingCurvesPlotTest extends PlotContract<List<EpochRecord>> {
  @Override
  void write(List<EpochRecord> data, Path png, PlotSize size) throws IOException {
    if (size == null) {
      TrainingCurvesPlot.write(data, png);
    } else {
      TrainingCurvesPlot.write(data, png, size);
    }
  }

  @Override
  PlotSize defaultSize() {
    return TrainingCurvesPlot.DEFAULT_SIZE;
  }

  @Override
  List<EpochRecord> data() {
    return ReportFixtures.epochs();
  }

  @Override
  List<EpochRecord> nothingToDraw() {
    return List.of();
  }

  @Override
  String nothingToDrawMessage() {
    return "no epochs to plot";
  }

  @Test
  void drawsLossAloneWithoutValidationAndGapsForMissingTasks() throws IOException {
    assertDrawn(List.of(new EpochRecord(1, 1, 10, 0.01, Map.of("total", 2.0, "content", 2.0), Map.of(), Map.of()),
        new EpochRecord(2, 1, 10, 0.01, Map.of("total", 1.5), Map.of(), Map.of()),
        new EpochRecord(3, 1, 10, 0.01, Map.of("total", 1.0, "content", 1.0), Map.of(), Map.of())));
  }
}
