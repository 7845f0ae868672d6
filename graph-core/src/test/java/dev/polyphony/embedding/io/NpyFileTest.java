package dev.polyphony.embedding.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.EmbeddingFixture;
import dev.polyphony.embedding.EmbeddingTable;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {
  @TempDir
  Path dir;

  @Test
  void writesAVersion1HeaderPaddedTo64BytesThenLittleEndianFloats() throws Exception {
    Path file = dir.resolve("e.npy");
    EmbeddingTable table = EmbeddingFixture.threeTracks();
    NpyFile.write(file, table);
    byte[] bytes = Files.readAllBytes(file);
    // 10 preamble bytes + 59 dict characters + 1 newline = 70, padded with 58 spaces to 128.
    assertThat(bytes).hasSize(128 + 3 * 4 * 4);
    assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
    assertThat(bytes[8] & 0xFF | (bytes[9] & 0xFF) << 8).isEqualTo(118);
    String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
    assertThat(header).isEqualTo("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }" + " ".repeat(58)
        + "\n");
    ByteBuffer data = ByteBuffer.wrap(bytes, 128, 48).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(data.getFloat()).isEqualTo(1f);
    assertThat(data.getFloat()).isEqualTo(-2.5f);
  }

  @Test
  void dataStartsAtAMultipleOf64ForAnyShape() throws Exception {
    for (long[] shape : new long[][] {{0, 1}, {7, 3}, {123456789, 1024}, {1, 99999}}) {
      byte[] header = NpyHeader.float32Matrix(shape[0], shape[1]);
      assertThat(header.length % 64).as(Arrays.toString(shape)).isZero();
      assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
    }
  }

  @Test
  void roundTripsEveryBit() throws Exception {
    Path file = dir.resolve("e.npy");
    EmbeddingTable table = EmbeddingFixture.threeTracks();
    NpyFile.write(file, table);
    FloatMatrix m = NpyFile.read(file);
    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.columns()).isEqualTo(4);
    float[] expected = new float[12];
    table.valuesView().get(expected);
    assertThat(m.values()).isEqualTo(expected);
    assertThat(Float.floatToRawIntBits(m.get(1, 1))).isEqualTo(Float.floatToRawIntBits(-0.0f));
  }

  @Test
  void truncatedDataIsReportedWithExpectedAndActualLength() throws Exception {
    Path file = dir.resolve("e.npy");
    NpyFile.write(file, EmbeddingFixture.threeTracks());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
    assertThatThrownBy(() -> NpyFile.read(file)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessage(file + ": truncated: shape (3, 4) needs 176 bytes, found 171");
    Files.write(file, Arrays.copyOf(bytes, 30));
    assertThatThrownBy(() -> NpyFile.read(file))
        .hasMessage(file + ": truncated: header ends at byte 128, file has 30 bytes");
    Files.write(file, Arrays.copyOf(bytes, bytes.length + 4));
    assertThatThrownBy(() -> NpyFile.read(file))
        .hasMessage(file + ": shape (3, 4) needs 176 bytes, found 180 (4 trailing bytes)");
  }

  @Test
  void rejectsWrongMagicVersionDtypeOrderAndShape() throws Exception {
    Path file = dir.resolve("x.npy");
    Files.write(file, "PK\u0003\u0004 not numpy at all".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> NpyFile.read(file))
        .hasMessage(file + ": not an npy file: expected magic \\x93NUMPY, found PK\\x03\\x04 n");

    Files.write(file, npy(4, 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), }", 4));
    assertThatThrownBy(() -> NpyFile.read(file)).hasMessage(file + ": unsupported npy version 4.1 (expected 1.0,"
        + " 2.0 or 3.0)");

    Files.write(file, npy(1, 0, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 32));
    assertThatThrownBy(() -> NpyFile.read(file)).hasMessage(file + ": dtype '<f8' is not supported (expected"
        + " '<f4', little-endian float32)");

    Files.write(file, npy(1, 0, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16));
    assertThatThrownBy(() -> NpyFile.read(file))
        .hasMessage(file + ": fortran_order True is not supported (expected C order)");

    Files.write(file, npy(1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", 20));
    assertThatThrownBy(() -> NpyFile.read(file))
        .hasMessage(file + ": shape (5,) is not a matrix (expected (n, d))");

    Files.write(file, npy(1, 0, "{'descr': '<f4', 'fortran_order': False}", 0));
    assertThatThrownBy(() -> NpyFile.read(file)).hasMessage(file + ": header has no 'shape' key");

    Path missing = dir.resolve("missing.npy");
    assertThatThrownBy(() -> NpyFile.read(missing)).hasMessage(missing + ": file not found");
  }

  @Test
  void readsVersion2HeadersAndOtherWritersSpacing() throws Exception {
    Path file = dir.resolve("v2.npy");
    // Python 2 era writers used long literals and no trailing comma; the data offset need not be aligned.
    Files.write(file, npy(2, 0, "{\"descr\":\"<f4\",\"fortran_order\":False,\"shape\":(1L,2L)}", 0,
        1.5f, -2f));
    FloatMatrix m = NpyFile.read(file);
    assertThat(m.rows()).isEqualTo(1);
    assertThat(m.values()).containsExactly(1.5f, -2f);
  }

  /** An npy file with a hand-written header, {@code zeroBytes} zero data bytes, then {@code floats}. */
  private static byte[] npy(int major, int minor, String dict, int zeroBytes, float... floats) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, (byte) minor});
    byte[] text = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(text.length);
    out.write(len.array(), 0, major == 1 ? 2 : 4);
    out.writeBytes(text);
    out.writeBytes(new byte[zeroBytes]);
    ByteBuffer data = ByteBuffer.allocate(4 * floats.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : floats) {
      data.putFloat(f);
    }
    out.writeBytes(data.array());
    return out.toByteArray();
  }
}
