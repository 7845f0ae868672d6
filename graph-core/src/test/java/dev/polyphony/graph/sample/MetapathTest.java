package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetapathTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();

  @Test
  void parsesArrowsIntoHopsAndPrintsTheSameText() {
    Metapath m = Metapath.parse(c.schema, "track <-contains- playlist -contains-> track");

    assertThat(m.hops()).containsExactly(WalkHop.in(c.contains), WalkHop.out(c.contains));
    assertThat(m.nodeTypes()).containsExactly(c.track, c.playlist, c.track);
    assertThat(m.isCyclic()).isTrue();
    assertThat(m.toString()).isEqualTo("track <-contains- playlist -contains-> track");
    assertThat(Metapath.parse(c.schema, m.toString())).isEqualTo(m);
  }

  @Test
  void spacesAreOptionalAndBuilderGivesTheSamePath() {
    Metapath parsed = Metapath.parse(c.schema, "track-by->artist<-by-track");
    Metapath built = Metapath.startingAt(c.track).out(c.by).in(c.by).build();

    assertThat(parsed).isEqualTo(built);
    assertThat(parsed.length()).isEqualTo(2);
  }

  @Test
  void openMetapathIsNotCyclic() {
    Metapath m = Metapath.parse(c.schema, "playlist -contains-> track -by-> artist");

    assertThat(m.isCyclic()).isFalse();
    assertThat(m.startType()).isEqualTo(c.playlist);
    assertThat(m.endType()).isEqualTo(c.artist);
  }

  @Test
  void arrowAgainstTheRelationsDirectionIsRefusedWithTheFix() {
    assertThatThrownBy(() -> Metapath.parse(c.schema, "track -contains-> playlist"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at character 6")
        .hasMessageContaining("(playlist)-[contains]->(track)");
  }

  @Test
  void unknownNamesAndMissingHopsAreRefused() {
    assertThatThrownBy(() -> Metapath.parse(c.schema, "track <-likes- user"))
        .hasMessageContaining("unknown relation 'likes'");
    assertThatThrownBy(() -> Metapath.parse(c.schema, "song <-contains- playlist"))
        .hasMessageContaining("unknown node type 'song'");
    assertThatThrownBy(() -> Metapath.parse(c.schema, "track"))
        .hasMessageContaining("at least one hop");
    assertThatThrownBy(() -> Metapath.parse(c.schema, "track <-contains playlist"))
        .hasMessageContaining("expected '-'");
  }

  @Test
  void hopsThatDoNotChainAreRefused() {
    assertThatThrownBy(() -> new Metapath(List.of(WalkHop.out(c.by), WalkHop.out(c.contains))))
        .hasMessageContaining("leaves from 'playlist'")
        .hasMessageContaining("arrives at 'artist'");
    assertThatThrownBy(() -> Metapath.startingAt(c.track).out(c.contains))
        .hasMessageContaining("the metapath is at 'track'");
  }
}
