package dev.polyphony.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.eval.PlaylistRecommender;
import dev.polyphony.eval.SageRecommenderConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationJobTest {
  @Test
  void theBaselinesThenTheJobsRecommender() {
    List<PlaylistRecommender> recommenders = new EvaluationJob(JobFixtures.tinyJob()).recommenders(false);
    assertThat(recommenders).extracting(PlaylistRecommender::name).containsExactly("popularity",
        "same-artist popularity", "item co-occurrence kNN", "content kNN", "BPR-MF", "GraphSAGE multi-task (fixed)");
    assertThat(recommenders.get(5).parameters()).isEqualTo(JobFixtures.tinyJob().recommenderConfig());
  }

  @Test
  void ablationsTrainEachWeightingAndEachTaskAloneOnce() {
    Map<String, SageRecommenderConfig> configs = new EvaluationJob(JobFixtures.tinyJob("tasks.weighting=dwa",
        "tasks.tasks=[organisational, content, engagement]", "tasks.fixedWeights={content: 0.5}")).sageConfigs(true);
    assertThat(configs.keySet()).containsExactly("GraphSAGE multi-task (dwa)", "GraphSAGE multi-task (fixed)",
        "GraphSAGE multi-task (uncertainty)", "GraphSAGE organisational only", "GraphSAGE content only",
        "GraphSAGE engagement only");
    assertThat(configs.get("GraphSAGE multi-task (fixed)").tasks().fixedWeight("content")).isEqualTo(0.5);
    SageRecommenderConfig alone = configs.get("GraphSAGE content only");
    assertThat(alone.tasks().tasks()).containsExactly("content");
    assertThat(alone.tasks().weighting()).isEqualTo("fixed");
    assertThat(alone.tasks().fixedWeight("content")).isEqualTo(1.0);
    assertThat(alone.encoder()).isEqualTo(configs.get("GraphSAGE multi-task (dwa)").encoder());
  }

  @Test
  void aSingleTaskJobHasNoWeightingAblations() {
    Map<String, SageRecommenderConfig> configs =
        new EvaluationJob(JobFixtures.tinyJob("tasks.tasks=[organisational]")).sageConfigs(true);
    assertThat(configs.keySet()).containsExactly("GraphSAGE organisational only");
  }

  @Test
  void aChosenSetOfBaselinesAndSingleTasksKeepsTheBaselineOrder() {
    EvaluationJob job = new EvaluationJob(JobFixtures.tinyJob());
    List<String> names = job.recommenders(List.of("bpr", "popularity"), List.of("organisational")).stream()
        .map(PlaylistRecommender::name).toList();
    assertThat(names).containsExactly("popularity", "BPR-MF", "GraphSAGE multi-task (fixed)",
        "GraphSAGE organisational only");
    assertThatThrownBy(() -> job.recommenders(List.of("random"), List.of()))
        .isInstanceOf(JobConfigException.class).hasMessageContaining("unknown baseline 'random'");
    assertThatThrownBy(() -> job.recommenders(List.of(), List.of("genre")))
        .isInstanceOf(JobConfigException.class).hasMessage("singleTasks: 'genre' is not a task of the job (tasks: "
            + "organisational, content, stylistic, engagement)");
  }
}
