package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.graph.synth.SyntheticSchema;
import dev.polyphony.retrieval.ExactIndex;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smoke test on a small synthetic catalog whose planted trending tracks draw a growing share of
 * listens. The vectors are the tracks' standardised audio features, which know nothing of trends.
 */
class TrendingOnSyntheticCatalogTest {
  private static HeteroGraph graph;
  private static RetrievalCatalog catalog;
  private static AttributeColumn planted;

  @BeforeAll
  static void generate() {
    graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(4_000).playlists(300).creators(400)
        .users(3_000).genres(6).listensPerUser(8).meanPlaylistLength(12).trendingFraction(0.01).seed(11).build());
    NodeFeatures audio = graph.features(SyntheticSchema.TRACK).orElseThrow().standardized();
    float[] values = new float[audio.rows() * audio.dimension()];
    audio.valuesView().get(values);
    EmbeddingTable table = new EmbeddingTable("track", graph.ids(SyntheticSchema.TRACK).externalIds(),
        audio.dimension(), values, EmbeddingMetadata.of("audio-features", Metric.COSINE, Normalization.NONE,
            Instant.EPOCH));
    catalog = new RetrievalCatalog(table, ExactIndex.build(table, Metric.COSINE, 1), graph);
    planted = graph.attributes(SyntheticSchema.TRACK).column(SyntheticSchema.TRENDING);
  }

  private static double plantedShare() {
    int count = 0;
    for (int node = 0; node < planted.size(); node++) {
      count += planted.getInt(node);
    }
    return (double) count / planted.size();
  }

  @Test
  void plantedTrendingTracksHaveTheHighestGrowth() {
    TrendingContent trending = new TrendingContent(catalog, TrendingContentConfig.defaults());
    assertThat(trending.signal()).isEqualTo(TrendingContent.Signal.ENGAGEMENT_GROWTH);
    double plantedTrend = 0;
    double allTrend = 0;
    int plantedCount = 0;
    int n = graph.nodeCount(SyntheticSchema.TRACK);
    for (int node = 0; node < n; node++) {
      allTrend += trending.trend(node);
      if (planted.getInt(node) == 1) {
        plantedTrend += trending.trend(node);
        plantedCount++;
      }
    }
    assertThat(plantedCount).isGreaterThanOrEqualTo(20);
    // Measured 0.95: planted tracks sit in the top 5% of growth on average.
    assertThat(plantedTrend / plantedCount).isGreaterThanOrEqualTo(0.85);
    assertThat(allTrend / n).isLessThan(0.5);
  }

  @Test
  void plantedTrendingTracksFillTheListsFarAboveTheirShare() {
    TrendingContent trending = new TrendingContent(catalog, TrendingContentConfig.defaults());
    int plantedFound = 0;
    int found = 0;
    for (int seed = 0; seed < 4_000; seed += 200) {
      List<Candidate> list = trending.generate(CandidateRequest.forSeedTrack("t" + seed), 20);
      for (Candidate c : list) {
        plantedFound += planted.getInt(catalog.node(c.row()));
      }
      found += list.size();
    }
    assertThat(found).isEqualTo(400);
    double baseRate = plantedShare();
    // Measured 0.15 at a base rate of 0.01; the floor is ten times the base rate.
    assertThat((double) plantedFound / found).isGreaterThanOrEqualTo(10 * baseRate);
  }
}
