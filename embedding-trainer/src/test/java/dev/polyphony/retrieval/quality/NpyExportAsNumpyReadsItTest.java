package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the {@code embeddings.npy} of an export of stand-in track vectors the way {@code numpy.load} does
 * (NumPy's format 1.0: magic, version, little-endian header length, a Python dict literal naming dtype,
 * order and shape, then the raw data), without the project's reader, and checks shape and values against
 * the table. {@code docs/examples/check-npy-with-numpy.sh} runs NumPy itself on such an export.
 */
class NpyExportAsNumpyReadsItTest {
  @TempDir
  Path dir;

  @Test
  void theNpyFileHoldsTheTableAsALittleEndianFloat32MatrixInCOrder() throws Exception {
    HeteroGraph graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(300).playlists(10)
        .creators(30).users(0).listensPerUser(0).genres(3).meanPlaylistLength(5).seed(3).build());
    EmbeddingTable table = StandInTrackEmbedding.defaults(3).table(graph);
    EmbeddingExport.write(table, dir, EnumSet.of(ExportFormat.NPY));

    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("embeddings.npy"))).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    file.get(magic);
    assertThat(magic).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y');
    assertThat(new int[] {file.get(), file.get()}).containsExactly(1, 0);
    int headerLength = Short.toUnsignedInt(file.getShort());
    byte[] header = new byte[headerLength];
    file.get(header);
    String dict = new String(header, StandardCharsets.US_ASCII);
    assertThat(dict.strip()).isEqualTo("{'descr': '<f4', 'fortran_order': False, 'shape': (300, 64), }");
    assertThat(dict).endsWith("\n");
    assertThat(file.position() % 64).isZero();
    assertThat(file.remaining()).isEqualTo(300 * 64 * 4);
    float[] expected = new float[300 * 64];
    table.valuesView().get(expected);
    float[] read = new float[expected.length];
    file.asFloatBuffer().get(read);
    assertThat(read).containsExactly(expected);
    assertThat(Files.readAllLines(dir.resolve("ids.tsv")).subList(1, 4))
        .isEqualTo(List.of("0\t" + table.id(0), "1\t" + table.id(1), "2\t" + table.id(2)));
  }
}
