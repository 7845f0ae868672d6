package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighborSamplerConfigTest {

  @Test
  void parsesHopsRelationsAndDirections() {
    NeighborSamplerConfig c = NeighborSamplerConfig.builder()
        .fanouts(" contains:25, by_artist:5 ; contains:all ")
        .directions("by_artist:OUT,contains:both")
        .weighting(Weighting.WEIGHTED)
        .replace(true)
        .seed(42)
        .build();

    assertThat(c.hops()).isEqualTo(2);
    assertThat(c.fanouts()).containsExactly(Map.of("contains", 25, "by_artist", 5), Map.of("contains", -1));
    assertThat(c.direction("by_artist")).isEqualTo(Direction.OUT);
    assertThat(c.direction("contains")).isEqualTo(Direction.BOTH);
    assertThat(c.direction("follows")).isEqualTo(Direction.BOTH);
    assertThat(c.fanoutSpec()).isEqualTo("contains:25,by_artist:5;contains:-1");
    assertThat(NeighborSamplerConfig.parseFanouts(c.fanoutSpec())).isEqualTo(c.fanouts());
    assertThat(c.weighting()).isEqualTo(Weighting.WEIGHTED);
    assertThat(c.replace()).isTrue();
    assertThat(c.seed()).isEqualTo(42);
  }

  @Test
  void fanoutsAreCopiedAndUnmodifiable() {
    Map<String, Integer> hop = new java.util.HashMap<>(Map.of("contains", 3));
    NeighborSamplerConfig c = new NeighborSamplerConfig(List.of(hop), Map.of(), Weighting.UNIFORM, false, 1);
    hop.put("contains", 99);
    assertThat(c.fanouts().get(0)).containsEntry("contains", 3);
    assertThatThrownBy(() -> c.fanouts().get(0).put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void badValuesAreRefusedQuotingThem() {
    assertThatThrownBy(() -> NeighborSamplerConfig.of("contains:0", 1))
        .hasMessageContaining("fan-out of 'contains' at hop 1 must be > 0 or -1 for all neighbours (got 0)");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("contains:5;contains:-3", 1))
        .hasMessageContaining("at hop 2").hasMessageContaining("(got -3)");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("contains:x", 1))
        .hasMessageContaining("fan-out of 'contains' must be an integer or 'all' (got 'x')");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("contains", 1))
        .hasMessageContaining("expected 'relation:fanout' (got 'contains'");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("contains:5;", 1))
        .hasMessageContaining("hop 2: expected 'relation:fanout' (got ''");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("contains:5,contains:2", 1))
        .hasMessageContaining("names 'contains' twice");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("", 1)).hasMessageContaining("(got '')");
    assertThatThrownBy(() -> NeighborSamplerConfig.of("2bad:5", 1)).hasMessageContaining("(got '2bad')");
    assertThatThrownBy(() -> NeighborSamplerConfig.builder().fanouts("contains:1").directions("contains:up"))
        .hasMessageContaining("direction of 'contains' must be out, in or both (got 'up')");
    assertThatThrownBy(() -> new NeighborSamplerConfig(List.of(), Map.of(), Weighting.UNIFORM, false, 1))
        .hasMessageContaining("at least one hop (got [])");
    assertThatThrownBy(() -> new NeighborSamplerConfig(List.of(Map.of()), Map.of(), Weighting.UNIFORM, false, 1))
        .hasMessageContaining("hop 1 needs at least one relation (got {})");
  }
}
