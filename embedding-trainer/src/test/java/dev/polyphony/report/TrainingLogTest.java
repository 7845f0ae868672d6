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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingLogTest {
  private static final String GOOD = "{\"epoch\":1,\"seconds\":12.3,\"steps\":55,\"learningRate\":0.001,"
      + "\"loss\":{\"total\":1.23,\"organisational\":0.9,\"content\":0.2},"
      + "\"taskWeights\":{\"organisational\":1.0,\"content\":0.5},\"validation\":{\"recall@50\":0.21}}";

  @TempDir
  Path dir;

  @Test
  void readsTheDocumentedLineExactly() throws IOException {
    Path file = write(GOOD, "",
        "{\"epoch\":2,\"seconds\":0,\"steps\":0,\"learningRate\":0,\"loss\":{\"total\":4},"
            + "\"taskWeights\":{},\"validation\":{}}");
    List<EpochRecord> records = TrainingLog.read(file);

    assertThat(records).hasSize(2);
    EpochRecord first = records.get(0);
    assertThat(first.epoch()).isEqualTo(1);
    assertThat(first.seconds()).isEqualTo(12.3);
    assertThat(first.steps()).isEqualTo(55);
    assertThat(first.learningRate()).isEqualTo(0.001);
    assertThat(first.loss()).containsExactly(Map.entry("total", 1.23), Map.entry("content", 0.2),
        Map.entry("organisational", 0.9));
    assertThat(first.taskLosses()).containsExactly(Map.entry("content", 0.2), Map.entry("organisational", 0.9));
    assertThat(first.taskWeights()).containsExactly(Map.entry("content", 0.5), Map.entry("organisational", 1.0));
    assertThat(first.validation()).containsExactly(Map.entry("recall@50", 0.21));
    EpochRecord second = records.get(1);
    assertThat(second).isEqualTo(new EpochRecord(2, 0, 0, 0, Map.of("total", 4.0), Map.of(), Map.of()));
  }

  @Test
  void formatsInTheFixedFieldOrderWithTotalFirst() {
    EpochRecord record = new EpochRecord(1, 12.3, 55, 0.001,
        Map.of("organisational", 0.9, "content", 0.2, "total", 1.23), Map.of("organisational", 1.0, "content", 0.5),
        Map.of("recall@50", 0.21));
    assertThat(TrainingLog.format(record)).isEqualTo("{\"epoch\":1,\"seconds\":12.3,\"steps\":55,"
        + "\"learningRate\":0.001,\"loss\":{\"total\":1.23,\"content\":0.2,\"organisational\":0.9},"
        + "\"taskWeights\":{\"content\":0.5,\"organisational\":1.0},\"validation\":{\"recall@50\":0.21}}");
  }

  @Test
  void aFormattedLineReadsBackEqual() throws IOException {
    for (EpochRecord r : ReportFixtures.epochs()) {
      Path file = write(TrainingLog.format(r));
      assertThat(TrainingLog.read(file)).containsExactly(r);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "epoch as text     | \"epoch\":3,                | \"epoch\":\"one\",       | epoch",
      "epoch zero        | \"epoch\":3,                | \"epoch\":0,           | epoch",
      "epoch fraction    | \"epoch\":3,                | \"epoch\":2.5,         | epoch",
      "steps negative    | \"steps\":55,               | \"steps\":-1,          | steps",
      "seconds missing   | \"seconds\":12.3,           | (nothing)              | seconds",
      "seconds negative  | \"seconds\":12.3,           | \"seconds\":-2,        | seconds",
      "rate as text      | \"learningRate\":0.001,     | \"learningRate\":\"x\", | learningRate",
      "task loss as text | \"content\":0.2}           | \"content\":\"a\"}     | loss.content",
      "total missing     | \"total\":1.23,             | (nothing)              | loss.total",
      "weights as list   | \"taskWeights\":{\"organisational\":1.0,\"content\":0.5} | \"taskWeights\":[1] | taskWeights",
      "unknown field     | \"steps\":55,               | \"steps\":55,\"lr\":1,  | lr",
      "metric as null    | \"recall@50\":0.21         | \"recall@50\":null    | validation.recall@50"})
  void aBadLineNamesFileLineAndField(String name, String good, String bad, String field) throws IOException {
    String third = GOOD.replace("\"epoch\":1,", "\"epoch\":3,");
    String broken = third.replace(good, bad.equals("(nothing)") ? "" : bad);
    assertThat(broken).as("fixture edit").isNotEqualTo(third);
    Path file = write(GOOD, GOOD.replace("\"epoch\":1,", "\"epoch\":2,"), broken);

    assertThatThrownBy(() -> TrainingLog.read(file))
        .isInstanceOfSatisfying(TrainingLogException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.field()).isEqualTo(field);
        })
        .hasMessageStartingWith(file + ":3: field '" + field + "': ");
  }

  @Test
  void malformedJsonNamesTheLine() throws IOException {
    Path file = write(GOOD, GOOD.replace("\"epoch\":1", "\"epoch\":2").substring(0, 50));
    assertThatThrownBy(() -> TrainingLog.read(file))
        .isInstanceOfSatisfying(TrainingLogException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.field()).isEqualTo("(line)");
        })
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void epochsMustIncrease() throws IOException {
    Path file = write(GOOD, GOOD);
    assertThatThrownBy(() -> TrainingLog.read(file))
        .isInstanceOf(TrainingLogException.class)
        .hasMessage(file + ":2: field 'epoch': epochs must increase (got 1 after 1)");
  }

  @Test
  void nonFiniteNumbersAreRejected() throws IOException {
    Path file = write(GOOD.replace("\"total\":1.23", "\"total\":NaN"));
    assertThatThrownBy(() -> TrainingLog.read(file))
        .isInstanceOfSatisfying(TrainingLogException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "log", ".jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }
}
