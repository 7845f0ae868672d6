package dev.polyphony.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.candidates.BlendPlan;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.CatalogNames;
import dev.polyphony.retrieval.candidates.Reason;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The Spark lists equal the single machine's: same generators, blender and exact index over the same table. */
class SparkCandidateJobTest {
  static final BlendPlan PLAN = BlendPlan.parse(List.of("playlist:0.4", "fresh", "trending", "tail-creator",
      "revenue-margin"));

  static HeteroGraph graph() {
    return SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(240).playlists(18).creators(30)
        .users(25).listensPerUser(6).genres(3).meanPlaylistLength(8).seed(11).build());
  }

  /** Seeded Gaussian vectors of dimension 8 for the graph's tracks, in node order. */
  static EmbeddingTable tracks(HeteroGraph graph) {
    IdMap ids = graph.ids(NodeType.of("track"));
    List<String> names = new ArrayList<>();
    float[] values = new float[ids.size() * 8];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < ids.size(); i++) {
      names.add(ids.externalId(i));
      for (int c = 0; c < 8; c++) {
        values[i * 8 + c] = (float) random.nextGaussian();
      }
    }
    return new EmbeddingTable("track", names, 8, values, new EmbeddingMetadata("test-model", Metric.COSINE,
        Normalization.NONE, Instant.parse("2026-01-01T00:00:00Z"), Map.of()));
  }

  /** What {@code polyphony retrieve --playlist ID} computes for every query, with an exact index. */
  static List<Object[]> singleMachine(EmbeddingTable tracks, HeteroGraph graph, Map<String, CatalogNames> types,
      int k) {
    List<Object[]> rows = new ArrayList<>();
    ExactIndex index = ExactIndex.build(tracks, Metric.COSINE, 1);
    types.forEach((type, names) -> {
      CandidateBlender blender = PLAN.blender(new RetrievalCatalog(tracks, index, graph, names));
      IdMap queries = graph.ids(graph.schema().edgeType(names.playlistRelation()).src());
      for (int node = 0; node < queries.size(); node++) {
        String id = queries.externalId(node);
        try {
          BlendResult result = blender.blend(CandidateRequest.forPlaylist(id), k);
          int rank = 1;
          for (Candidate c : result.candidates()) {
            rows.add(new Object[] {type, id, rank++, c.id(), c.score(), c.generator(),
                c.reasons().stream().map(Reason::toString).toList(), null});
          }
        } catch (IllegalArgumentException e) {
          rows.add(new Object[] {type, id, null, null, null, null, null, e.getMessage()});
        }
      }
    });
    return rows;
  }

  @Test
  void everyPlaylistAndUserListEqualsTheSingleMachineList() throws Exception {
    HeteroGraph graph = graph();
    EmbeddingTable tracks = tracks(graph);
    Map<String, CatalogNames> types = SparkCandidateJob.queryTypes(graph, CatalogNames.defaults(), "listened");

    List<Row> spark = new SparkCandidateJob(SharedSpark.get(), PLAN, 10, 3).run(tracks, graph, types)
        .collectAsList();
    List<Object[]> expected = singleMachine(tracks, graph, types, 10);

    assertThat(types).containsOnlyKeys("playlist", "user");
    assertThat(spark).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Object[] e = expected.get(i);
      Row r = spark.get(i);
      String at = "row " + i + " " + List.of(e[0], e[1]);
      assertThat(r.getString(0)).as(at).isEqualTo(e[0]);
      assertThat(r.getString(1)).as(at).isEqualTo(e[1]);
      assertThat(r.isNullAt(2) ? null : r.getInt(2)).as(at).isEqualTo(e[2]);
      assertThat(r.getString(3)).as(at).isEqualTo(e[3]);
      if (e[4] != null) {
        assertThat(r.getDouble(4)).as(at).isCloseTo((Double) e[4], within(1e-6));
      }
      assertThat(r.getString(5)).as(at).isEqualTo(e[5]);
      assertThat(r.isNullAt(6) ? null : r.getList(6)).as(at).isEqualTo(e[6]);
      assertThat(r.getString(7)).as(at).isEqualTo(e[7]);
    }
    // Both query types got full lists, placed by more than one generator.
    assertThat(spark.stream().filter(r -> r.getString(0).equals("user") && r.getString(7) == null)).isNotEmpty();
    assertThat(spark.stream().filter(r -> r.getString(0).equals("playlist") && !r.isNullAt(2) && r.getInt(2) == 10))
        .hasSizeGreaterThan(10);
    assertThat(spark.stream().filter(r -> r.getString(7) == null).map(r -> r.getString(5)).distinct())
        .hasSizeGreaterThan(2);
  }
}
