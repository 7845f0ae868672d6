package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.eval.EvaluationConfig;
import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationQueries;
import dev.polyphony.eval.PlaylistContinuationEvaluation;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole harness on a small synthetic catalog (margins, listens, dates) with the stand-in embedding. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalQualityTest {
  private static final long SEED = 17;

  private HeteroGraph graph;
  private EmbeddingTable tracks;
  private RetrievalQualityConfig config;
  private RetrievalQualityResult result;

  @BeforeAll
  void measure() {
    graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(500).playlists(40).creators(50)
        .users(100).listensPerUser(8).genres(4).meanPlaylistLength(15).seed(SEED).build());
    tracks = StandInTrackEmbedding.defaults(SEED).table(graph);
    config = RetrievalQualityConfig.defaults(SEED).withAnnQueries(200).withThreads(2)
        .withThroughput(new ThroughputConfig(0, 10)).withBlend(BlendQualityConfig.defaults().withListLength(20));
    result = new RetrievalQuality(graph, tracks, config).compute();
  }

  @Test
  void scoresTheListsOnTheWarmQueriesOfThePlaylistContinuationEvaluation() {
    EvaluationQueries warm = new PlaylistContinuationEvaluation(graph, EvaluationConfig.defaults(SEED))
        .queries(EvaluationProtocol.WARM);
    RetrievalQualityResult.Split split = result.split();
    assertThat(split.seed()).isEqualTo(SEED);
    assertThat(split.warmQueries()).isEqualTo(warm.queryCount()).isPositive();
    assertThat(split.warmRelevant()).isEqualTo(warm.relevantCount());
    assertThat(split.warmCandidates()).isEqualTo(warm.candidates().cardinality());
    BlendQualityResult blend = result.blend();
    assertThat(blend.queries() + blend.skippedQueries()).isEqualTo(warm.queryCount());
    assertThat(blend.skippedQueries()).isZero();
    assertThat(blend.candidateTracks()).isEqualTo(warm.candidates().cardinality());
    assertThat(blend.relevance().lists()).isEqualTo(warm.queryCount());
    assertThat(blend.relevance().meanLength()).isEqualTo(20.0);
  }

  @Test
  void blendsAllFiveGeneratorsOnACatalogThatHasWhatTheyNeed() {
    BlendQualityResult blend = result.blend();
    assertThat(blend.omitted()).isEmpty();
    assertThat(blend.generators()).extracting(BlendQualityResult.BlendedGenerator::name)
        .containsExactly("playlist", "fresh", "trending", "tail-creator", "revenue-margin");
    assertThat(blend.generators()).allSatisfy(g -> assertThat(g.quota()).isCloseTo(0.2, within(1e-12)));
    assertThat(blend.blended().meanLength()).isEqualTo(20.0);
    assertThat(blend.blended().freshShare()).isGreaterThan(blend.relevance().freshShare());
    assertThat(blend.blended().tailShare()).isGreaterThan(blend.relevance().tailShare());
    assertThat(blend.blended().coverage())
        .isCloseTo((double) blend.blended().distinctTracks() / blend.candidateTracks(), within(1e-12));
  }

  @Test
  void measuresTheIndexAtItsDefaultsAgainstTheExactOne() {
    AnnQualityResult ann = result.ann();
    assertThat(ann.rows()).isEqualTo(500);
    assertThat(ann.dimension()).isEqualTo(64);
    assertThat(new int[] {ann.m(), ann.efConstruction(), ann.ef(), ann.k(), ann.queryCount()})
        .containsExactly(16, 200, 128, 10, 200);
    assertThat(ann.queries()).isEqualTo("200 table rows sampled with seed 17");
    assertThat(ann.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(ann.ann().threads()).isEqualTo(2);
    assertThat(result.embeddings().standIn()).startsWith("12 standardised track features projected to 64");
    assertThat(result.embeddings().modelHash()).isEqualTo("stand-in-audio-artist-d64-w1.0-seed17");
  }

  @Test
  void twoRunsWithOneSeedAgreeOnEverythingButTheTimings() {
    RetrievalQualityResult again = new RetrievalQuality(graph, tracks, config).compute();
    assertThat(again.blend()).isEqualTo(result.blend());
    assertThat(again.split()).isEqualTo(result.split());
    assertThat(again.embeddings()).isEqualTo(result.embeddings());
    assertThat(again.ann().recall()).isEqualTo(result.ann().recall());
    assertThat(again.ann().minRecall()).isEqualTo(result.ann().minRecall());
  }

  @Test
  void theJsonReadsBackEqualAndTheMarkdownSaysItIsAStandIn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("retrieval-quality.json");
    RetrievalQualityJson.write(result, file);
    assertThat(RetrievalQualityJson.read(file)).isEqualTo(result);
    String markdown = RetrievalQualityMarkdown.format(result);
    assertThat(markdown).startsWith("> **Stand-in embeddings, not a trained model:** 12 standardised track");
    assertThat(markdown).contains("| Voyager (`AnnIndex`) | 16 | 200 | 128 |",
        "| pure relevance (playlist continuation) | ", "| blended | ", "| revenue-margin | 0.20 |");
  }
}
