package dev.polyphony.embedding.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.EmbeddingFixture;
import dev.polyphony.embedding.EmbeddingTable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FvecsFileTest {
  @TempDir
  Path dir;

  @Test
  void writesDimensionThenFloatsPerVector() throws Exception {
    Path file = dir.resolve("e.fvecs");
    FvecsFile.write(file, EmbeddingFixture.threeTracks());
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.remaining()).isEqualTo(3 * (4 + 4 * 4));
    assertThat(b.getInt()).isEqualTo(4);
    assertThat(new float[] {b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat()})
        .containsExactly(1f, -2.5f, 0.1f, 3e-8f);
    assertThat(b.getInt()).isEqualTo(4);
  }

  @Test
  void roundTripsEveryBit() throws Exception {
    Path file = dir.resolve("e.fvecs");
    EmbeddingTable table = EmbeddingFixture.threeTracks();
    FvecsFile.write(file, table);
    float[] expected = new float[12];
    table.valuesView().get(expected);
    assertThat(FvecsFile.read(file)).isEqualTo(new FloatMatrix(3, 4, expected));
    assertThat(FvecsFile.read(file, 4)).isEqualTo(new FloatMatrix(3, 4, expected));
  }

  @Test
  void truncationAndInconsistentDimensionsNameTheFile() throws Exception {
    Path file = dir.resolve("e.fvecs");
    FvecsFile.write(file, EmbeddingFixture.threeTracks());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> FvecsFile.read(file)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessage(file + ": truncated: 57 bytes is not a whole number of 20-byte records of dimension 4"
            + " (expected 60 bytes for 3 records)");

    byte[] changed = bytes.clone();
    ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 5);
    Files.write(file, changed);
    assertThatThrownBy(() -> FvecsFile.read(file))
        .hasMessage(file + ": record 2 declares dimension 5, expected 4");

    Files.write(file, bytes);
    assertThatThrownBy(() -> FvecsFile.read(file, 8))
        .hasMessage(file + ": record 0 declares dimension 4, expected 8");
  }

  @Test
  void anEmptyFileHasNoRows() throws Exception {
    Path file = dir.resolve("empty.fvecs");
    Files.write(file, new byte[0]);
    assertThat(FvecsFile.read(file).rows()).isZero();
    assertThat(FvecsFile.read(file, 16).columns()).isEqualTo(16);
  }
}
