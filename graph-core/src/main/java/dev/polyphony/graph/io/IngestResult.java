package dev.polyphony.graph.io;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ingestion produced and what it set aside: the graph, the rejected rows, the duplicate edges
 * merged per relation, and notes on anything else a user should know (e.g. multi-labelled playlists).
 */
public record IngestResult(HeteroGraph graph, RejectReport rejects,
    Map<EdgeType, Integer> mergedDuplicateEdges, long rowsRead, List<String> notes) {
  public IngestResult {
    mergedDuplicateEdges = Collections.unmodifiableMap(new LinkedHashMap<>(mergedDuplicateEdges));
    notes = List.copyOf(notes);
  }
}
