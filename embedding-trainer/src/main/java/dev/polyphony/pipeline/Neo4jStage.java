package dev.polyphony.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the catalog and its embeddings into a fresh embedded Neo4j ({@code neo4j-store/}) with a vector index,
 * and asks it two questions about the {@link Samples}: the tracks most often on the same playlists as a track
 * of the training catalog, and the nearest tracks to a new track by the vector index. Each step is a
 * {@code polyphony neo4j} command in a child process ({@link ChildCommand}), so Neo4j never shares the trainer's class path; their outputs go to
 * {@code neo4j/*.txt} and {@code neo4j/queries.json} lists the questions for the report. The store is not a
 * checksummed output (the database rewrites its files whenever it starts).
 */
final class Neo4jStage implements Stage {
  static final String QUERIES = "queries.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One exploration question: its title, the command that answered it and the file holding the answer. */
  record Query(String title, String command, String file) {}

  @Override
  public String name() {
    return "neo4j";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest", "train", "embed");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    return List.of(c.layout().graph(), c.layout().embeddings(), c.layout().newTracks());
  }

  @Override
  public String settings(StageContext c) {
    return "seed=" + c.config().training().seed() + "\nplaylistRelation="
        + c.config().training().catalog().playlistRelation();
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().neo4j());
  }

  @Override
  public void run(StageContext c) throws Exception {
    PipelineLayout l = c.layout();
    HeteroGraph graph = c.graph();
    String relation = c.config().training().catalog().playlistRelation();
    EdgeType playlists = graph.schema().edgeType(relation);
    List<String> sample = Samples.tracks(graph, relation, l.newTracks(), 2, c.config().training().seed());
    if (sample.isEmpty()) {
      throw new IllegalStateException("no track is on a playlist, so there is no track to explore");
    }
    // The first sample is a new track when there are any (its neighbours by an inductive embedding); the
    // second a track of the training catalog, whose playlists tell more about it.
    String track = sample.get(0);
    String coTrack = sample.get(sample.size() - 1);
    String trackLabel = label(playlists.dst().name());
    TrainStage.deleteTree(l.neo4jStore());
    TrainStage.deleteTree(l.neo4j());
    Files.createDirectories(l.neo4j());
    String home = l.neo4jStore().toString();
    c.child().run(List.of("neo4j", "import", "--graph", l.graph().toString(), "--offline", "--neo4j-home", home),
        l.neo4j().resolve("import.txt"));
    c.child().run(List.of("neo4j", "write-embeddings", "--embeddings", l.embeddings().toString(), "--neo4j-home",
        home), l.neo4j().resolve("write-embeddings.txt"));
    List<Query> queries = new ArrayList<>();
    List<String> coOccurring = List.of("neo4j", "explore", "co-occurring", "--id", coTrack, "--item-label", trackLabel,
        "--container-label", label(playlists.src().name()), "--relationship", relationshipType(relation),
        "--limit", "10", "--neo4j-home", home);
    c.child().run(coOccurring, l.neo4j().resolve("query-co-occurring.txt"));
    queries.add(new Query("Tracks most often on the same playlists as track " + coTrack,
        "polyphony " + String.join(" ", coOccurring), "query-co-occurring.txt"));
    List<String> similar = List.of("neo4j", "explore", "similar", "--label", trackLabel, "--id", track, "--k", "10",
        "--neo4j-home", home);
    c.child().run(similar, l.neo4j().resolve("query-similar.txt"));
    queries.add(new Query("Nearest tracks to track " + track + (sample.size() > 1 ? " (a new track)" : "")
        + " by the vector index",
        "polyphony " + String.join(" ", similar), "query-similar.txt"));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("store", home);
    root.put("tracks", List.of(coTrack, track));
    root.put("queries", queries);
    AtomicFiles.writeString(l.neo4j().resolve(QUERIES), JSON.writeValueAsString(root) + "\n");
    c.text().println("   neo4j:   store " + home + "; outputs and query results in " + l.neo4j());
    c.text().println("   explore: ./polyphony neo4j explore summary --neo4j-home " + home);
  }

  /** The import's label convention (neo4j-import's CypherNames): upper camel case, {@code track -> Track}. */
  static String label(String nodeType) {
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (char ch : nodeType.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** The import's relationship type convention: upper snake case, {@code by_artist -> BY_ARTIST}. */
  static String relationshipType(String relation) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < relation.length(); i++) {
      char ch = relation.charAt(i);
      if (Character.isUpperCase(ch) && i > 0 && (Character.isLowerCase(relation.charAt(i - 1))
          || Character.isDigit(relation.charAt(i - 1)))) {
        sb.append('_');
      }
      sb.append(Character.toUpperCase(ch));
    }
    return sb.toString();
  }

  static Map<?, ?> readQueries(Path neo4jDir) throws java.io.IOException {
    return JSON.readValue(neo4jDir.resolve(QUERIES).toFile(), Map.class);
  }
}
