package dev.polyphony.embedding.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdsTsvFileTest {
  @TempDir
  Path dir;

  @Test
  void writesRowAndIdPerLineAndReadsThemBack() throws Exception {
    Path file = dir.resolve("ids.tsv");
    IdsTsvFile.write(file, List.of("spotify:track:a", "t\u00e9\u00e9 \"c\"", "x y"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("row\tid\n0\tspotify:track:a\n1\tt\u00e9\u00e9 \"c\"\n2\tx y\n");
    assertThat(IdsTsvFile.read(file)).containsExactly("spotify:track:a", "t\u00e9\u00e9 \"c\"", "x y");
  }

  @Test
  void badLinesAreReportedWithLineAndField() throws Exception {
    Path file = dir.resolve("ids.tsv");
    Files.writeString(file, "row\tid\n0\ta\n2\tb\n");
    assertThatThrownBy(() -> IdsTsvFile.read(file)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessage(file + ": line 3: field 'row' expected 1, found '2'");
    Files.writeString(file, "row\tid\n0\ta\n1\ta\n");
    assertThatThrownBy(() -> IdsTsvFile.read(file)).hasMessage(file + ": line 3: field 'id' repeats 'a'");
    Files.writeString(file, "row\tid\n0\t\n");
    assertThatThrownBy(() -> IdsTsvFile.read(file)).hasMessage(file + ": line 2: field 'id' is empty");
    Files.writeString(file, "row\tid\n0\ta\tb\n");
    assertThatThrownBy(() -> IdsTsvFile.read(file))
        .hasMessage(file + ": line 2: expected 2 tab-separated fields (row, id), found 3");
    Files.writeString(file, "id\n0\ta\n");
    assertThatThrownBy(() -> IdsTsvFile.read(file))
        .hasMessage(file + ": line 1: expected header 'row\\tid', found 'id'");
  }
}
