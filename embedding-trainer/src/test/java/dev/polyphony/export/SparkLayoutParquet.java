package dev.polyphony.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet files in the layout Spark gives an {@code (id string, embedding array<float>)} table (the
 * three-level list {@code embedding.list.element}), and deliberately broken variants of it, for reader tests.
 */
final class SparkLayoutParquet {
  /** Spark's schema of the embedding table. */
  static final MessageType SPARK = MessageTypeParser.parseMessageType("message spark_schema {\n"
      + "  required binary id (STRING);\n"
      + "  optional group embedding (LIST) { repeated group list { optional float element; } }\n"
      + "}");
  /** Spark's schema plus an int column {@code extra}. */
  static final MessageType EXTRA = MessageTypeParser.parseMessageType("message spark_schema {\n"
      + "  required binary id (STRING);\n"
      + "  optional group embedding (LIST) { repeated group list { optional float element; } }\n"
      + "  optional int32 extra;\n"
      + "}");
  /** Ids only. */
  static final MessageType IDS_ONLY = MessageTypeParser.parseMessageType("message spark_schema {\n"
      + "  required binary id (STRING);\n"
      + "}");

  /** One row; a null vector is written as a null list. */
  record Row(String id, float[] vector) {}

  private SparkLayoutParquet() {}

  /** Writes {@code rows} to {@code file} (replacing it) under {@code schema}, in one row group. */
  static void write(Path file, MessageType schema, List<Row> rows) throws IOException {
    try (ParquetWriter<Row> writer = new Builder(file, schema).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (Row row : rows) {
        writer.write(row);
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final MessageType schema;

    Builder(Path file, MessageType schema) {
      super(new LocalOutputFile(file));
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new Support(schema);
    }
  }

  private static final class Support extends WriteSupport<Row> {
    private final MessageType schema;
    private RecordConsumer out;

    Support(MessageType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Row row) {
      out.startMessage();
      out.startField("id", 0);
      out.addBinary(Binary.fromString(row.id()));
      out.endField("id", 0);
      if (schema.containsField("embedding") && row.vector() != null) {
        out.startField("embedding", 1);
        out.startGroup();
        if (row.vector().length > 0) {
          out.startField("list", 0);
          for (float v : row.vector()) {
            out.startGroup();
            out.startField("element", 0);
            out.addFloat(v);
            out.endField("element", 0);
            out.endGroup();
          }
          out.endField("list", 0);
        }
        out.endGroup();
        out.endField("embedding", 1);
      }
      if (schema.containsField("extra")) {
        out.startField("extra", 2);
        out.addInteger(7);
        out.endField("extra", 2);
      }
      out.endMessage();
    }
  }
}
