package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTasksTest {
  private final RankingTasks funnel = RankingTasks.chain("click", "save", "subscribe");
  private final RankingTasks lastfm = new RankingTasks(List.of("listened", "heavy", "tagged"), new int[] {-1, 0, -1});

  @Test
  void aChainLinksEveryTaskToThePreviousOne() {
    assertThat(funnel.parents()).containsExactly(-1, 0, 1);
    assertThat(funnel.depth(2)).isEqualTo(2);
    assertThat(funnel.child(0)).isEqualTo(1);
    assertThat(funnel.child(2)).isEqualTo(-1);
    assertThat(funnel).hasToString("click -> save -> subscribe");
  }

  @Test
  void partnersAreTheChildThenTheParentThenTheNextTask() {
    assertThat(funnel.partner(0)).isEqualTo(1);
    assertThat(funnel.partner(1)).isEqualTo(2);
    assertThat(funnel.partner(2)).isEqualTo(1);
    assertThat(lastfm.partner(2)).isEqualTo(0);
    assertThat(new RankingTasks(List.of("only"), new int[] {-1}).partner(0)).isEqualTo(-1);
  }

  @Test
  void independentTasksStartTheirOwnChains() {
    assertThat(lastfm.hasParent(2)).isFalse();
    assertThat(lastfm.depth(1)).isEqualTo(1);
    assertThat(lastfm).hasToString("listened -> heavy, tagged");
  }

  @Test
  void rejectsParentsThatDoNotComeFirstAndRepeatedNames() {
    assertThatThrownBy(() -> new RankingTasks(List.of("a", "b"), new int[] {1, -1}))
        .hasMessage("the parent of task 'a' must be -1 or an earlier task in [0, -1] (got 1)");
    assertThatThrownBy(() -> RankingTasks.chain("a", "a")).hasMessage("task name 'a' is given twice");
    assertThatThrownBy(() -> new RankingTasks(List.of("a"), new int[] {-1, -1}))
        .hasMessage("parents must have one entry per task: 1 tasks, 2 parents");
    assertThatThrownBy(() -> funnel.indexOf("buy"))
        .hasMessage("unknown task 'buy' (expected one of [click, save, subscribe])");
  }
}
