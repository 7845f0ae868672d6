package dev.polyphony.graph.synth;

import static dev.polyphony.graph.synth.SyntheticSchema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.GraphMemoryEstimate;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SyntheticCatalogTest {
  private static final SyntheticCatalogConfig CONFIG = SyntheticCatalogConfig.builder()
      .tracks(6000).playlists(800).creators(500).users(1000).genres(10).seed(7)
      .meanPlaylistLength(25).listensPerUser(12).releaseYears(10).freshTailFraction(0.05).freshTailDays(21)
      .startDate(LocalDate.of(2014, 3, 1)).listenWindowDays(60).playlistGenreFocus(0.8).trendingFraction(0.01)
      .build();
  private static final HeteroGraph GRAPH = SyntheticCatalog.generate(CONFIG);

  @Test
  void sameSeedGivesEqualCatalogsAndAnotherSeedADifferentOne() {
    assertThat(SyntheticCatalog.generate(CONFIG)).isEqualTo(GRAPH);
    HeteroGraph other = SyntheticCatalog.generate(CONFIG.toBuilder().seed(8).build());
    assertThat(other).isNotEqualTo(GRAPH);
    assertThat(other.out(CONTAINS)).isNotEqualTo(GRAPH.out(CONTAINS));
    assertThat(other.features(TRACK)).isNotEqualTo(GRAPH.features(TRACK));
  }

  @Test
  void nodeCountsAreAsConfiguredAndIdsFollowThePattern() {
    assertThat(GRAPH.schema()).isEqualTo(SCHEMA);
    assertThat(GRAPH.nodeCount(TRACK)).isEqualTo(6000);
    assertThat(GRAPH.nodeCount(PLAYLIST)).isEqualTo(800);
    assertThat(GRAPH.nodeCount(ARTIST)).isEqualTo(500);
    assertThat(GRAPH.nodeCount(USER)).isEqualTo(1000);
    assertThat(GRAPH.ids(TRACK).externalId(4321)).isEqualTo("t4321");
    assertThat(GRAPH.ids(PLAYLIST).indexOf("p17")).isEqualTo(17);
    assertThat(GRAPH.ids(ARTIST).externalId(0)).isEqualTo("a0");
    assertThat(GRAPH.ids(USER).externalId(999)).isEqualTo("u999");
    assertThat(GRAPH.features(TRACK).orElseThrow().columns()).isEqualTo(AUDIO_FEATURES);
  }

  @Test
  void everyTrackHasOneArtistAndEveryArtistATrack() {
    CsrAdjacency byArtist = GRAPH.out(BY_ARTIST);
    assertThat(byArtist.edgeCount()).isEqualTo(6000);
    for (int t = 0; t < 6000; t++) {
      assertThat(byArtist.degree(t)).isEqualTo(1);
    }
    CsrAdjacency tracksOf = GRAPH.in(BY_ARTIST);
    int largest = 0;
    for (int a = 0; a < 500; a++) {
      assertThat(tracksOf.degree(a)).isPositive();
      largest = Math.max(largest, tracksOf.degree(a));
    }
    // Heavy tail: the largest artist has many times the mean of 12 tracks.
    assertThat(largest).isGreaterThan(5 * 12);
  }

  @Test
  void playlistLengthsAndListensAverageTheConfiguredMeans() {
    assertThat(GRAPH.edgeCount(CONTAINS) / 800.0).isCloseTo(25, within(2.5));
    assertThat(GRAPH.edgeCount(LISTENED) / 1000.0).isCloseTo(12, within(1.2));
    int longest = 0;
    int shortest = Integer.MAX_VALUE;
    for (int p = 0; p < 800; p++) {
      longest = Math.max(longest, GRAPH.out(CONTAINS).degree(p));
      shortest = Math.min(shortest, GRAPH.out(CONTAINS).degree(p));
    }
    assertThat(shortest).isPositive();
    assertThat(longest).isGreaterThan(4 * 25);
  }

  @Test
  void tracksInheritTheirArtistsGenre() {
    AttributeColumn trackGenre = GRAPH.attributes(TRACK).column(GENRE);
    AttributeColumn artistGenre = GRAPH.attributes(ARTIST).column(GENRE);
    assertThat(trackGenre.presentCount()).isEqualTo(6000);
    for (int t = 0; t < 6000; t++) {
      int a = GRAPH.out(BY_ARTIST).target(GRAPH.out(BY_ARTIST).start(t));
      assertThat(trackGenre.getString(t)).isEqualTo(artistGenre.getString(a));
    }
    assertThat(artistGenre.dictionary()).hasSize(10).contains("pop", "rap", "rock", "latin", "r&b", "edm");
  }

  @Test
  void playlistsDrawMostTracksFromTheirGenre() {
    AttributeColumn trackGenre = GRAPH.attributes(TRACK).column(GENRE);
    AttributeColumn playlistGenre = GRAPH.attributes(PLAYLIST).column(GENRE);
    CsrAdjacency contains = GRAPH.out(CONTAINS);
    long same = 0;
    for (int p = 0; p < 800; p++) {
      for (int i = contains.start(p); i < contains.end(p); i++) {
        same += trackGenre.getString(contains.target(i)).equals(playlistGenre.getString(p)) ? 1 : 0;
      }
    }
    double share = same / (double) contains.edgeCount();
    // Focus 0.8, less repeats rejected within the smaller genre pool; chance alone would give about 1/10.
    assertThat(share).isBetween(0.7, 0.95);
  }

  @Test
  void featureCentroidsDifferByGenreAndValuesStayInRange() {
    NodeFeatures features = GRAPH.features(TRACK).orElseThrow();
    NodeFeatures z = features.standardized();
    AttributeColumn genre = GRAPH.attributes(TRACK).column(GENRE);
    int d = features.dimension();
    double[][] mean = new double[10][d];
    int[] count = new int[10];
    for (int t = 0; t < 6000; t++) {
      int g = genre.getCode(t);
      count[g]++;
      for (int c = 0; c < d; c++) {
        mean[g][c] += z.get(t, c);
      }
    }
    for (int g = 0; g < 10; g++) {
      for (int c = 0; c < d; c++) {
        mean[g][c] /= count[g];
      }
    }
    for (int g = 0; g < 10; g++) {
      for (int h = g + 1; h < 10; h++) {
        double dist = 0;
        for (int c = 0; c < d; c++) {
          dist += (mean[g][c] - mean[h][c]) * (mean[g][c] - mean[h][c]);
        }
        assertThat(Math.sqrt(dist)).as("genres %d and %d", g, h).isGreaterThan(0.5);
      }
    }
    float[] min = features.stats().min();
    float[] max = features.stats().max();
    int key = AUDIO_FEATURES.indexOf("key");
    int mode = AUDIO_FEATURES.indexOf("mode");
    int loudness = AUDIO_FEATURES.indexOf("loudness");
    int tempo = AUDIO_FEATURES.indexOf("tempo");
    int duration = AUDIO_FEATURES.indexOf("duration_ms");
    for (String level : new String[] {"danceability", "energy", "speechiness", "acousticness",
        "instrumentalness", "liveness", "valence"}) {
      int c = AUDIO_FEATURES.indexOf(level);
      assertThat(min[c]).as(level).isGreaterThanOrEqualTo(0f);
      assertThat(max[c]).as(level).isLessThanOrEqualTo(1f);
    }
    assertThat(min[loudness]).isGreaterThanOrEqualTo(-45f);
    assertThat(max[loudness]).isLessThanOrEqualTo(1f);
    assertThat(min[tempo]).isGreaterThanOrEqualTo(50f);
    assertThat(max[tempo]).isLessThanOrEqualTo(220f);
    assertThat(min[duration]).isGreaterThanOrEqualTo(30_000f);
    for (int t = 0; t < 6000; t++) {
      float k = features.get(t, key);
      assertThat(k).isBetween(0f, 11f).isEqualTo((float) Math.rint(k));
      assertThat(features.get(t, mode)).isIn(0f, 1f);
    }
  }

  @Test
  void releaseDatesSpanTheYearsWithAFreshTail() {
    AttributeColumn released = GRAPH.attributes(TRACK).column(RELEASE_DATE);
    LocalDate end = LocalDate.of(2024, 3, 1);
    assertThat(CONFIG.endDate()).isEqualTo(end);
    LocalDate freshStart = end.minusDays(21);
    int fresh = 0;
    int firstHalf = 0;
    for (int t = 0; t < 6000; t++) {
      LocalDate day = released.getDate(t);
      assertThat(day).isAfterOrEqualTo(CONFIG.startDate()).isBefore(end);
      fresh += day.isBefore(freshStart) ? 0 : 1;
      firstHalf += day.isBefore(LocalDate.of(2019, 3, 1)) ? 1 : 0;
    }
    // 5% of 6000 = 300 expected; binomial sd about 17.
    assertThat(fresh).isBetween(240, 360);
    // Release volume grows over time: far fewer than half of older tracks come from the first half.
    assertThat(firstHalf).isBetween(1200, 1700);
  }

  @Test
  void listensLieInTheWindowAfterReleaseWithPositivePlayCounts() {
    CsrAdjacency listened = GRAPH.out(LISTENED);
    AttributeColumn released = GRAPH.attributes(TRACK).column(RELEASE_DATE);
    long from = LocalDate.of(2024, 3, 1).minusDays(60).toEpochDay() * 86_400_000L;
    long to = LocalDate.of(2024, 3, 1).toEpochDay() * 86_400_000L;
    assertThat(CONFIG.listenWindowStartMillis()).isEqualTo(from);
    assertThat(CONFIG.listenWindowEndMillis()).isEqualTo(to);
    for (int i = 0; i < listened.edgeCount(); i++) {
      long ts = listened.timestamp(i);
      assertThat(ts).isGreaterThanOrEqualTo(from).isLessThan(to);
      assertThat(ts).isGreaterThanOrEqualTo(released.getEpochDay(listened.target(i)) * 86_400_000L);
      assertThat(listened.weight(i)).isGreaterThanOrEqualTo(1f).isEqualTo((float) Math.rint(listened.weight(i)));
    }
  }

  @Test
  void trendingTracksGainListensTowardsTheEndOfTheWindow() {
    AttributeColumn trending = GRAPH.attributes(TRACK).column(TRENDING);
    CsrAdjacency listeners = GRAPH.in(LISTENED);
    long from = CONFIG.listenWindowStartMillis();
    long third = (CONFIG.listenWindowEndMillis() - from) / 3;
    long[] trendingThirds = new long[3];
    long[] otherThirds = new long[3];
    int trendingTracks = 0;
    long trendingListens = 0;
    for (int t = 0; t < 6000; t++) {
      boolean isTrending = trending.getInt(t) == 1;
      trendingTracks += isTrending ? 1 : 0;
      for (int i = listeners.start(t); i < listeners.end(t); i++) {
        int bucket = (int) Math.min(2, (listeners.timestamp(i) - from) / third);
        (isTrending ? trendingThirds : otherThirds)[bucket]++;
        trendingListens += isTrending ? 1 : 0;
      }
    }
    assertThat(trendingTracks).isBetween(30, 100);
    // A tenth of all listen draws go to about 1% of the tracks, plus their share of ordinary draws.
    assertThat(trendingListens / (double) listeners.edgeCount()).isBetween(0.09, 0.2);
    assertThat(trendingThirds[2]).isGreaterThan(3 * trendingThirds[0]);
    assertThat(trendingThirds[1]).isGreaterThan(trendingThirds[0]);
    // Other tracks are listened to evenly, apart from fresh ones that start late.
    assertThat(otherThirds[0] / (double) otherThirds[1]).isBetween(0.85, 1.15);
  }

  @Test
  void marginsLieInTheUnitIntervalAndPopularityInZeroToHundred() {
    AttributeColumn margin = GRAPH.attributes(TRACK).column(MARGIN);
    AttributeColumn popularity = GRAPH.attributes(TRACK).column(POPULARITY);
    int[] values = new int[6000];
    int mostIncluded = 0;
    for (int t = 0; t < 6000; t++) {
      assertThat(margin.getFloat(t)).isBetween(0f, 1f);
      values[t] = popularity.getInt(t);
      assertThat(values[t]).isBetween(0, 100);
      if (GRAPH.in(CONTAINS).degree(t) > GRAPH.in(CONTAINS).degree(mostIncluded)) {
        mostIncluded = t;
      }
    }
    assertThat(Arrays.stream(values).max().orElseThrow()).isEqualTo(100);
    assertThat(values[mostIncluded]).isGreaterThan(80);
    assertThat(GRAPH.attributes(USER).column(PREFERRED_GENRE).presentCount()).isEqualTo(1000);
  }

  @Test
  void trackPopularityIsHeavyTailed() {
    CsrAdjacency inclusions = GRAPH.in(CONTAINS);
    int[] degrees = new int[6000];
    for (int t = 0; t < 6000; t++) {
      degrees[t] = inclusions.degree(t);
    }
    Arrays.sort(degrees);
    long top = 0;
    for (int i = 6000 - 60; i < 6000; i++) {
      top += degrees[i];
    }
    // The top 1% of tracks hold well over 1% of playlist slots.
    assertThat(top / (double) inclusions.edgeCount()).isGreaterThan(0.08);
  }

  @Test
  void memoryEstimateIsCloseToTheBuiltGraph() {
    GraphMemoryEstimate estimate = SyntheticCatalog.estimateMemory(CONFIG);
    long built = GRAPH.bytesByPart().get("adjacency") + GRAPH.bytesByPart().get("features");
    assertThat((double) estimate.graphBytes()).isCloseTo(built, within(0.1 * built));
    assertThat(estimate.peakBuildBytes()).isGreaterThan(2 * estimate.graphBytes());
  }

  @Test
  void defaultsDescribeATenMillionEdgeCatalog() {
    SyntheticCatalogConfig d = SyntheticCatalogConfig.defaults();
    assertThat(d.expectedEdges()).isBetween(9_500_000L, 10_500_000L);
    GraphMemoryEstimate estimate = SyntheticCatalog.estimateMemory(d);
    long features = 4L * 12 * d.tracks();
    assertThat((estimate.graphBytes() - features) / (double) d.expectedEdges()).isLessThan(16);
  }

  @Test
  void invalidParametersAreRejectedQuotingTheValue() {
    assertInvalid(b -> b.tracks(0), "tracks must be > 0 (got 0)");
    assertInvalid(b -> b.playlists(-1), "playlists must be >= 0 (got -1)");
    assertInvalid(b -> b.tracks(100).creators(101).genres(5), "creators must be in [genres, tracks] = [5, 100] (got 101)");
    assertInvalid(b -> b.creators(3).genres(4).tracks(10), "creators must be in [genres, tracks] = [4, 10] (got 3)");
    assertInvalid(b -> b.meanPlaylistLength(0.5), "meanPlaylistLength must be in [1, tracks = 1000000] (got 0.5)");
    assertInvalid(b -> b.meanPlaylistLength(Double.NaN), "(got NaN)");
    assertInvalid(b -> b.listensPerUser(0.5), "listensPerUser must be 0 or in [1, tracks = 1000000] (got 0.5)");
    assertInvalid(b -> b.freshTailFraction(1), "freshTailFraction must be in [0, 1) (got 1.0)");
    assertInvalid(b -> b.playlistGenreFocus(-0.1), "playlistGenreFocus must be in [0, 1] (got -0.1)");
    assertInvalid(b -> b.releaseYears(1).freshTailDays(365), "freshTailDays must be in [1, 364] (got 365)");
    assertInvalid(b -> b.listenWindowDays(0), "listenWindowDays must be > 0 (got 0)");
    assertInvalid(b -> b.playlists(100_000_000).meanPlaylistLength(50), "playlists * meanPlaylistLength must stay below");
    assertThatThrownBy(() -> SyntheticCatalogConfig.builder().startDate(null).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("startDate");
  }

  @Test
  void emptyPlaylistsAndUsersAreAllowed() {
    HeteroGraph g = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(50).creators(5).genres(2)
        .playlists(0).users(3).listensPerUser(0).build());
    assertThat(g.edgeCount(CONTAINS)).isZero();
    assertThat(g.edgeCount(LISTENED)).isZero();
    assertThat(g.nodeCount(USER)).isEqualTo(3);
    assertThat(g.attributes(TRACK).column(POPULARITY).getInt(0)).isZero();
  }

  private static void assertInvalid(UnaryOperator<SyntheticCatalogConfig.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(SyntheticCatalogConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
