package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

class RecommenderComparisonPlotTest extends PlotContract<RecommenderComparison> {
  @Override
  void write(RecommenderComparison data, Path png, PlotSize size) throws IOException {
    if (size == null) {
      RecommenderComparisonPlot.write(data, png);
    } else {
      RecommenderComparisonPlot.write(data, png, size);
    }
  }

  @Override
  PlotSize defaultSize() {
    return RecommenderComparisonPlot.DEFAULT_SIZE;
  }

  @Override
  RecommenderComparison data() {
    return ReportFixtures.comparison();
  }

  @Override
  RecommenderComparison nothingToDraw() {
    return new RecommenderComparison(List.of());
  }

  @Override
  String nothingToDrawMessage() {
    return "no results to compare";
  }
}
