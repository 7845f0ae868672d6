package dev.polyphony.cli;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;

/** Prints what an ingestion read, set aside, merged and wrote. */
public final class IngestReport {
  private IngestReport() {}

  public static void print(Ingestion.Outcome outcome, PrintWriter out) throws IOException {
    IngestResult r = outcome.result();
    out.println("ingested " + outcome.format().cliName() + " from " + outcome.input() + " in "
        + Sizes.seconds(outcome.elapsed()));
    out.println("rows read:  " + r.rowsRead());
    GraphSummary.printCounts(r.graph(), out);
    out.println("rejected:   " + r.rejects().total() + " row(s)");
    for (Map.Entry<RejectReason, Long> t : r.rejects().totals().entrySet()) {
      out.println("  " + t.getKey() + ": " + t.getValue());
    }
    long merged = r.mergedDuplicateEdges().values().stream().mapToLong(Integer::longValue).sum();
    out.println("merged duplicate edges: " + merged + " (weights summed, earliest timestamp kept)");
    for (EdgeType e : r.graph().schema().edgeTypes()) {
      int m = r.mergedDuplicateEdges().getOrDefault(e, 0);
      if (m > 0) {
        out.println("  " + e.relation() + ": " + m);
      }
    }
    if (!r.notes().isEmpty()) {
      out.println("notes:");
      for (String note : r.notes()) {
        out.println("  - " + note);
      }
    }
    GraphSummary.printMemory(r.graph(), out);
    out.println("snapshot:   " + outcome.snapshot() + " (" + Sizes.bytes(Files.size(outcome.snapshot())) + ")");
    out.println("rejects:    " + outcome.rejects());
    out.flush();
  }
}
