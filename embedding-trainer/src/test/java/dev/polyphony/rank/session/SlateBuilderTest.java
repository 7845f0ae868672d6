package dev.polyphony.rank.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlateBuilderTest {
  private final float[] scores = {3f, 2.9f, 2.8f, 1f, 0.5f};
  private final int[] genres = {0, 0, 0, 1, 2};

  @Test
  void withoutDiversityTakesTheTopScores() {
    assertThat(SlateBuilder.select(scores, genres, 3, 0)).containsExactly(0, 1, 2);
  }

  @Test
  void diversityPenalisesGenresAlreadyInTheSlate() {
    // Position 2: 2.9 - 1 = 1.9 beats 1; position 3: 2.8 - 2 = 0.8 loses to 1.
    assertThat(SlateBuilder.select(scores, genres, 3, 1)).containsExactly(0, 1, 3);
    assertThat(SlateBuilder.select(scores, genres, 3, 3)).containsExactly(0, 3, 4);
  }

  @Test
  void rejectsASlateLargerThanTheCandidates() {
    assertThatThrownBy(() -> SlateBuilder.select(scores, genres, 6, 0)).hasMessage("size must be in [1, 5] (got 6)");
  }
}
