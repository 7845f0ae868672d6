package dev.polyphony.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.eval.EvaluationConfig;
import dev.polyphony.eval.SageRecommenderConfig;
import dev.polyphony.graph.io.SpotifySongsSchema;
import dev.polyphony.model.Aggregator;
import dev.polyphony.model.Combination;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.task.CatalogTasks;
import dev.polyphony.task.MultiTaskConfig;
import dev.polyphony.train.LearningRateSchedule;
import dev.polyphony.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobConfigTest {
  @TempDir
  Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static JobConfigException failure(ThrowingLoad load) {
    try {
      load.run();
    } catch (JobConfigException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a JobConfigException, got " + e, e);
    }
    throw new AssertionError("expected a JobConfigException, got none");
  }

  private interface ThrowingLoad {
    void run() throws Exception;
  }

  @Test
  void defaultsConvertToTheEngineConfigs() {
    TrainingJobConfig config = TrainingJobConfig.defaults();
    assertThat(config.seed()).isZero();
    assertThat(config.encoderConfig()).isEqualTo(SageEncoderConfig.builder().layers(2).hiddenDim(128).outputDim(64)
        .aggregator(Aggregator.MEAN).combination(Combination.CONCAT).inputProjectionDim(64).dropout(0.1)
        .normalizeOutput(true).featureNormalization(FeatureNormalization.STANDARDIZE).seed(0)
        .idEmbeddingTypes(List.of("playlist", "artist", "album", "track")).idDropout(0.5).build());
    assertThat(config.trainConfig()).isEqualTo(new TrainConfig(8, 256, 0.005, 0.0,
        "contains:10,by_artist:3,on_album:3;contains:5,by_artist:2,on_album:2", 0, 0, LearningRateSchedule.COSINE));
    assertThat(config.multiTaskConfig()).isEqualTo(new MultiTaskConfig(MultiTaskConfig.defaults().tasks(), "fixed",
        Map.of("content", 0.2, "stylistic", 0.2, "engagement", 0.2), 0.1, 256, 256, 2.0, 1, true));
    SageRecommenderConfig recommender = config.recommenderConfig();
    assertThat(recommender.inferenceFanouts())
        .isEqualTo("contains:20,by_artist:5,on_album:5;contains:10,by_artist:5,on_album:5");
    assertThat(recommender.validationHoldOut()).isEqualTo(0.0);
    assertThat(recommender.kernelTemperature()).isEqualTo(0.05);
    assertThat(recommender.densityCorrection()).isEqualTo(0.5);
    assertThat(recommender.labelAttributes()).containsExactly("genre", "subgenre");
    assertThat(recommender.engagementAttribute()).isEqualTo("popularity");
    assertThat(config.catalog().artistRelation()).isEqualTo("by_artist");
    EvaluationConfig evaluation = config.evaluationConfig(SpotifySongsSchema.SCHEMA, 2);
    EvaluationConfig expected = EvaluationConfig.defaults(20_200_121L);
    assertThat(evaluation.continuation()).isEqualTo(expected.continuation());
    assertThat(evaluation.coldStart()).isEqualTo(expected.coldStart());
    assertThat(config.inferenceSampling().fanoutSpec()).isEqualTo(recommender.inferenceSampling().fanoutSpec());
  }

  @Test
  void aFileOverridesASubsetAndSeedsFollowTheJobSeed() throws Exception {
    Path yaml = file("job.yaml", """
        seed: 42
        encoder:
          hiddenDim: 16
          aggregator: pool
          featureNormalization: row_sum
        training:
          epochs: 2
          seed: 9
        tasks:
          tasks: [organisational, engagement]
          weighting: dwa
          fixedWeights: {engagement: 0.5}
        """);
    TrainingJobConfig config = TrainingJobConfig.load(yaml, List.of());
    assertThat(config.encoderConfig().hiddenDim()).isEqualTo(16);
    assertThat(config.encoderConfig().outputDim()).isEqualTo(64);
    assertThat(config.encoderConfig().aggregator()).isEqualTo(Aggregator.POOL);
    assertThat(config.encoderConfig().featureNormalization()).isEqualTo(FeatureNormalization.ROW_SUM);
    assertThat(config.encoderConfig().seed()).isEqualTo(42);
    assertThat(config.trainConfig().seed()).isEqualTo(9);
    assertThat(config.trainConfig().epochs()).isEqualTo(2);
    assertThat(config.trainConfig().learningRate()).isEqualTo(0.005);
    assertThat(config.multiTaskConfig().tasks()).containsExactly("organisational", "engagement");
    assertThat(config.multiTaskConfig().weighting()).isEqualTo("dwa");
    assertThat(config.multiTaskConfig().fixedWeight("engagement")).isEqualTo(0.5);
    assertThat(config.evaluation().seed()).isEqualTo(20_200_121L);
  }

  @Test
  void overridesWinOverTheFileInOrder() throws Exception {
    Path yaml = file("job.yml", "training:\n  epochs: 2\n  learningRate: 0.1\n");
    TrainingJobConfig config = TrainingJobConfig.load(yaml, List.of("training.epochs=3",
        "tasks.tasks=[content, stylistic]", "encoder.combination=SUM", "training.epochs=4",
        "tasks.fixedWeights.content=2", "encoder.seed=5", "training.schedule=constant"));
    assertThat(config.trainConfig().epochs()).isEqualTo(4);
    assertThat(config.trainConfig().learningRate()).isEqualTo(0.1);
    assertThat(config.trainConfig().schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
    assertThat(config.multiTaskConfig().tasks()).containsExactly(CatalogTasks.CONTENT, CatalogTasks.STYLISTIC);
    assertThat(config.multiTaskConfig().fixedWeights())
        .isEqualTo(Map.of("content", 2.0, "stylistic", 0.2, "engagement", 0.2));
    assertThat(config.multiTaskConfig().fixedWeights().keySet()).as("the defaults' order, the same in every run")
        .containsExactly("content", "stylistic", "engagement");
    assertThat(config.encoderConfig().combination()).isEqualTo(Combination.SUM);
    assertThat(config.encoderConfig().seed()).isEqualTo(5);
    assertThat(config.trainConfig().seed()).isZero();
  }

  @Test
  void jsonFilesAndTheResolvedJsonRoundTrip() throws Exception {
    Path json = file("job.json", "{\"training\": {\"epochs\": 7}, \"seed\": 3}");
    TrainingJobConfig config = TrainingJobConfig.load(json, List.of());
    assertThat(config.trainConfig().epochs()).isEqualTo(7);
    String written = TrainingJobConfigReader.toJson(config.resolved());
    assertThat(written).contains("\"aggregator\" : \"mean\"", "\"featureNormalization\" : \"standardize\"",
        "\"schedule\" : \"cosine\"", "\"seed\" : 3");
    TrainingJobConfig back = TrainingJobConfigReader.fromJson(written, "job.json");
    assertThat(back).isEqualTo(config.resolved());
    assertThat(back.encoderConfig()).isEqualTo(config.encoderConfig());
    assertThat(back.trainConfig()).isEqualTo(config.trainConfig());
    assertThat(config.differences(back)).containsExactly("encoder.seed", "training.seed");
  }

  @Test
  void anInvalidValueNamesFileLineKeyAndValue() throws Exception {
    Path yaml = file("job.yaml", "training:\n  epochs: 2\n  learningRate: -1\n");
    JobConfigException e = failure(() -> TrainingJobConfig.load(yaml, List.of()));
    assertThat(e.getMessage()).isEqualTo(yaml + " (line 3): training.learningRate: must be > 0 (got -1.0)");
    assertThat(e.path()).isEqualTo("training.learningRate");
    assertThat(e.origin().isOverride()).isFalse();
  }

  @Test
  void anUnknownKeyListsTheKnownOnes() throws Exception {
    Path yaml = file("job.yaml", "seed: 1\nencoder:\n  layers: 2\n  aggregater: pool\n");
    JobConfigException e = failure(() -> TrainingJobConfig.load(yaml, List.of()));
    assertThat(e.getMessage()).isEqualTo(yaml + " (line 4): encoder.aggregater: unknown field (known: layers, "
        + "hiddenDim, outputDim, aggregator, combination, inputProjectionDim, dropout, normalizeOutput, "
        + "featureNormalization, seed, idEmbeddingTypes, idDropout)");
    JobConfigException section = failure(() -> TrainingJobConfig.load(file("s.yaml", "trainig:\n  epochs: 2\n"),
        List.of()));
    assertThat(section.getMessage()).endsWith("s.yaml (line 1): trainig: unknown field (known: seed, encoder, "
        + "training, tasks, catalog, evaluation)");
  }

  @Test
  void aValueOfTheWrongTypeSaysWhatWasExpected() throws Exception {
    assertThat(failure(() -> TrainingJobConfig.load(file("a.yaml", "training:\n  epochs: two\n"), List.of()))
        .getMessage()).endsWith("a.yaml (line 2): training.epochs: expected an integer (got 'two')");
    assertThat(failure(() -> TrainingJobConfig.load(file("b.yaml", "training:\n  epochs: 2.5\n"), List.of()))
        .getMessage()).endsWith("b.yaml (line 2): training.epochs: expected an integer (got 2.5)");
    assertThat(failure(() -> TrainingJobConfig.load(file("c.yaml", "encoder:\n  aggregator: max\n"), List.of()))
        .getMessage()).endsWith("c.yaml (line 2): encoder.aggregator: must be one of mean, pool (got 'max')");
    assertThat(failure(() -> TrainingJobConfig.load(file("d.yaml", "training:\n  epochs:\n"), List.of()))
        .getMessage()).endsWith("d.yaml (line 2): training.epochs: expected an integer (got null)");
    assertThat(failure(() -> TrainingJobConfig.load(file("e.yaml", "tasks:\n  tasks: organisational\n"), List.of()))
        .getMessage()).endsWith("e.yaml (line 2): tasks.tasks: expected a list (got 'organisational')");
    assertThat(failure(() -> TrainingJobConfig.load(file("f.yaml", "catalog: [a]\n"), List.of()))
        .getMessage()).endsWith("f.yaml (line 1): catalog: expected a map (got a list)");
  }

  @Test
  void recordValidationIsReportedPerKey() throws Exception {
    assertThat(failure(() -> TrainingJobConfig.load(file("a.yaml", "encoder:\n  dropout: 1.5\n"), List.of()))
        .getMessage()).endsWith("a.yaml (line 2): encoder.dropout: must be in [0, 1) (got 1.5)");
    assertThat(failure(() -> TrainingJobConfig.load(file("b.yaml", "tasks:\n  tasks: [organisational, genre]\n"),
        List.of())).getMessage()).endsWith("b.yaml (line 2): tasks.tasks: unknown task 'genre'; known: "
            + "[organisational, content, stylistic, engagement]");
    assertThat(failure(() -> TrainingJobConfig.load(file("c.yaml", "tasks:\n  fixedWeights:\n    content: -1\n"),
        List.of())).getMessage()).endsWith("c.yaml (line 3): tasks.fixedWeights.content: must be finite and >= 0 "
            + "(got -1.0)");
    assertThat(failure(() -> TrainingJobConfig.load(file("d.yaml", "training:\n  fanouts: \"contains:10\"\n"),
        List.of())).getMessage()).endsWith("d.yaml (line 2): training.fanouts: has 1 hop but encoder.layers is 2;"
            + " they must be equal (got 'contains:10')");
    assertThat(failure(() -> TrainingJobConfig.load(file("e.yaml", "training:\n  fanouts: \"contains=10\"\n"),
        List.of())).getMessage()).startsWith(dir.resolve("e.yaml") + " (line 2): training.fanouts: fan-out spec hop 1");
    assertThat(failure(() -> TrainingJobConfig.load(null, List.of(
        "training.inferenceFanouts=contains:5,by_artist:5;contains:5,by_artist:5,on_album:5"))).getMessage())
        .isEqualTo("--set training.inferenceFanouts=contains:5,by_artist:5;contains:5,by_artist:5,on_album:5: "
            + "training.inferenceFanouts: must follow the relations of training.fanouts at every hop; hop 1 follows "
            + "[contains, by_artist], training [contains, by_artist, on_album] (got "
            + "'contains:5,by_artist:5;contains:5,by_artist:5,on_album:5')");
    assertThat(failure(() -> TrainingJobConfig.load(file("g.yaml", "training:\n  kernelTemperature: 0\n"),
        List.of())).getMessage()).contains("training.densityCorrection: corrects the kernel sum, but"
            + " training.kernelTemperature is 0");
    assertThat(failure(() -> TrainingJobConfig.load(file("f.yaml", "evaluation:\n  coldFraction: 1\n"),
        List.of())).getMessage()).endsWith("f.yaml (line 2): evaluation.coldFraction: must be in (0, 1) (got 1.0)");
  }

  @Test
  void overrideProblemsNameTheOverride() throws Exception {
    JobConfigException value = failure(() -> TrainingJobConfig.load(null, List.of("training.learningRate=-1")));
    assertThat(value.getMessage())
        .isEqualTo("--set training.learningRate=-1: training.learningRate: must be > 0 (got -1.0)");
    assertThat(value.origin().isOverride()).isTrue();
    assertThat(failure(() -> TrainingJobConfig.load(null, List.of("encoder.aggregater=pool"))).getMessage())
        .startsWith("--set encoder.aggregater=pool: encoder.aggregater: unknown field (known: layers, ");
    assertThat(failure(() -> TrainingJobConfig.load(null, List.of("training.epochs"))).getMessage())
        .isEqualTo("--set training.epochs: expected KEY=VALUE with a dotted KEY such as training.epochs=3");
    assertThat(failure(() -> TrainingJobConfig.load(null, List.of("training..epochs=2"))).getMessage())
        .isEqualTo("--set training..epochs=2: the key 'training..epochs' has an empty part");
  }

  @Test
  void syntaxErrorsAndOtherDocumentsNameTheLine() throws Exception {
    JobConfigException yaml = failure(() -> TrainingJobConfig.load(file("bad.yaml", "training:\n  epochs: [1\n"),
        List.of()));
    assertThat(yaml.getMessage()).startsWith(dir.resolve("bad.yaml") + " (line ").contains("not valid YAML (");
    JobConfigException json = failure(() -> TrainingJobConfig.load(file("bad.json", "{\"seed\": 1,\n}"), List.of()));
    assertThat(json.getMessage()).startsWith(dir.resolve("bad.json") + " (line 2): not valid JSON (");
    assertThat(failure(() -> TrainingJobConfig.load(file("list.yaml", "- a\n- b\n"), List.of())).getMessage())
        .isEqualTo(dir.resolve("list.yaml") + " (line 1): the top level must be a map of sections (got a list)");
    assertThat(failure(() -> TrainingJobConfig.load(file("twice.yaml", "seed: 1\nseed: 2\n"), List.of()))
        .getMessage()).isEqualTo(dir.resolve("twice.yaml") + " (line 2): seed: given twice");
  }

  @Test
  void anEmptyFileKeepsTheDefaults() throws Exception {
    assertThat(TrainingJobConfig.load(file("empty.yaml", "# nothing yet\n"), List.of()))
        .isEqualTo(TrainingJobConfig.defaults());
  }

  @Test
  void theDefaultsResourceIsTheDocumentedFile() {
    String text = TrainingJobConfigReader.defaultsText();
    for (String section : TrainingJobConfig.SECTIONS) {
      assertThat(text).contains("\n" + section + ":");
    }
    for (String key : TrainingJobConfig.Encoder.FIELDS) {
      assertThat(text).contains("  " + key + ":");
    }
    for (String key : TrainingJobConfig.Training.FIELDS) {
      assertThat(text).contains("  " + key + ":");
    }
  }
}
