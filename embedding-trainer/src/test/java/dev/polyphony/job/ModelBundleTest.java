package dev.polyphony.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.embedding.io.ExportManifest.FileEntry;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.SpotifySongsSchema;
import dev.polyphony.model.SageModel;
import dev.polyphony.model.TinyGraphs;
import dev.polyphony.train.SageTrainer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelBundleTest {
  private static final NodeType TRACK = SpotifySongsSchema.TRACK;

  @TempDir
  Path dir;

  private final HeteroGraph graph = JobFixtures.catalog();
  private TrainingJobConfig config;
  private SageModel trained;
  private ModelBundle bundle;

  @BeforeAll
  void train() {
    config = JobFixtures.tinyJob();
    TrainingJob job = new TrainingJob(config, graph);
    trained = job.newModel();
    new SageTrainer(config.trainConfig()).train(trained, job.plan(), ProgressTracker.NONE);
    bundle = ModelBundle.of(trained, config);
  }

  private Path written(String name) throws IOException {
    Path target = dir.resolve(name);
    bundle.write(target);
    return target;
  }

  private static float[] embeddings(SageModel model) {
    return model.embedAll(7, 11, ProgressTracker.NONE).dup('c').data().asFloat();
  }

  @Test
  void loadedOnTheSameGraphItEmbedsIdentically() throws Exception {
    Path target = written("model");
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ModelBundle.MANIFEST,
          ModelBundle.CONFIG, ModelBundle.WEIGHTS, ModelBundle.FEATURE_STATS, ModelBundle.ID_EMBEDDINGS);
    }
    ModelBundle read = ModelBundle.read(target);
    assertThat(read.modelHash()).isEqualTo(bundle.modelHash()).hasSize(64);
    assertThat(read.config()).isEqualTo(config.resolved());
    assertThat(read.schema()).isEqualTo(graph.schema());
    assertThat(read.seedType()).isEqualTo(TRACK);
    assertThat(read.dimension()).isEqualTo(4);
    assertThat(read.weights().keySet()).containsExactlyElementsOf(trained.parameters().names());
    SageModel loaded = read.model(graph);
    assertThat(embeddings(loaded)).containsExactly(embeddings(trained));
    for (String name : loaded.parameters().names()) {
      assertThat(loaded.sameDiff().getVariable(name).getArr())
          .isEqualTo(trained.sameDiff().getVariable(name).getArr());
    }
    assertThat(loaded.idEmbeddings().values(TRACK)).containsExactly(trained.idEmbeddings().values(TRACK));
  }

  @Test
  void theWeightsOfTaskHeadsAreKeptButNotNeededToEmbed() throws Exception {
    SageModel encoderOnly = new TrainingJob(config, graph).newModel();
    assertThat(bundle.weights().keySet()).containsAll(encoderOnly.parameters().names());
    assertThat(bundle.weights().keySet()).hasSizeGreaterThan(encoderOnly.parameters().names().size());
    ModelBundle headless = ModelBundle.of(encoderOnly, config);
    Path target = dir.resolve("headless");
    headless.write(target);
    ModelBundle read = ModelBundle.read(target);
    assertThat(read.weights().keySet()).containsExactlyElementsOf(encoderOnly.parameters().names());
    assertThat(embeddings(read.model(graph))).containsExactly(embeddings(encoderOnly));
  }

  @Test
  void aNewTrackIsEmbeddedFromFeaturesAndNeighboursWithAZeroLearnedVector() throws Exception {
    ModelBundle read = ModelBundle.read(written("model"));
    HeteroGraph grown = JobFixtures.catalogWithNewTrack();
    assertThat(read.unknownNodes(grown)).containsExactly(Map.entry(SpotifySongsSchema.PLAYLIST, 0),
        Map.entry(SpotifySongsSchema.ARTIST, 0), Map.entry(TRACK, 1));
    SageModel model = read.model(grown);
    int newRow = grown.ids(TRACK).indexOf(JobFixtures.NEW_TRACK);
    int dim = model.idEmbeddings().dim();
    float[] ids = model.idEmbeddings().values(TRACK);
    assertThat(Arrays.copyOfRange(ids, newRow * dim, (newRow + 1) * dim)).containsOnly(0f);
    int t3 = grown.ids(TRACK).indexOf("t3");
    assertThat(Arrays.copyOfRange(ids, t3 * dim, (t3 + 1) * dim)).containsExactly(read.idVector(TRACK, "t3"));
    assertThat(read.idVector(TRACK, JobFixtures.NEW_TRACK)).isNull();

    EmbeddingTable table = EmbeddingJob.embed(read, grown, 8, ProgressTracker.NONE);
    assertThat(table.size()).isEqualTo(JobFixtures.TRACKS + 1);
    assertThat(table.ids()).isEqualTo(grown.ids(TRACK).externalIds());
    assertThat(table.metadata().modelHash()).isEqualTo(bundle.modelHash());
    assertThat(table.metadata().normalization()).isEqualTo(Normalization.L2);
    float[] fresh = table.vector(table.rowOf(JobFixtures.NEW_TRACK));
    double norm = 0;
    for (float v : fresh) {
      norm += v * v;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, Offset.offset(1e-4));
  }

  @Test
  void featuresAreStandardisedWithTheTrainingStatistics() throws Exception {
    SageModel model = ModelBundle.read(written("model")).model(JobFixtures.catalogWithNewTrack());
    // t_new has features (2, 2): with the training catalog's statistics (f0 mean 0, std sqrt(2); f1 mean 0,
    // std sqrt(1.25)) its z-scores are (sqrt 2, 2 / sqrt 1.25); its own graph's statistics would shift them.
    int row = JobFixtures.TRACKS;
    assertThat(model.features().get(TRACK, row, 0)).isCloseTo((float) Math.sqrt(2), Offset.offset(1e-5f));
    assertThat(model.features().get(TRACK, row, 1)).isCloseTo((float) (2 / Math.sqrt(1.25)), Offset.offset(1e-5f));
  }

  @Test
  void aGraphOfAnotherSchemaOrOtherFeaturesIsRefused() throws Exception {
    ModelBundle read = ModelBundle.read(written("model"));
    assertThatThrownBy(() -> read.model(TinyGraphs.fiveUsers())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the graph's schema differs from the model's: the graph has node types [user]");
  }

  @Test
  void theHashIsAFunctionOfTheValues() {
    assertThat(ModelBundle.of(trained, config).modelHash()).isEqualTo(bundle.modelHash());
    SageModel untrained = new TrainingJob(config, graph).newModel();
    assertThat(ModelBundle.of(untrained, config).modelHash()).isNotEqualTo(bundle.modelHash());
    assertThatThrownBy(() -> ModelBundle.of(trained, JobFixtures.tinyJob("encoder.hiddenDim=16")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hiddenDim=8")
        .hasMessageContaining(", not the job's SageEncoderConfig[layers=2, hiddenDim=16");
  }

  @Test
  void writingReplacesABundleAndLeavesOtherDirectoriesAlone() throws Exception {
    Path target = written("model");
    bundle.write(target);
    assertThat(ModelBundle.read(target).modelHash()).isEqualTo(bundle.modelHash());
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("model");
    }
    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> bundle.write(foreign)).isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("is not a model bundle");
    assertThat(foreign.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void aTruncatedOrDamagedBundleNamesTheFile() throws Exception {
    Path truncated = written("truncated");
    Path weights = truncated.resolve(ModelBundle.WEIGHTS);
    byte[] bytes = Files.readAllBytes(weights);
    Files.write(weights, Arrays.copyOf(bytes, bytes.length - 5));
    assertThatThrownBy(() -> ModelBundle.read(truncated)).isInstanceOf(IOException.class)
        .hasMessage(weights + ": size mismatch: manifest.json says " + bytes.length + " bytes, file has "
            + (bytes.length - 5));

    Path flipped = written("flipped");
    Path ids = flipped.resolve(ModelBundle.ID_EMBEDDINGS);
    byte[] idBytes = Files.readAllBytes(ids);
    idBytes[idBytes.length - 3] ^= 0x40;
    Files.write(ids, idBytes);
    assertThatThrownBy(() -> ModelBundle.read(flipped)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(ids + ": SHA-256 mismatch: manifest.json says ");

    // A file cut short whose manifest was made to agree: the reader itself finds the end missing.
    Path cut = written("cut");
    Path cutWeights = cut.resolve(ModelBundle.WEIGHTS);
    Files.write(cutWeights, Arrays.copyOf(bytes, bytes.length - 8));
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) json.readTree(cut.resolve(ModelBundle.MANIFEST).toFile());
    FileEntry entry = FileEntry.of(cutWeights);
    for (var file : manifest.withArray("files")) {
      if (file.get("name").asText().equals(ModelBundle.WEIGHTS)) {
        ((ObjectNode) file).put("bytes", entry.bytes()).put("sha256", entry.sha256());
      }
    }
    json.writeValue(cut.resolve(ModelBundle.MANIFEST).toFile(), manifest);
    assertThatThrownBy(() -> ModelBundle.read(cut)).isInstanceOf(IOException.class)
        .hasMessage(cutWeights + ": truncated (the file ends inside its data)");

    Path noManifest = written("incomplete");
    Files.delete(noManifest.resolve(ModelBundle.MANIFEST));
    assertThatThrownBy(() -> ModelBundle.read(noManifest)).isInstanceOf(IOException.class)
        .hasMessage(noManifest + ": not a model bundle (no manifest.json; was the model written completely?)");

    Path badJson = written("bad-json");
    Files.writeString(badJson.resolve(ModelBundle.MANIFEST), "{\"formatVersion\": 1,");
    assertThatThrownBy(() -> ModelBundle.read(badJson)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(badJson.resolve(ModelBundle.MANIFEST) + ": not a valid bundle manifest (");
  }
}
