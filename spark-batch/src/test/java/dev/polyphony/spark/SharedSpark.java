package dev.polyphony.spark;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session of the module's tests: two cores, two shuffle partitions, no UI. */
final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessionOptions.localSession("local[2]", 2);
    }
    return session;
  }
}
