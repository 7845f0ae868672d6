package dev.polyphony.graph.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every row rejected during ingestion, with totals per reason. Once more than {@code maxRejects}
 * rows are rejected, {@link #reject} throws {@link TooManyRejectsException}, so a broken input fails
 * fast instead of producing a hollow graph.
 */
public final class RejectReport {
  /** The default limit of rejected rows before ingestion fails. */
  public static final long DEFAULT_MAX_REJECTS = 1000;

  private final long maxRejects;
  private final List<Reject> rejects = new ArrayList<>();
  private final Map<RejectReason, Long> totals = new EnumMap<>(RejectReason.class);

  public RejectReport(long maxRejects) {
    if (maxRejects < 0) {
      throw new IllegalArgumentException("maxRejects must be >= 0 (got " + maxRejects + ")");
    }
    this.maxRejects = maxRejects;
  }

  public RejectReport() {
    this(DEFAULT_MAX_REJECTS);
  }

  /** Records a rejected row; throws once the limit is exceeded. */
  public void reject(String file, long line, String field, RejectReason reason, String detail) {
    Reject r = new Reject(file, line, field, reason, detail);
    rejects.add(r);
    totals.merge(reason, 1L, Long::sum);
    if (rejects.size() > maxRejects) {
      throw new TooManyRejectsException(maxRejects, r);
    }
  }

  public long maxRejects() {
    return maxRejects;
  }

  public long total() {
    return rejects.size();
  }

  public long count(RejectReason reason) {
    return totals.getOrDefault(reason, 0L);
  }

  /** Totals per reason, only reasons that occurred, in enum order. */
  public Map<RejectReason, Long> totals() {
    return Collections.unmodifiableMap(new EnumMap<>(totals));
  }

  public List<Reject> rejects() {
    return Collections.unmodifiableList(rejects);
  }

  /** Writes the rejects as TSV (file, line, field, reason, detail) followed by totals, atomically. */
  public void writeTsv(Path path) throws IOException {
    AtomicFiles.write(path, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write("file\tline\tfield\treason\tdetail\n");
      for (Reject r : rejects) {
        w.write(clean(r.file()) + '\t' + r.line() + '\t' + clean(r.field()) + '\t' + r.reason() + '\t'
            + clean(r.detail()) + '\n');
      }
      for (Map.Entry<RejectReason, Long> t : totals.entrySet()) {
        w.write("# total\t" + t.getValue() + "\t\t" + t.getKey() + "\t\n");
      }
      w.flush();
    });
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  /** One line per reason, e.g. {@code "DANGLING_REFERENCE=12, MISSING_FIELD=1"}, or "none". */
  public String summary() {
    if (totals.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    totals.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
