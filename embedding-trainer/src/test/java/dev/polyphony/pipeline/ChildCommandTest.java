package dev.polyphony.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandTest {
  @TempDir
  Path dir;

  private Path launcher(String body) throws IOException {
    Path script = dir.resolve("polyphony");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void theOutputIsSavedAndEchoedIndented() throws Exception {
    StringWriter echo = new StringWriter();
    ChildCommand child = new ChildCommand(launcher("echo \"args: $*\"; echo second"), new PrintWriter(echo, true));

    String output = child.run(List.of("neo4j", "explore", "summary"), dir.resolve("out/summary.txt"));

    assertThat(output).isEqualTo("args: neo4j explore summary\nsecond\n");
    assertThat(Files.readString(dir.resolve("out/summary.txt"))).isEqualTo(output);
    assertThat(echo.toString()).isEqualTo("  $ polyphony neo4j explore summary\n    args: neo4j explore summary\n"
        + "    second\n");
  }

  @Test
  void aFailingChildFailsWithItsCommandExitCodeAndLastLines() throws Exception {
    ChildCommand child = new ChildCommand(launcher("echo partial; exit 3"), new PrintWriter(new StringWriter()));

    assertThatThrownBy(() -> child.run(List.of("neo4j", "import"), dir.resolve("import.txt")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("'polyphony neo4j import' failed with exit code 3; its last output:\n  partial");
  }

  @Test
  void withoutTheLauncherHomeTheStageSaysHowToRunIt() {
    String saved = System.getProperty(ChildCommand.HOME_PROPERTY);
    System.clearProperty(ChildCommand.HOME_PROPERTY);
    try {
      ChildCommand child = ChildCommand.ofLauncherHome(new PrintWriter(new StringWriter()));
      assertThatThrownBy(() -> child.run(List.of("neo4j", "import"), dir.resolve("x.txt")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("run through ./polyphony");
    } finally {
      if (saved != null) {
        System.setProperty(ChildCommand.HOME_PROPERTY, saved);
      }
    }
  }
}
