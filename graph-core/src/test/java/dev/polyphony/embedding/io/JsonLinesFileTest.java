package dev.polyphony.embedding.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.EmbeddingFixture;
import dev.polyphony.embedding.EmbeddingTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {
  @TempDir
  Path dir;

  @Test
  void writesOneObjectPerLine() throws Exception {
    Path file = dir.resolve("e.jsonl");
    JsonLinesFile.write(file, EmbeddingFixture.threeTracks());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("{\"id\":\"spotify:track:a\",\"vector\":[1.0,-2.5,0.1,3.0E-8]}");
    assertThat(lines.get(2)).startsWith("{\"id\":\"t\u00e9\u00e9 \\\"c\\\"\",\"vector\":[");
  }

  @Test
  void roundTripsEveryBitIncludingExtremesAndNegativeZero() throws Exception {
    Path file = dir.resolve("e.jsonl");
    EmbeddingTable table = EmbeddingFixture.threeTracks();
    JsonLinesFile.write(file, table);
    LabeledVectors read = JsonLinesFile.read(file);
    assertThat(read.ids()).isEqualTo(table.ids());
    float[] expected = new float[12];
    table.valuesView().get(expected);
    assertThat(read.matrix()).isEqualTo(new FloatMatrix(3, 4, expected));
  }

  @Test
  void readsFieldsInAnyOrderAndIgnoresExtraFields() throws Exception {
    Path file = dir.resolve("e.jsonl");
    Files.writeString(file, "{\"vector\": [1, 2.5], \"id\": \"a\", \"note\": {\"x\": [1]}}\n"
        + "{\"id\": \"b\", \"vector\": [-1e-3, 0]}\n");
    LabeledVectors read = JsonLinesFile.read(file);
    assertThat(read.ids()).containsExactly("a", "b");
    assertThat(read.matrix().values()).containsExactly(1f, 2.5f, -1e-3f, 0f);
  }

  @Test
  void badLinesAreReportedWithLineAndField() throws Exception {
    Path file = dir.resolve("e.jsonl");
    Files.writeString(file, "{\"id\":\"a\",\"vector\":[1,2]}\n{\"id\":\"b\",\"vector\":[1,2,3]}\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessage(file + ": line 2: field 'vector' has 3 values, expected 2");
    Files.writeString(file, "{\"vector\":[1,2]}\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file)).hasMessage(file + ": line 1: missing field 'id'");
    Files.writeString(file, "{\"id\":\"a\",\"vector\":[1,\"x\"]}\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file))
        .hasMessage(file + ": line 1: field 'vector' element must be a number (got x)");
    Files.writeString(file, "{\"id\":\"a\",\"vector\":[1e39]}\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file))
        .hasMessage(file + ": line 1: field 'vector' element 1e39 is not a finite float32");
    Files.writeString(file, "{\"id\":\"a\",\"vector\":[1]}\n{\"id\":\"a\",\"vector\":[2]}\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file)).hasMessage(file + ": line 2: field 'id' repeats 'a'");
    Files.writeString(file, "{\"id\":\"a\",\"vector\":[1]}\n{\"id\":\"b\",\"vector\":[2]\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file)).hasMessageStartingWith(file + ": line 2: malformed JSON");
    Files.writeString(file, "{\"id\":\"a\",\"vector\":[1]}\n\n");
    assertThatThrownBy(() -> JsonLinesFile.read(file)).hasMessage(file + ": line 2: expected a JSON object");
  }
}
