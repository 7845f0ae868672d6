package dev.polyphony.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The embedding-trainer's Parquet reader (parquet-floor, with stand-in Hadoop classes) stays off this module's
 * classpath: Spark reads and writes Parquet with its own Parquet and Hadoop.
 */
class ParquetFloorExclusionTest {
  @Test
  void parquetFloorIsExcludedAndHadoopIsSparks() throws Exception {
    assertThatThrownBy(() -> Class.forName("blue.strategic.parquet.ParquetReader"))
        .isInstanceOf(ClassNotFoundException.class);
    String hadoop = Class.forName("org.apache.hadoop.conf.Configuration").getProtectionDomain().getCodeSource()
        .getLocation().toString();
    assertThat(hadoop).contains("hadoop-client-api");
  }
}
