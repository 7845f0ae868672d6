package dev.polyphony.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The {@code --master} option of the Spark commands and the session it selects: the one {@code spark-submit}
 * configured when there is one and no {@code --master} is given, else a local session on the given master
 * ({@code local[2]} by default).
 */
final class SparkSessionOptions {
  /** The master of a local session when neither {@code --master} nor {@code spark-submit} names one. */
  static final String DEFAULT_MASTER = "local[2]";

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master when not set by spark-submit, e.g. local[2] (default: the submitted one, else local[2]).")
  String master;

  /**
   * A session for one command run. A session that already existed (an application embedding the command, a
   * test) stays its owner's to stop; one this call started is stopped on {@link #close}.
   */
  record Session(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  /** Opens the selected session; a local one it starts gets {@code shufflePartitions} shuffle partitions. */
  Session open(int shufflePartitions) {
    boolean submitted = master == null && System.getProperty("spark.master") != null;
    boolean owned = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = submitted ? SparkSession.builder().appName("polyphony").getOrCreate()
        : localSession(master == null ? DEFAULT_MASTER : master, shufflePartitions);
    return new Session(spark, owned);
  }

  /** A local session: UI off, {@code partitions} shuffle partitions, driver bound to the loopback address. */
  static SparkSession localSession(String master, int partitions) {
    return SparkSession.builder().master(master).appName("polyphony")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", Integer.toString(partitions))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
