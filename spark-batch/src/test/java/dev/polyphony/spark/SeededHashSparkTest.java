package dev.polyphony.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.sample.SeededHash;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Java hash the single-machine sampler ranks by is Spark SQL's {@code xxhash64}, bit for bit. */
class SeededHashSparkTest {
  @Test
  void javaHashEqualsSparkXxhash64OnIdsOfEveryLengthBand() {
    List<Row> rows = new ArrayList<>();
    String[] ids = {"", "a", "t1", "abcd", "track_7", "5Zv1qEXXhCZ8Ljo9eyHo0W", "playlist:37i9dQZF1DXcBWIGoYBM5M",
        "a very long external id that spans more than thirty-two bytes of UTF-8", "Beyoncé – Halo", "歌"};
    for (String a : ids) {
      for (String b : ids) {
        rows.add(RowFactory.create(a, b));
      }
    }
    StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
    long seed = -8_123_456_789L;
    Dataset<Row> hashed = SharedSpark.get().createDataFrame(rows, schema)
        .withColumn("h", functions.xxhash64(col("a"), col("b"), lit(seed)));
    List<Row> result = hashed.collectAsList();
    assertThat(result).hasSize(ids.length * ids.length);
    for (Row r : result) {
      assertThat(SeededHash.pair(r.getString(0), r.getString(1), seed)).as("%s / %s", r.getString(0), r.getString(1))
          .isEqualTo(r.getLong(2));
    }
  }
}
