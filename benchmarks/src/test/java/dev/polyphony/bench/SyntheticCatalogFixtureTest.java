package dev.polyphony.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import org.junit.jupiter.api.Test;

class SyntheticCatalogFixtureTest {

  @Test
  void scaleOneIsExactlyTheDefaultCatalog() {
    assertThat(SyntheticCatalogFixture.config(1)).isEqualTo(SyntheticCatalogConfig.defaults());
  }

  @Test
  void otherScalesMultiplyTheNodeCountsAndKeepTheMeans() {
    SyntheticCatalogConfig c = SyntheticCatalogFixture.config(0.01);

    assertThat(c.tracks()).isEqualTo(10_000);
    assertThat(c.playlists()).isEqualTo(1_500);
    assertThat(c.creators()).isEqualTo(1_000);
    assertThat(c.users()).isEqualTo(2_000);
    assertThat(c.meanPlaylistLength()).isEqualTo(SyntheticCatalogConfig.defaults().meanPlaylistLength());
    assertThat(c.seed()).isEqualTo(42);
  }

  @Test
  void tinyScalesStopAtTheSmallestValidCatalog() {
    SyntheticCatalogConfig c = SyntheticCatalogFixture.config(1e-6);

    assertThat(c.tracks()).isEqualTo(45); // the mean playlist length
    assertThat(c.creators()).isEqualTo(24); // one artist per genre
  }

  @Test
  void rejectsANonPositiveScale() {
    assertThatThrownBy(() -> SyntheticCatalogFixture.config(-0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be > 0 (got -0.5)");
  }

  @Test
  void rowsWithEdgesSkipsEmptyRows() {
    // Rows 0 and 2 have edges, rows 1 and 3 none.
    CsrAdjacency rows = new CsrAdjacency(new int[] {0, 2, 2, 3, 3}, new int[] {0, 1, 1}, null, null, 2);

    int[] picked = SyntheticCatalogFixture.rowsWithEdges(rows, 50, 3);

    assertThat(picked).hasSize(50).containsOnly(0, 2).contains(0, 2);
    assertThat(SyntheticCatalogFixture.rowsWithEdges(rows, 50, 3)).isEqualTo(picked);
  }
}
