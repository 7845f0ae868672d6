package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

  @Test
  void fileErrorsNameTheFile() {
    assertThat(ErrorReporter.describe(new NoSuchFileException("/data/x.snap"))).isEqualTo("no such file: /data/x.snap");
    assertThat(ErrorReporter.describe(new UncheckedIOException(new NoSuchFileException("a.csv"))))
        .isEqualTo("no such file: a.csv");
  }

  @Test
  void messagesStayOnOneLineAndBlankOnesFallBackToTheType() {
    assertThat(ErrorReporter.describe(new IllegalStateException("two\nlines"))).isEqualTo("two lines");
    assertThat(ErrorReporter.describe(new IOException())).isEqualTo("IOException");
  }
}
