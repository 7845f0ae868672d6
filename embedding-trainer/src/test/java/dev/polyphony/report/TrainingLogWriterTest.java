package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogWriterTest {
  @TempDir
  Path dir;

  @Test
  void eachWriteIsOneFlushedLine() throws IOException {
    Path file = dir.resolve("run/training.jsonl");
    List<EpochRecord> epochs = ReportFixtures.epochs();
    try (TrainingLogWriter writer = TrainingLogWriter.create(file)) {
      writer.write(epochs.get(0));
      // Readable before the writer is closed: a report built while training runs sees the epoch.
      assertThat(Files.readAllLines(file)).containsExactly(TrainingLog.format(epochs.get(0)));
      writer.write(epochs.get(1));
      assertThat(TrainingLog.read(file)).containsExactly(epochs.get(0), epochs.get(1));
    }
  }

  @Test
  void createReplacesAnOldLog() throws IOException {
    Path file = dir.resolve("training.jsonl");
    Files.writeString(file, "old content\n");
    try (TrainingLogWriter writer = TrainingLogWriter.create(file)) {
      writer.write(ReportFixtures.epochs().get(0));
    }
    assertThat(TrainingLog.read(file)).containsExactly(ReportFixtures.epochs().get(0));
  }

  @Test
  void appendContinuesAfterTheLastEpoch() throws IOException {
    Path file = dir.resolve("training.jsonl");
    List<EpochRecord> epochs = ReportFixtures.epochs();
    try (TrainingLogWriter writer = TrainingLogWriter.create(file)) {
      writer.write(epochs.get(0));
      writer.write(epochs.get(1));
    }
    try (TrainingLogWriter writer = TrainingLogWriter.append(file)) {
      assertThatThrownBy(() -> writer.write(epochs.get(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("epoch must be > 2")
          .hasMessageContaining("(got 2)");
      writer.write(epochs.get(2));
    }
    assertThat(TrainingLog.read(file)).containsExactlyElementsOf(epochs);
  }

  @Test
  void appendToAMissingFileStartsALog() throws IOException {
    Path file = dir.resolve("new/training.jsonl");
    try (TrainingLogWriter writer = TrainingLogWriter.append(file)) {
      writer.write(new EpochRecord(1, 1, 1, 0.1, Map.of("total", 2.0), Map.of(), Map.of()));
    }
    assertThat(TrainingLog.read(file)).hasSize(1);
  }
}
