package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlendPlanTest {
  @Test
  void generatorsWithoutAShareSplitWhatTheGivenSharesLeave() {
    BlendPlan plan = BlendPlan.parse(List.of("playlist:0.4", "fresh", " trending"));

    assertThat(plan.choices()).extracting(BlendPlan.Choice::name).containsExactly("playlist", "fresh", "trending");
    assertThat(plan.shares()).containsExactly(0.4, 0.3, 0.3);
    assertThat(plan).hasToString("playlist:0.4,fresh,trending");
    assertThat(BlendPlan.parse(List.of(plan.toString().split(",")))).isEqualTo(plan);
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> BlendPlan.parse(List.of("fresh:x"))).hasMessage(
        "share of generator 'fresh' must be in [0, 1] (got x)");
    assertThatThrownBy(() -> BlendPlan.parse(List.of("nope"))).hasMessageStartingWith(
        "unknown generator 'nope' (expected NAME or NAME:SHARE with NAME one of similar, playlist");
    assertThatThrownBy(() -> BlendPlan.parse(List.of("fresh", "fresh:0.1"))).hasMessage(
        "generator 'fresh' is given twice");
    assertThatThrownBy(() -> BlendPlan.parse(List.of("fresh:0.7", "trending:0.6"))).hasMessage(
        "generator shares must sum to at most 1 (got 1.300)");
    assertThatThrownBy(() -> BlendPlan.parse(List.of())).hasMessage("a blend needs at least one generator (got none)");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    BlendPlan plan = BlendPlan.parse(List.of("playlist:0.5", "tail-creator"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(plan);
      out.writeObject(CatalogNames.defaults());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(plan);
      assertThat(in.readObject()).isEqualTo(CatalogNames.defaults());
    }
  }
}
