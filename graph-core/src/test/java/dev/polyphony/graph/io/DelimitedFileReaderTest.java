package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedFileReaderTest {
  @TempDir
  Path dir;

  @Test
  void keepsPhysicalLineNumbersAcrossCommentsBlankLinesAndCrlf() throws IOException {
    Path file = write("\uFEFF# generated\r\nid\tname\r\n\r\n1\tone\r\n# note\r\n2\ttwo\r\n");
    List<String> seen = new ArrayList<>();
    long rows;
    try (DelimitedFileReader reader = DelimitedFileReader.openWithHeader(file, "f.tsv",
        DelimitedFormat.tsv(StandardCharsets.UTF_8).withCommentPrefix("#"))) {
      assertThat(reader.columns()).containsExactly("id", "name");
      rows = reader.forEachRow(new RejectReport(0), ProgressTracker.NONE,
          row -> seen.add(row.line() + ":" + row.raw(0) + "=" + row.raw(1)));
    }
    assertThat(rows).isEqualTo(2);
    assertThat(seen).containsExactly("4:1=one", "6:2=two");
  }

  @Test
  void splitsQuotedCommaFieldsAndRejectsBrokenQuotes() throws IOException {
    Path file = write("""
        a,b,c
        "x, y",,"say \"\"hi\"\"\"
        "open,b,c
        "x"y,b,c
        x"y",b,c
        1,2
        1,2,3,4
        """);
    List<List<String>> rows = new ArrayList<>();
    RejectReport rejects = new RejectReport(10);
    try (DelimitedFileReader reader = DelimitedFileReader.openWithHeader(file, "f.csv", DelimitedFormat.csv())) {
      reader.forEachRow(rejects, ProgressTracker.NONE,
          row -> rows.add(List.of(row.raw(0), row.raw(1), row.raw(2))));
    }
    assertThat(rows).containsExactly(List.of("x, y", "", "say \"hi\""));
    assertThat(rejects.rejects()).containsExactly(
        new Reject("f.csv", 3, "*", RejectReason.MALFORMED_ROW,
            "unterminated quote (a quoted field cannot span lines)"),
        new Reject("f.csv", 4, "*", RejectReason.MALFORMED_ROW, "text after a closing quote at character 4"),
        new Reject("f.csv", 5, "*", RejectReason.MALFORMED_ROW, "a quote inside an unquoted field at character 2"),
        new Reject("f.csv", 6, "c", RejectReason.MISSING_FIELD, "the row has 2 of 3 fields"),
        new Reject("f.csv", 7, "*", RejectReason.MALFORMED_ROW, "the row has 4 fields, expected 3"));
  }

  @Test
  void headerlessFilesUseTheGivenColumns() throws IOException {
    Path file = write("7\t1 3\n");
    List<String> seen = new ArrayList<>();
    try (DelimitedFileReader reader = DelimitedFileReader.openWithColumns(file, "f.tsv",
        DelimitedFormat.tsv(StandardCharsets.UTF_8), List.of("node", "words"))) {
      assertThat(reader.column("words")).isEqualTo(1);
      reader.forEachRow(new RejectReport(0), ProgressTracker.NONE,
          row -> seen.add(row.wholeNumber(0) + ":" + List.of(row.indexList(1, 4)[0], row.indexList(1, 4)[1])));
    }
    assertThat(seen).containsExactly("7:[1, 3]");
  }

  @Test
  void typedAccessorsRejectWithTheColumnName() throws IOException {
    Path file = write("""
        v
        +.5
        1e999
        1f
        -inf
        99999999999999999999
        12.0
        -7
        0 3  5
        0 x
        2021-02-29
        """);
    List<String> results = new ArrayList<>();
    RejectReport rejects = new RejectReport(100);
    try (DelimitedFileReader reader = DelimitedFileReader.openWithHeader(file, "v.tsv",
        DelimitedFormat.tsv(StandardCharsets.UTF_8))) {
      reader.forEachRow(rejects, ProgressTracker.NONE, row -> {
        switch ((int) row.line()) {
          case 2, 3, 4, 5 -> results.add(String.valueOf(row.finiteFloat(0)));
          case 6, 7 -> results.add(String.valueOf(row.wholeNumber(0)));
          case 8 -> results.add(String.valueOf(row.positiveWholeNumber(0)));
          case 9, 10 -> results.add(List.of(row.indexList(0, 6)[0], row.indexList(0, 6)[2]).toString());
          default -> results.add(row.isoDate(0).toString());
        }
      });
    }
    assertThat(results).containsExactly("0.5", "[0, 5]");
    assertThat(rejects.rejects()).extracting(r -> r.line() + " " + r.field() + " " + r.reason() + " " + r.detail())
        .containsExactly(
            "3 v NON_FINITE_VALUE '1e999' overflows a float",
            "4 v UNPARSABLE_NUMBER '1f'",
            "5 v NON_FINITE_VALUE '-inf'",
            "6 v OUT_OF_RANGE '99999999999999999999' does not fit in 64 bits",
            "7 v UNPARSABLE_NUMBER '12.0' is not a whole number",
            "8 v OUT_OF_RANGE must be > 0 (got -7)",
            "10 v UNPARSABLE_NUMBER 'x' in the index list",
            "11 v INVALID_DATE '2021-02-29' is not a yyyy-MM-dd date");
  }

  @Test
  void structuralProblemsFailNamingTheFile() throws IOException {
    DelimitedFormat tsv = DelimitedFormat.tsv(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DelimitedFileReader.openWithHeader(dir.resolve("none.tsv"), "none.tsv", tsv))
        .isInstanceOf(IngestException.class).hasMessageStartingWith("none.tsv: file not found");
    Path empty = write("\n# only a comment\n");
    assertThatThrownBy(() -> DelimitedFileReader.openWithHeader(empty, "e.tsv", tsv.withCommentPrefix("#")))
        .isInstanceOf(IngestException.class).hasMessage("e.tsv: empty file, expected a header line");
    Path twice = write("id\tid\n");
    assertThatThrownBy(() -> DelimitedFileReader.openWithHeader(twice, "t.tsv", tsv))
        .isInstanceOf(IngestException.class).hasMessage("t.tsv: column 'id' appears twice in [id, id]");
    Path latin1 = dir.resolve("latin1.tsv");
    Files.write(latin1, "id\nfran\u00e7ais\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> {
      try (DelimitedFileReader reader = DelimitedFileReader.openWithHeader(latin1, "latin1.tsv", tsv)) {
        reader.forEachRow(new RejectReport(), ProgressTracker.NONE, row -> { });
      }
    }).isInstanceOf(IngestException.class).hasMessageStartingWith("latin1.tsv: bytes that are not valid UTF-8");
  }

  @Test
  void reportsOneProgressStepPerDataRow() throws IOException {
    StringBuilder text = new StringBuilder("id\n");
    for (int i = 0; i < 10_000; i++) {
      text.append(i).append('\n');
    }
    Path file = write(text.toString());
    long[] steps = {0};
    List<String> stages = new ArrayList<>();
    ProgressTracker tracker = new ProgressTracker() {
      @Override
      public void begin(String stage, long totalSteps) {
        stages.add(stage);
      }

      @Override
      public void step(long n) {
        steps[0] += n;
      }

      @Override
      public void end() {
        stages.add("end");
      }
    };
    try (DelimitedFileReader reader = DelimitedFileReader.openWithHeader(file, "ids.tsv",
        DelimitedFormat.tsv(StandardCharsets.UTF_8))) {
      reader.forEachRow(new RejectReport(), tracker, row -> { });
    }
    assertThat(steps[0]).isEqualTo(10_000);
    assertThat(stages).containsExactly("read ids.tsv", "end");
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "f", ".txt"), content);
  }
}
