package dev.polyphony.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes the rows of {@link SparkCandidateJob} into an output directory:
 * <ul>
 *   <li>{@value #LISTS}: one row per candidate, {@code query_type, query, rank, track, score, generator,
 *       reasons} (the job's schema without {@code error});</li>
 *   <li>{@value #SKIPPED}: one row per query without a list, {@code query_type, query, error};</li>
 *   <li>{@code manifest.json}, written last: the counts, the run's settings given by the caller, and the size
 *       and SHA-256 of every part file of both tables.</li>
 * </ul>
 * Each table replaces its directory by a rename ({@link ParquetTables}); the manifest is removed first and
 * written last (atomically), so a manifest vouches for complete tables.
 */
public final class CandidateListsExport {
  /** The candidates table's directory within the output. */
  public static final String LISTS = "candidates.parquet";
  /** The table of queries without a list. */
  public static final String SKIPPED = "skipped.parquet";
  /** Version of the manifest's layout. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What was written.
   *
   * @param lists queries with a list
   * @param candidates rows of {@value #LISTS}
   * @param skipped queries without a list (rows of {@value #SKIPPED})
   * @param queriesByType queries per query type
   */
  public record Summary(long lists, long candidates, long skipped, Map<String, Long> queriesByType) {}

  private CandidateListsExport() {}

  private static Map<String, Object> entry(ExportManifest.FileEntry f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("bytes", f.bytes());
    m.put("sha256", f.sha256());
    return m;
  }

  /**
   * Writes {@code rows} into {@code dir}; {@code settings} (generators, k, embeddings, graph, ...) go into the
   * manifest as they are.
   */
  public static Summary write(Dataset<Row> rows, Path dir, Map<String, Object> settings) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Files.createDirectories(target);
    Files.deleteIfExists(target.resolve(ExportManifest.FILE_NAME));
    Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<ExportManifest.FileEntry> lists = ParquetTables.write(
          kept.filter(col("error").isNull()).drop("error"), target, LISTS);
      List<ExportManifest.FileEntry> skipped = ParquetTables.write(
          kept.filter(col("error").isNotNull()).select("query_type", "query", "error"), target, SKIPPED);
      Map<String, Long> byType = new LinkedHashMap<>();
      for (Row r : kept.groupBy("query_type").agg(countDistinct("query")).orderBy("query_type").collectAsList()) {
        byType.put(r.getString(0), r.getLong(1));
      }
      Row counts = kept.selectExpr("count(rank) as candidates", "count(error) as skipped",
          "count(distinct case when error is null then concat(query_type, '\\u0000', query) end) as lists").first();
      Summary summary = new Summary(counts.getLong(2), counts.getLong(0), counts.getLong(1), byType);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format_version", FORMAT_VERSION);
      manifest.put("kind", "candidate-lists");
      manifest.put("created_at", Instant.now().toString());
      manifest.put("settings", settings);
      manifest.put("queries", byType);
      manifest.put("lists", summary.lists());
      manifest.put("candidates", summary.candidates());
      manifest.put("skipped", summary.skipped());
      manifest.put("files", java.util.stream.Stream.concat(lists.stream(), skipped.stream())
          .map(CandidateListsExport::entry).toList());
      byte[] bytes = JSON.writeValueAsBytes(manifest);
      AtomicFiles.write(target.resolve(ExportManifest.FILE_NAME), out -> {
        out.write(bytes);
        out.write('\n');
      });
      return summary;
    } finally {
      kept.unpersist();
    }
  }
}
