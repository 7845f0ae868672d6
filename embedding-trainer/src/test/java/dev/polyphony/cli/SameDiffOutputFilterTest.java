package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SameDiffOutputFilterTest {
  @Test
  void dropsTheDifferentiatedOpLinesAndKeepsTheRest() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new SameDiffOutputFilter.LineFilter(sink), true, StandardCharsets.UTF_8);
    out.println("result 1");
    out.println("Added differentiated op matmul_3");
    out.print("Added diff");
    out.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("result 1\n");
    out.println("erentiated op add_2");
    out.print("Adde");
    out.print("d up: 3");
    out.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("result 1\nAdded up: 3");
    out.println();
    out.println("Added differentiated op");
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("result 1\nAdded up: 3\nAdded differentiated op\n");
  }

  @Test
  void restoresSystemOutWhenClosed() {
    PrintStream before = System.out;
    try (SameDiffOutputFilter filter = new SameDiffOutputFilter()) {
      assertThat(System.out).isNotSameAs(before);
    }
    assertThat(System.out).isSameAs(before);
  }
}
