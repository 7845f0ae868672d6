package dev.polyphony.export;

import blue.strategic.parquet.ParquetReader;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads the Parquet table of an embedding export ({@link ParquetEmbeddingLayout}) without Spark or Hadoop:
 * parquet-floor's stand-in Hadoop classes under the Parquet column readers. The part files are read in the
 * manifest's order, rows in file order; that is the row order of the table.
 *
 * <p>Checks, each an {@link EmbeddingFormatException} naming the part file and, for a row, its 0-based number
 * within the file and the field: the columns are exactly {@value ParquetEmbeddingLayout#ID_COLUMN} (string)
 * and {@value ParquetEmbeddingLayout#VECTOR_COLUMN} (list of float); no id or vector is null, no element is
 * null; every vector has the manifest's dimension; ids are unique across all part files; the rows add up to the
 * manifest's count; the values are finite (and of unit length when the manifest says {@code l2}).
 */
public final class ParquetEmbeddingReader {
  private ParquetEmbeddingReader() {}

  /** The table of the Parquet export in {@code dir}, after verifying its manifest. */
  public static EmbeddingTable read(Path dir) throws IOException {
    ExportManifest manifest = EmbeddingExport.verify(dir);
    if (!ParquetEmbeddingLayout.describes(manifest)) {
      throw new EmbeddingFormatException(dir.resolve(ExportManifest.FILE_NAME), "describes no Parquet table (formats "
          + manifest.formats() + ", files " + manifest.files().stream().map(ExportManifest.FileEntry::name).toList()
          + "); expected only " + ParquetEmbeddingLayout.TABLE + "/part-*.parquet files");
    }
    return readVerified(dir, manifest);
  }

  /** Reads the part files {@code manifest} lists, already verified against it. */
  static EmbeddingTable readVerified(Path dir, ExportManifest manifest) throws IOException {
    Rows rows = new Rows(manifest);
    for (ExportManifest.FileEntry entry : manifest.files()) {
      readPart(dir.resolve(entry.name()), entry.name(), rows);
    }
    if (rows.count != manifest.count()) {
      throw new EmbeddingFormatException(dir.resolve(ExportManifest.FILE_NAME), "row count mismatch: manifest says "
          + manifest.count() + " rows, the part files hold " + rows.count);
    }
    try {
      return new EmbeddingTable(manifest.nodeType(), rows.ids, manifest.dimension(), rows.values,
          manifest.metadata());
    } catch (IllegalArgumentException e) {
      // Rows are numbered across the table here; name the part file that holds the row.
      throw new EmbeddingFormatException(dir.resolve(ParquetEmbeddingLayout.TABLE), e.getMessage() + " (rows in "
          + "the order of the manifest's part files)", e);
    }
  }

  /** The rows read so far, across part files. */
  private static final class Rows {
    final int dimension;
    final int expected;
    final List<String> ids;
    final float[] values;
    final Map<String, String> seen = new HashMap<>();
    int count;

    Rows(ExportManifest manifest) {
      this.dimension = manifest.dimension();
      this.expected = manifest.count();
      this.ids = new ArrayList<>(manifest.count());
      this.values = new float[Math.multiplyExact(manifest.count(), manifest.dimension())];
    }
  }

  private static void readPart(Path file, String name, Rows rows) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      ColumnDescriptor idColumn = idColumn(file, schema);
      ColumnDescriptor vectorColumn = vectorColumn(file, schema);
      int listDefined = schema.getMaxDefinitionLevel(new String[] {ParquetEmbeddingLayout.VECTOR_COLUMN});
      int entryDefined = schema.getMaxDefinitionLevel(Arrays.copyOf(vectorColumn.getPath(), 2));
      int valueDefined = vectorColumn.getMaxDefinitionLevel();
      GroupConverter converter = new DummyRecordConverter(schema).getRootConverter();
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      long row = 0;
      for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, converter, schema, createdBy);
        ColumnReader ids = store.getColumnReader(idColumn);
        ColumnReader vectors = store.getColumnReader(vectorColumn);
        long entries = vectors.getTotalValueCount();
        long read = 0;
        for (long r = 0; r < group.getRowCount(); r++, row++) {
          if (ids.getCurrentDefinitionLevel() < idColumn.getMaxDefinitionLevel()) {
            throw rowError(file, row, null, ParquetEmbeddingLayout.ID_COLUMN, "is null");
          }
          String id = ids.getBinary().toStringUsingUTF8();
          ids.consume();
          if (rows.count >= rows.expected) {
            throw rowError(file, row, id, ParquetEmbeddingLayout.ID_COLUMN, "is past the manifest's count of "
                + rows.expected + " rows");
          }
          String earlier = rows.seen.putIfAbsent(id, name + " row " + row);
          if (earlier != null) {
            throw rowError(file, row, id, ParquetEmbeddingLayout.ID_COLUMN, "duplicate id '" + id + "' (first in "
                + earlier + ")");
          }
          int offset = rows.count * rows.dimension;
          int length = 0;
          do {
            if (read == entries) {
              throw rowError(file, row, id, ParquetEmbeddingLayout.VECTOR_COLUMN, "has no values left in its row group");
            }
            int level = vectors.getCurrentDefinitionLevel();
            if (level < listDefined) {
              throw rowError(file, row, id, ParquetEmbeddingLayout.VECTOR_COLUMN, "is null");
            }
            if (level >= entryDefined) {
              if (level < valueDefined) {
                throw rowError(file, row, id, ParquetEmbeddingLayout.VECTOR_COLUMN, "element " + length + " is null");
              }
              if (length < rows.dimension) {
                rows.values[offset + length] = vectors.getFloat();
              }
              length++;
            }
            vectors.consume();
            read++;
          } while (read < entries && vectors.getCurrentRepetitionLevel() > 0);
          if (length != rows.dimension) {
            throw rowError(file, row, id, ParquetEmbeddingLayout.VECTOR_COLUMN, "has " + length
                + " values, the manifest's dimension is " + rows.dimension);
          }
          rows.ids.add(id);
          rows.count++;
        }
      }
    }
  }

  private static ParquetFileReader open(Path file) throws EmbeddingFormatException {
    try {
      return ParquetFileReader.open(ParquetReader.makeInputFile(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new EmbeddingFormatException(file, "not a readable Parquet file: " + e.getMessage(), e);
    }
  }

  private static ColumnDescriptor idColumn(Path file, MessageType schema) throws EmbeddingFormatException {
    checkColumns(file, schema);
    ColumnDescriptor id = schema.getColumnDescription(new String[] {ParquetEmbeddingLayout.ID_COLUMN});
    Type type = schema.getType(ParquetEmbeddingLayout.ID_COLUMN);
    if (!type.isPrimitive() || id.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
        || id.getMaxRepetitionLevel() != 0) {
      throw new EmbeddingFormatException(file, "field '" + ParquetEmbeddingLayout.ID_COLUMN + "' must be a string"
          + " (got " + type.toString().trim() + ")");
    }
    return id;
  }

  private static ColumnDescriptor vectorColumn(Path file, MessageType schema) throws EmbeddingFormatException {
    List<ColumnDescriptor> leaves = schema.getColumns().stream()
        .filter(c -> c.getPath()[0].equals(ParquetEmbeddingLayout.VECTOR_COLUMN)).toList();
    ColumnDescriptor leaf = leaves.size() == 1 ? leaves.get(0) : null;
    if (leaf == null || leaf.getPath().length != 3 || leaf.getMaxRepetitionLevel() != 1
        || leaf.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.FLOAT) {
      throw new EmbeddingFormatException(file, "field '" + ParquetEmbeddingLayout.VECTOR_COLUMN + "' must be a list"
          + " of float (got " + schema.getType(ParquetEmbeddingLayout.VECTOR_COLUMN).toString().replaceAll("\\s+", " ")
          .trim() + ")");
    }
    return leaf;
  }

  private static void checkColumns(Path file, MessageType schema) throws EmbeddingFormatException {
    List<String> names = schema.getFields().stream().map(Type::getName).toList();
    for (String wanted : List.of(ParquetEmbeddingLayout.ID_COLUMN, ParquetEmbeddingLayout.VECTOR_COLUMN)) {
      if (!names.contains(wanted)) {
        throw new EmbeddingFormatException(file, "missing field '" + wanted + "' (columns: " + names + ")");
      }
    }
    String extra = names.stream().filter(n -> !n.equals(ParquetEmbeddingLayout.ID_COLUMN)
        && !n.equals(ParquetEmbeddingLayout.VECTOR_COLUMN)).collect(Collectors.joining(", "));
    if (!extra.isEmpty()) {
      throw new EmbeddingFormatException(file, "unexpected field(s) " + extra + " (expected exactly "
          + ParquetEmbeddingLayout.ID_COLUMN + ", " + ParquetEmbeddingLayout.VECTOR_COLUMN + ")");
    }
  }

  private static EmbeddingFormatException rowError(Path file, long row, String id, String field, String problem) {
    return new EmbeddingFormatException(file, "row " + row + (id == null ? "" : " (id '" + id + "')") + ", field '"
        + field + "': " + problem);
  }
}
