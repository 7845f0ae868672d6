package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateSharesPlotTest extends PlotContract<CandidateShares> {
  @Override
  void write(CandidateShares data, Path png, PlotSize size) throws IOException {
    if (size == null) {
      CandidateSharesPlot.write(data, png);
    } else {
      CandidateSharesPlot.write(data, png, size);
    }
  }

  @Override
  PlotSize defaultSize() {
    return CandidateSharesPlot.DEFAULT_SIZE;
  }

  @Override
  CandidateShares data() {
    return ReportFixtures.shares();
  }

  @Override
  CandidateShares nothingToDraw() {
    return CandidateShares.ofPlaced(Map.of());
  }

  @Override
  String nothingToDrawMessage() {
    return "no generators to plot";
  }

  @Test
  void drawsPlacedCountsAlone() throws IOException {
    assertDrawn(CandidateShares.ofPlaced(Map.of("similar", 8, "fresh", 2)));
  }
}
