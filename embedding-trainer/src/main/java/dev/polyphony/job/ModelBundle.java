package dev.polyphony.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.polyphony.embedding.io.ExportManifest.FileEntry;
import dev.polyphony.embedding.io.FloatMatrix;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.FeatureStats;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeAttributes;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.job.BundleArrays.IdTable;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.IdEmbeddings;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.SageModel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained {@link SageModel} saved to a directory, and rebuilt from it on any graph of the same schema:
 * <ul>
 *   <li>{@value #CONFIG}: the resolved {@link TrainingJobConfig} (JSON);
 *   <li>{@value #WEIGHTS}: every dense parameter of the model's graph by name (encoder, task heads, loss
 *       weighting), see {@link BundleArrays};
 *   <li>{@value #FEATURE_STATS}: per node type with features, the training graph's column statistics
 *       ({@code <type>/mean}, {@code /std}, {@code /min}, {@code /max}), so other graphs are standardised like
 *       the training graph (a new track is scaled as the catalog it joins was);
 *   <li>{@value #ID_EMBEDDINGS}: the learned per-node vectors keyed by external id per node type (absent when the
 *       encoder learns none);
 *   <li>{@value #MANIFEST}, written last: format version, model hash, creation time, seed node type, embedding
 *       dimension, the training graph's schema and feature columns, and the size and SHA-256 of every file.
 * </ul>
 * The model hash is the SHA-256 of the bytes of {@value #WEIGHTS}, {@value #FEATURE_STATS} and
 * {@value #ID_EMBEDDINGS} in that order: it changes exactly when the function the model computes does.
 *
 * <p>Writing is atomic: the files go to a hidden temporary directory beside the target, which then replaces
 * the target by renames; readers see the old bundle or the new one, never a mix. Reading verifies every
 * file against the manifest and names the file that is missing, truncated or damaged.
 */
public final class ModelBundle {
  public static final String MANIFEST = "manifest.json";
  public static final String CONFIG = "job.json";
  public static final String WEIGHTS = "weights.bin";
  public static final String FEATURE_STATS = "feature-stats.bin";
  public static final String ID_EMBEDDINGS = "id-embeddings.bin";
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final TrainingJobConfig config;
  private final GraphSchema schema;
  private final NodeType seedType;
  private final int dimension;
  private final Map<NodeType, List<String>> featureColumns;
  private final Map<NodeType, FeatureStats> featureStats;
  private final Map<String, FloatMatrix> weights;
  private final Map<NodeType, IdTable> idTables;
  private final String modelHash;
  private final Instant createdAt;

  private ModelBundle(TrainingJobConfig config, GraphSchema schema, NodeType seedType, int dimension,
      Map<NodeType, List<String>> featureColumns, Map<NodeType, FeatureStats> featureStats,
      Map<String, FloatMatrix> weights, Map<NodeType, IdTable> idTables, Instant createdAt) {
    this.config = config;
    this.schema = schema;
    this.seedType = seedType;
    this.dimension = dimension;
    this.featureColumns = Collections.unmodifiableMap(featureColumns);
    this.featureStats = Collections.unmodifiableMap(featureStats);
    this.weights = Collections.unmodifiableMap(weights);
    this.idTables = Collections.unmodifiableMap(idTables);
    this.createdAt = createdAt;
    this.modelHash = hash(this);
  }

  /**
   * The bundle of {@code model} as trained by the job {@code config}: copies of its weights, learned vectors
   * (keyed by the external ids of the model's graph) and the feature statistics of that graph.
   *
   * @throws IllegalArgumentException when the model was built with another encoder config than the job's
   */
  public static ModelBundle of(SageModel model, TrainingJobConfig config) {
    TrainingJobConfig resolved = config.resolved();
    if (!model.config().equals(resolved.encoderConfig())) {
      throw new IllegalArgumentException("the model was built with encoder config " + model.config()
          + ", not the job's " + resolved.encoderConfig());
    }
    HeteroGraph graph = model.graph();
    Map<NodeType, List<String>> columns = new LinkedHashMap<>();
    Map<NodeType, FeatureStats> stats = new LinkedHashMap<>();
    for (NodeType type : graph.schema().nodeTypes()) {
      graph.features(type).ifPresent(f -> {
        columns.put(type, f.columns());
        stats.put(type, f.stats());
      });
    }
    Map<String, FloatMatrix> weights = new LinkedHashMap<>();
    for (String name : model.parameters().names()) {
      INDArray value = model.sameDiff().getVariable(name).getArr();
      weights.put(name, new FloatMatrix((int) value.rows(), (int) value.columns(), value.dup('c').data().asFloat()));
    }
    Map<NodeType, IdTable> tables = new LinkedHashMap<>();
    IdEmbeddings ids = model.idEmbeddings();
    if (ids != null) {
      for (NodeType type : ids.types()) {
        float[] values = ids.values(type).clone();
        tables.put(type, new IdTable(graph.ids(type).externalIds(),
            new FloatMatrix(values.length / ids.dim(), ids.dim(), values)));
      }
    }
    return new ModelBundle(resolved, graph.schema(), model.seedType(), model.config().outputDim(), columns, stats,
        weights, tables, Instant.now());
  }

  /** The resolved job config the model was trained with. */
  public TrainingJobConfig config() {
    return config;
  }

  /** The schema of the training graph; the model applies to graphs of this schema. */
  public GraphSchema schema() {
    return schema;
  }

  /** The node type the model embeds. */
  public NodeType seedType() {
    return seedType;
  }

  /** The embedding dimension. */
  public int dimension() {
    return dimension;
  }

  /** SHA-256 (hex) of the model's values, see the class comment. */
  public String modelHash() {
    return modelHash;
  }

  /** When the bundle was made from a model. */
  public Instant createdAt() {
    return createdAt;
  }

  /** The dense parameters by name (read-only matrices; do not change their arrays). */
  public Map<String, FloatMatrix> weights() {
    return weights;
  }

  /** Node types with learned vectors, in the encoder's order. */
  public List<NodeType> idEmbeddingTypes() {
    return List.copyOf(idTables.keySet());
  }

  /** The feature columns of the training graph's {@code type} nodes (empty for a type without features). */
  public List<String> featureColumns(NodeType type) {
    return featureColumns.getOrDefault(type, List.of());
  }

  /** The training graph's statistics of {@code type}'s feature columns, empty for a type without features. */
  public java.util.Optional<FeatureStats> featureStats(NodeType type) {
    return java.util.Optional.ofNullable(featureStats.get(type));
  }

  /** External ids of the nodes of {@code type} with learned vectors, row {@code i} of {@link #idVectors}. */
  public List<String> idVectorIds(NodeType type) {
    return idTable(type).ids();
  }

  /** The learned vectors of {@code type}, one row per id of {@link #idVectorIds} (read-only). */
  public FloatMatrix idVectors(NodeType type) {
    return idTable(type).vectors();
  }

  private IdTable idTable(NodeType type) {
    IdTable table = idTables.get(type);
    if (table == null) {
      throw new IllegalArgumentException("the model learns no vectors for '" + type + "' nodes; it does for "
          + idTables.keySet());
    }
    return table;
  }

  /** The learned vector of the node of {@code type} with external id {@code id}, or {@code null} if unknown. */
  public float[] idVector(NodeType type, String id) {
    IdTable table = idTables.get(type);
    if (table == null) {
      throw new IllegalArgumentException("the model learns no vectors for '" + type + "' nodes; it does for "
          + idTables.keySet());
    }
    int row = table.ids().indexOf(id);
    if (row < 0) {
      return null;
    }
    FloatMatrix v = table.vectors();
    return java.util.Arrays.copyOfRange(v.values(), row * v.columns(), (row + 1) * v.columns());
  }

  /**
   * Checks that the model applies to {@code graph}: the training graph's schema and, per node type, its
   * feature columns.
   *
   * @throws IllegalArgumentException naming what differs
   */
  public void requireFits(HeteroGraph graph) {
    if (!graph.schema().equals(schema)) {
      throw new IllegalArgumentException("the graph's schema differs from the model's: the graph has node types "
          + graph.schema().nodeTypes() + " and relations " + relations(graph.schema()) + ", the model was trained on "
          + schema.nodeTypes() + " and " + relations(schema));
    }
    for (NodeType type : schema.nodeTypes()) {
      List<String> have = graph.features(type).map(NodeFeatures::columns).orElse(List.of());
      List<String> want = featureColumns.getOrDefault(type, List.of());
      if (!have.equals(want)) {
        throw new IllegalArgumentException("'" + type + "' nodes have feature columns " + have
            + " in the graph; the model was trained on " + want);
      }
    }
  }

  /**
   * Nodes of {@code graph} per type with learned vectors whose external id the model has not seen.
   *
   * @throws IllegalArgumentException when the model does not apply to the graph ({@link #requireFits})
   */
  public Map<NodeType, Integer> unknownNodes(HeteroGraph graph) {
    requireFits(graph);
    Map<NodeType, Integer> unknown = new LinkedHashMap<>();
    idTables.forEach((type, table) -> {
      IdMap known = IdMap.of(table.ids());
      IdMap ids = graph.ids(type);
      int n = 0;
      for (int i = 0; i < ids.size(); i++) {
        if (!known.contains(ids.externalId(i))) {
          n++;
        }
      }
      unknown.put(type, n);
    });
    return unknown;
  }

  /**
   * The model rebuilt on {@code graph}, which must have the training graph's schema and feature columns; its
   * nodes may differ. The dense weights are assigned by name (parameters the encoder does not create, such as
   * task heads, stay in the bundle); a learned vector is copied for every node whose external id the model
   * knows and is zero for every other node (a new track), as for a node whose vector was hidden in training.
   *
   * <p>With {@link FeatureNormalization#STANDARDIZE} the graph's features are standardised with the training
   * graph's statistics, and the returned model, built on that standardised copy, has normalisation
   * {@link FeatureNormalization#NONE}; the model's {@link SageModel#graph()} is that copy.
   *
   * @throws IllegalArgumentException when the graph's schema or feature columns differ from the training graph's
   */
  public SageModel model(HeteroGraph graph) {
    return model(graph, config.inferenceSampling());
  }

  /**
   * As {@link #model(HeteroGraph)}, sampling neighbourhoods for inference with {@code inferenceSampling}
   * (for example {@link dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting#HASH hash sampling}),
   * which must follow the training fan-outs' relations at every hop.
   */
  public SageModel model(HeteroGraph graph, NeighborSamplerConfig inferenceSampling) {
    Objects.requireNonNull(inferenceSampling, "inferenceSampling");
    requireFits(graph);
    SageEncoderConfig encoderConfig = config.encoderConfig();
    HeteroGraph input = graph;
    if (encoderConfig.featureNormalization() == FeatureNormalization.STANDARDIZE) {
      input = standardized(graph);
      encoderConfig = encoderConfig.toBuilder().featureNormalization(FeatureNormalization.NONE).build();
    }
    SageModel model = new SageModel(input, seedType, encoderConfig, config.trainConfig().sampling(),
        inferenceSampling);
    for (String name : model.parameters().names()) {
      FloatMatrix value = weights.get(name);
      INDArray target = model.sameDiff().getVariable(name).getArr();
      if (value == null) {
        throw new IllegalArgumentException("the bundle has no parameter '" + name + "', which the encoder needs");
      }
      if (value.rows() != target.rows() || value.columns() != target.columns()) {
        throw new IllegalArgumentException("parameter '" + name + "' is " + value.rows() + " x " + value.columns()
            + " in the bundle, the encoder needs " + target.rows() + " x " + target.columns());
      }
      target.assign(Nd4j.create(value.values().clone(), new long[] {value.rows(), value.columns()}, 'c'));
    }
    IdEmbeddings ids = model.idEmbeddings();
    if (ids != null) {
      for (NodeType type : ids.types()) {
        IdTable table = idTables.get(type);
        if (table == null || table.vectors().columns() != ids.dim()) {
          throw new IllegalArgumentException("the bundle has no learned vectors of width " + ids.dim() + " for '"
              + type + "' nodes");
        }
        copyKnownRows(table, graph.ids(type), ids.values(type), ids.dim());
      }
    }
    return model;
  }

  private static void copyKnownRows(IdTable table, IdMap ids, float[] values, int dim) {
    IdMap known = IdMap.of(table.ids());
    float[] source = table.vectors().values();
    for (int i = 0; i < ids.size(); i++) {
      int row = known.indexOf(ids.externalId(i));
      if (row >= 0) {
        System.arraycopy(source, row * dim, values, i * dim, dim);
      } else {
        java.util.Arrays.fill(values, i * dim, (i + 1) * dim, 0f);
      }
    }
  }

  /** {@code graph} with every feature matrix standardised by the training statistics of its type. */
  private HeteroGraph standardized(HeteroGraph graph) {
    GraphSchema s = graph.schema();
    IdMap[] idMaps = new IdMap[s.nodeTypeCount()];
    NodeFeatures[] features = new NodeFeatures[s.nodeTypeCount()];
    NodeAttributes[] attributes = new NodeAttributes[s.nodeTypeCount()];
    for (NodeType type : s.nodeTypes()) {
      int t = s.indexOf(type);
      idMaps[t] = graph.ids(type);
      attributes[t] = graph.attributes(type);
      features[t] = graph.features(type).map(f -> f.standardized(featureStats.get(type))).orElse(null);
    }
    CsrAdjacency[] out = new CsrAdjacency[s.edgeTypeCount()];
    CsrAdjacency[] in = new CsrAdjacency[s.edgeTypeCount()];
    for (EdgeType type : s.edgeTypes()) {
      out[s.indexOf(type)] = graph.out(type);
      in[s.indexOf(type)] = graph.in(type);
    }
    return new HeteroGraph(s, idMaps, features, attributes, out, in);
  }

  /**
   * Writes this bundle to {@code dir}, replacing a bundle there. A directory that exists and is not a model
   * bundle (no {@value #MANIFEST}) is left alone.
   *
   * @throws FileAlreadyExistsException when {@code dir} exists and is not an empty directory or a bundle
   */
  public void write(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    if (Files.exists(target) && !isBundleOrEmpty(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a model bundle");
    }
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    Path old = null;
    try {
      // Temporary directories are created owner-only; the bundle should be readable like any other directory.
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      AtomicFiles.writeString(tmp.resolve(CONFIG), TrainingJobConfigReader.toJson(config) + "\n");
      AtomicFiles.write(tmp.resolve(WEIGHTS), out -> BundleArrays.writeMatrices(out, weights));
      AtomicFiles.write(tmp.resolve(FEATURE_STATS), out -> BundleArrays.writeMatrices(out, statsMatrices()));
      List<String> names = new ArrayList<>(List.of(CONFIG, WEIGHTS, FEATURE_STATS));
      if (!idTables.isEmpty()) {
        AtomicFiles.write(tmp.resolve(ID_EMBEDDINGS), out -> BundleArrays.writeIdTables(out, idTablesByName()));
        names.add(ID_EMBEDDINGS);
      }
      List<FileEntry> files = new ArrayList<>();
      for (String name : names) {
        files.add(FileEntry.of(tmp.resolve(name)));
      }
      AtomicFiles.writeString(tmp.resolve(MANIFEST), JSON.writeValueAsString(manifest(files)) + "\n");
      if (Files.exists(target)) {
        old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
        Files.delete(old);
        move(target, old);
      }
      move(tmp, target);
    } finally {
      deleteTree(tmp);
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  private static boolean isBundleOrEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.exists(dir.resolve(MANIFEST))) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Reads the bundle in {@code dir}, verifying every file against the manifest and the model hash against
   * the values.
   *
   * @throws IOException naming the file that is missing, truncated, damaged or disagrees with the manifest
   */
  public static ModelBundle read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no model bundle (not a directory)");
    }
    Path manifestFile = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new IOException(dir + ": not a model bundle (no " + MANIFEST + "; was the model written completely?)");
    }
    Manifest manifest;
    try {
      manifest = JSON.readValue(Files.readString(manifestFile, StandardCharsets.UTF_8), Manifest.class);
    } catch (JsonProcessingException e) {
      throw new IOException(manifestFile + ": not a valid bundle manifest ("
          + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim() + ")", e);
    }
    manifest.check(manifestFile);
    for (FileEntry entry : manifest.files()) {
      entry.verify(dir, MANIFEST);
    }
    for (String required : List.of(CONFIG, WEIGHTS, FEATURE_STATS)) {
      if (manifest.files().stream().noneMatch(f -> f.name().equals(required))) {
        throw new IOException(manifestFile + ": does not list " + required);
      }
    }
    Path configFile = dir.resolve(CONFIG);
    TrainingJobConfig config;
    try {
      config = TrainingJobConfigReader.fromJson(Files.readString(configFile, StandardCharsets.UTF_8),
          configFile.toString());
    } catch (JobConfigException e) {
      throw new IOException(e.getMessage(), e);
    }
    MessageDigest digest = sha256();
    Map<String, FloatMatrix> weights = readMatrices(dir.resolve(WEIGHTS), digest);
    Map<String, FloatMatrix> stats = readMatrices(dir.resolve(FEATURE_STATS), digest);
    Map<String, IdTable> tables = Map.of();
    boolean hasIds = manifest.files().stream().anyMatch(f -> f.name().equals(ID_EMBEDDINGS));
    if (hasIds) {
      Path file = dir.resolve(ID_EMBEDDINGS);
      try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
          digest)) {
        tables = BundleArrays.readIdTables(in, file);
      }
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    if (!hash.equals(manifest.modelHash())) {
      throw new IOException(manifestFile + ": model hash " + manifest.modelHash() + " does not match the values ("
          + hash + ")");
    }
    GraphSchema schema = manifest.schema(manifestFile);
    Map<NodeType, List<String>> columns = new LinkedHashMap<>();
    Map<NodeType, FeatureStats> featureStats = new LinkedHashMap<>();
    Path statsFile = dir.resolve(FEATURE_STATS);
    for (Map.Entry<String, List<String>> e : manifest.featureColumns().entrySet()) {
      NodeType type = known(schema, e.getKey(), manifestFile);
      columns.put(type, List.copyOf(e.getValue()));
      featureStats.put(type, stats(stats, type, e.getValue().size(), statsFile));
    }
    Map<NodeType, IdTable> idTables = new LinkedHashMap<>();
    for (Map.Entry<String, IdTable> e : tables.entrySet()) {
      idTables.put(known(schema, e.getKey(), dir.resolve(ID_EMBEDDINGS)), e.getValue());
    }
    ModelBundle bundle = new ModelBundle(config, schema, known(schema, manifest.seedType(), manifestFile),
        manifest.dimension(), columns, featureStats, weights, idTables, Instant.parse(manifest.createdAt()));
    if (!bundle.modelHash().equals(hash)) {
      throw new IllegalStateException("the bundle's values hash to " + bundle.modelHash() + " once read, " + hash
          + " as stored");
    }
    return bundle;
  }

  private static Map<String, FloatMatrix> readMatrices(Path file, MessageDigest digest) throws IOException {
    try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
        digest)) {
      return BundleArrays.readMatrices(in, file);
    }
  }

  private static NodeType known(GraphSchema schema, String name, Path file) throws IOException {
    if (name == null || !schema.hasNodeType(name)) {
      throw new IOException(file + ": names node type '" + name + "', which the bundle's schema lacks ("
          + schema.nodeTypes() + ")");
    }
    return schema.nodeType(name);
  }

  private static FeatureStats stats(Map<String, FloatMatrix> matrices, NodeType type, int columns, Path file)
      throws IOException {
    float[][] parts = new float[4][];
    String[] names = {"mean", "std", "min", "max"};
    for (int i = 0; i < 4; i++) {
      FloatMatrix m = matrices.get(type.name() + "/" + names[i]);
      if (m == null || m.rows() != 1 || m.columns() != columns) {
        throw new IOException(file + ": has no " + columns + " feature " + names[i] + "s for '" + type + "'");
      }
      parts[i] = m.values();
    }
    return new FeatureStats(parts[0], parts[1], parts[2], parts[3]);
  }

  private Map<String, FloatMatrix> statsMatrices() {
    Map<String, FloatMatrix> matrices = new LinkedHashMap<>();
    featureStats.forEach((type, s) -> {
      float[][] parts = {s.mean(), s.std(), s.min(), s.max()};
      String[] names = {"mean", "std", "min", "max"};
      for (int i = 0; i < 4; i++) {
        matrices.put(type.name() + "/" + names[i], new FloatMatrix(1, parts[i].length, parts[i]));
      }
    });
    return matrices;
  }

  private Map<String, IdTable> idTablesByName() {
    Map<String, IdTable> byName = new LinkedHashMap<>();
    idTables.forEach((type, table) -> byName.put(type.name(), table));
    return byName;
  }

  private static String hash(ModelBundle bundle) {
    MessageDigest digest = sha256();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      BundleArrays.writeMatrices(out, bundle.weights);
      BundleArrays.writeMatrices(out, bundle.statsMatrices());
      if (!bundle.idTables.isEmpty()) {
        BundleArrays.writeIdTables(out, bundle.idTablesByName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private static List<String> relations(GraphSchema schema) {
    return schema.edgeTypes().stream().map(EdgeType::toString).toList();
  }

  private Manifest manifest(List<FileEntry> files) {
    List<Relation> relations = schema.edgeTypes().stream()
        .map(e -> new Relation(e.src().name(), e.relation(), e.dst().name())).toList();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    featureColumns.forEach((type, c) -> columns.put(type.name(), c));
    return new Manifest(FORMAT_VERSION, modelHash, createdAt.toString(), seedType.name(), dimension,
        schema.nodeTypes().stream().map(NodeType::name).toList(), relations, columns, files);
  }

  /** One relation of the schema in {@value #MANIFEST}. */
  record Relation(String src, String relation, String dst) {}

  /** The content of {@value #MANIFEST}. */
  record Manifest(int formatVersion, String modelHash, String createdAt, String seedType, int dimension,
      List<String> nodeTypes, List<Relation> relations, Map<String, List<String>> featureColumns,
      List<FileEntry> files) {

    void check(Path file) throws IOException {
      if (formatVersion != FORMAT_VERSION) {
        throw new IOException(file + ": bundle format version " + formatVersion + " (this version reads "
            + FORMAT_VERSION + ")");
      }
      for (Object[] field : new Object[][] {{"modelHash", modelHash}, {"createdAt", createdAt},
          {"seedType", seedType}, {"nodeTypes", nodeTypes}, {"relations", relations},
          {"featureColumns", featureColumns}, {"files", files}}) {
        if (field[1] == null) {
          throw new IOException(file + ": missing '" + field[0] + "'");
        }
      }
      if (dimension <= 0) {
        throw new IOException(file + ": dimension must be > 0 (got " + dimension + ")");
      }
      try {
        Instant.parse(createdAt);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IOException(file + ": createdAt is not an ISO-8601 instant (got '" + createdAt + "')", e);
      }
    }

    GraphSchema schema(Path file) throws IOException {
      try {
        GraphSchema.Builder builder = GraphSchema.builder();
        Map<String, NodeType> types = new LinkedHashMap<>();
        for (String name : nodeTypes) {
          types.put(name, builder.node(name));
        }
        for (Relation r : relations) {
          builder.edge(Objects.requireNonNull(types.get(r.src()), "unknown node type '" + r.src() + "'"),
              r.relation(), Objects.requireNonNull(types.get(r.dst()), "unknown node type '" + r.dst() + "'"));
        }
        return builder.build();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IOException(file + ": invalid schema (" + e.getMessage() + ")", e);
      }
    }
  }
}
