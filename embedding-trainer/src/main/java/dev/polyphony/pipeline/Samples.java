package dev.polyphony.pipeline;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.sample.SeedDerivation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The sample playlists and seed tracks the candidate lists and the Neo4j queries are shown for, the same in every
 * stage of a run: the largest playlists (ties by id), and seed tracks that are half new tracks (in the order of
 * {@code train/new-tracks.tsv}) and half drawn, with the job seed, from tracks on at least one playlist.
 */
final class Samples {
  /** Stream of the job seed that draws the sample tracks. */
  static final long TRACK_STREAM = 12;

  private Samples() {}

  static List<String> playlists(HeteroGraph graph, String playlistRelation, int count) {
    EdgeType relation = graph.schema().edgeType(playlistRelation);
    CsrAdjacency out = graph.out(relation);
    IdMap ids = graph.ids(relation.src());
    return IntStream.range(0, out.rowCount()).boxed()
        .sorted(Comparator.<Integer>comparingInt(p -> -out.degree(p)).thenComparing(ids::externalId))
        .limit(count).map(ids::externalId).toList();
  }

  static List<String> tracks(HeteroGraph graph, String playlistRelation, Path newTracksFile, int count, long seed)
      throws IOException {
    Set<String> chosen = new LinkedHashSet<>();
    if (Files.isRegularFile(newTracksFile)) {
      List<String> fresh = Files.readAllLines(newTracksFile, StandardCharsets.UTF_8).stream()
          .filter(s -> !s.isBlank()).toList();
      fresh.stream().limit((count + 1) / 2).forEach(chosen::add);
    }
    EdgeType relation = graph.schema().edgeType(playlistRelation);
    CsrAdjacency in = graph.in(relation);
    IdMap ids = graph.ids(relation.dst());
    List<Integer> onPlaylists = new ArrayList<>();
    for (int t = 0; t < in.rowCount(); t++) {
      if (in.degree(t) > 0) {
        onPlaylists.add(t);
      }
    }
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, TRACK_STREAM));
    int guard = 0;
    while (chosen.size() < count && !onPlaylists.isEmpty() && guard++ < count * 20) {
      chosen.add(ids.externalId(onPlaylists.get(random.nextInt(onPlaylists.size()))));
    }
    return List.copyOf(chosen);
  }
}
