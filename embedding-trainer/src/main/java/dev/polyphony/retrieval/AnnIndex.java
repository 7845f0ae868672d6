package dev.polyphony.retrieval;

import com.spotify.voyager.jni.Index;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportManifest.FileEntry;
import dev.polyphony.embedding.io.IdsTsvFile;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * Approximate nearest-neighbour search over an {@link EmbeddingTable} with Spotify's Voyager, an
 * HNSW graph (Malkov and Yashunin, TPAMI 2018) in native code; see {@link AnnIndexConfig}. Voyager
 * labels are table rows. Scores are {@code 1 - distance}: Voyager's cosine distance is
 * {@code 1 - cos} and its inner-product distance {@code 1 - a.b}, so scores are the similarities
 * (up to float rounding in the native code).
 *
 * <h2>Filtered search</h2>
 * HNSW cannot skip rows while it walks the graph (Voyager's Java binding exposes no filter), so a
 * filtered search over-fetches and filters afterwards:
 * <ol>
 *   <li>Ask the graph for {@code fetch = min(k, size)} candidates with {@code ef = max(ef, fetch)} and
 *       keep those the filter accepts, in rank order.</li>
 *   <li>With {@code k} accepted, return the first {@code k}.</li>
 *   <li>Otherwise grow {@code fetch}: at least double it, or more when the acceptance rate so far
 *       says that doubling will not reach {@code k} (by {@code 1.2 k fetch / accepted}), and repeat up
 *       to {@code min(size, filterFetchLimit)} candidates.</li>
 *   <li>When every row was fetched, the accepted ones are all rows the filter passes, ranked: return
 *       them. Otherwise (the limit was reached, or the graph returned fewer than asked), fall back to
 *       an exact scan of the rows the filter accepts.</li>
 * </ol>
 * Hence a filtered search returns {@code k} results whenever {@code k} rows pass the filter, and fewer
 * only when fewer exist. The exact fallback keeps a copy of the vectors, read from Voyager when first
 * needed. Unfiltered searches that the graph cannot fill fall back the same way.
 *
 * <h2>Threads</h2>
 * Searches run concurrently (HNSW search only reads the graph; the per-search {@code ef} is passed
 * with each query, never set on the shared index). {@link #close()} waits for running searches.
 */
public final class AnnIndex extends AbstractVectorIndex {
  /** The Voyager file of a saved index. */
  public static final String INDEX_FILE = "index.voy";
  /** The row-to-id file of a saved index. */
  public static final String IDS_FILE = "ids.tsv";

  /** Rows handed to one native {@code addItems} call, bounding the temporary {@code float[][]}. */
  private static final int ADD_CHUNK_ROWS = 16_384;

  private final Index voyager;
  private final AnnIndexConfig config;
  private final String nodeType;
  private final String modelHash;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;
  private volatile ExactIndex exact;

  private AnnIndex(Index voyager, IdMap ids, int dimension, AnnIndexConfig config, String nodeType,
      String modelHash) {
    super(ids, dimension, config.metric());
    this.voyager = voyager;
    this.config = config;
    this.nodeType = nodeType;
    this.modelHash = modelHash;
  }

  /** Builds an index over every row of {@code table}. */
  public static AnnIndex build(EmbeddingTable table, AnnIndexConfig config) {
    return build(table, config, ProgressTracker.NONE);
  }

  /** Builds an index over every row of {@code table}, reporting inserted rows to {@code progress}. */
  public static AnnIndex build(EmbeddingTable table, AnnIndexConfig config, ProgressTracker progress) {
    Objects.requireNonNull(config, "config");
    int n = table.size();
    int d = table.dimension();
    if (config.metric() == Metric.COSINE) {
      for (int row = 0; row < n; row++) {
        if (VectorMath.length(table.vector(row), 0, d) == 0) {
          throw new IllegalArgumentException("row " + row + " (id '" + table.id(row)
              + "') has length 0; cosine similarity is undefined");
        }
      }
    }
    Index voyager = new Index(space(config.metric()), d, config.m(), config.efConstruction(), config.seed(),
        Math.max(1, n), Index.StorageDataType.Float32);
    try {
      progress.begin("insert rows into the ANN index", n);
      for (int start = 0; start < n; start += ADD_CHUNK_ROWS) {
        int count = Math.min(ADD_CHUNK_ROWS, n - start);
        float[][] vectors = new float[count][];
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
          vectors[i] = table.vector(start + i);
          labels[i] = start + i;
        }
        voyager.addItems(vectors, labels, config.threads());
        progress.step(count);
      }
      progress.end();
    } catch (RuntimeException e) {
      closeQuietly(voyager, e);
      throw e;
    }
    return new AnnIndex(voyager, IdMap.of(table.ids()), d, config, table.nodeType(),
        table.metadata().modelHash());
  }

  private static Index.SpaceType space(Metric metric) {
    return switch (metric) {
      case COSINE -> Index.SpaceType.Cosine;
      case INNER_PRODUCT -> Index.SpaceType.InnerProduct;
    };
  }

  public AnnIndexConfig config() {
    return config;
  }

  /** The node type of the indexed table. */
  public String nodeType() {
    return nodeType;
  }

  /** The model hash of the indexed table. */
  public String modelHash() {
    return modelHash;
  }

  @Override
  public Neighbors search(float[] query, int k) {
    VectorMath.checkQuery(query, k, dimension, metric());
    int fetch = Math.min(k, size());
    lock.readLock().lock();
    try {
      checkOpen();
      if (fetch == 0) {
        return Neighbors.empty();
      }
      Neighbors found = graphSearch(query, fetch);
      return found != null ? found : exact().search(query, k);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Neighbors search(float[] query, int k, IntPredicate rowFilter) {
    VectorMath.checkQuery(query, k, dimension, metric());
    Objects.requireNonNull(rowFilter, "rowFilter");
    int n = size();
    int limit = Math.min(n, Math.max(k, config.filterFetchLimit()));
    lock.readLock().lock();
    try {
      checkOpen();
      for (int fetch = Math.min(k, n); fetch > 0; ) {
        Neighbors candidates = graphSearch(query, fetch);
        if (candidates == null) {
          break;
        }
        Neighbors accepted = accepted(candidates, rowFilter, k);
        if (accepted.size() == k || fetch == n) {
          return accepted;
        }
        if (fetch >= limit) {
          break;
        }
        fetch = (int) Math.min(limit, Math.max(2L * fetch,
            (long) Math.ceil(1.2 * k * fetch / Math.max(1, accepted.size()))));
      }
      return exact().search(query, k, rowFilter);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The graph's top {@code fetch}, or null when it cannot find that many. */
  private Neighbors graphSearch(float[] query, int fetch) {
    Index.QueryResults results;
    try {
      results = voyager.query(query, fetch, Math.max(config.ef(), fetch));
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Fewer than expected results")) {
        return null;
      }
      throw e;
    }
    long[] labels = results.getLabels();
    float[] distances = results.getDistances();
    int[] rows = new int[labels.length];
    float[] scores = new float[labels.length];
    List<String> found = new ArrayList<>(labels.length);
    for (int i = 0; i < labels.length; i++) {
      rows[i] = (int) labels[i];
      scores[i] = 1 - distances[i];
      found.add(ids.externalId(rows[i]));
    }
    return new Neighbors(rows, scores, found);
  }

  /** The first {@code k} of {@code candidates} that {@code rowFilter} accepts, in rank order. */
  private static Neighbors accepted(Neighbors candidates, IntPredicate rowFilter, int k) {
    int[] rows = new int[Math.min(k, candidates.size())];
    float[] scores = new float[rows.length];
    List<String> kept = new ArrayList<>(rows.length);
    for (int i = 0; i < candidates.size() && kept.size() < k; i++) {
      if (rowFilter.test(candidates.row(i))) {
        rows[kept.size()] = candidates.row(i);
        scores[kept.size()] = candidates.score(i);
        kept.add(candidates.id(i));
      }
    }
    return new Neighbors(Arrays.copyOf(rows, kept.size()), Arrays.copyOf(scores, kept.size()), kept);
  }

  /** The exact index over Voyager's stored vectors (normalised ones for cosine), made once on demand. */
  private ExactIndex exact() {
    ExactIndex e = exact;
    if (e == null) {
      synchronized (this) {
        e = exact;
        if (e == null) {
          long[] labels = new long[size()];
          Arrays.setAll(labels, i -> i);
          float[][] stored = voyager.getVectors(labels);
          float[] flat = new float[size() * dimension];
          for (int row = 0; row < stored.length; row++) {
            System.arraycopy(stored[row], 0, flat, row * dimension, dimension);
          }
          e = new ExactIndex(ids, dimension, flat, metric(), config.threads());
          exact = e;
        }
      }
    }
    return e;
  }

  /**
   * Saves the index to {@code dir}: {@value #INDEX_FILE} (Voyager's own format, readable by Voyager
   * in Python too, labels = rows), {@value #IDS_FILE} (rows to ids, as in embedding exports) and
   * {@code index.json} with the parameters and the files' sizes and SHA-256, written last.
   */
  public void save(Path dir) throws IOException {
    lock.readLock().lock();
    try {
      checkOpen();
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(AnnIndexDescription.FILE_NAME));
      Path indexFile = dir.resolve(INDEX_FILE);
      AtomicFiles.write(indexFile, voyager::saveIndex);
      Path idsFile = dir.resolve(IDS_FILE);
      IdsTsvFile.write(idsFile, ids.externalIds());
      new AnnIndexDescription(AnnIndexDescription.FORMAT_VERSION, nodeType, modelHash, size(), dimension,
          metric().label(), config.m(), config.efConstruction(), config.ef(), config.seed(),
          config.filterFetchLimit(), List.of(FileEntry.of(indexFile), FileEntry.of(idsFile)))
          .write(dir.resolve(AnnIndexDescription.FILE_NAME));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Loads an index saved by {@link #save}, with the saved parameters, on all available processors. */
  public static AnnIndex load(Path dir) throws IOException {
    AnnIndexDescription description = AnnIndexDescription.readVerified(dir);
    return load(dir, description, description.config(Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Loads an index saved by {@link #save} with search-time parameters from {@code config} ({@code ef},
   * {@code threads}, {@code filterFetchLimit}); its metric must be the saved one.
   */
  public static AnnIndex load(Path dir, AnnIndexConfig config) throws IOException {
    AnnIndexDescription description = AnnIndexDescription.readVerified(dir);
    AnnIndexConfig saved = description.config(config.threads());
    if (saved.metric() != config.metric()) {
      throw new EmbeddingFormatException(dir.resolve(AnnIndexDescription.FILE_NAME), "index metric is "
          + saved.metric().label() + ", requested " + config.metric().label());
    }
    return load(dir, description, saved.withEf(config.ef()).withFilterFetchLimit(config.filterFetchLimit()));
  }

  private static AnnIndex load(Path dir, AnnIndexDescription description, AnnIndexConfig config)
      throws IOException {
    Path indexFile = dir.resolve(INDEX_FILE);
    Path idsFile = dir.resolve(IDS_FILE);
    IdMap ids = IdMap.of(IdsTsvFile.read(idsFile));
    if (ids.size() != description.count()) {
      throw new EmbeddingFormatException(idsFile, "row count mismatch: " + AnnIndexDescription.FILE_NAME
          + " says " + description.count() + " rows, file has " + ids.size());
    }
    Index voyager;
    try {
      voyager = Index.load(indexFile.toString());
    } catch (RuntimeException e) {
      throw new EmbeddingFormatException(indexFile, "Voyager cannot load it: " + e.getMessage(), e);
    }
    try {
      checkLoaded(indexFile, voyager, description, config);
    } catch (IOException | RuntimeException e) {
      closeQuietly(voyager, e);
      throw e;
    }
    return new AnnIndex(voyager, ids, description.dimension(), config, description.nodeType(),
        description.modelHash());
  }

  private static void checkLoaded(Path file, Index voyager, AnnIndexDescription description, AnnIndexConfig config)
      throws EmbeddingFormatException {
    if (voyager.getSpace() != space(config.metric())) {
      throw new EmbeddingFormatException(file, "space " + voyager.getSpace() + ", expected "
          + space(config.metric()));
    }
    if (voyager.getNumDimensions() != description.dimension()) {
      throw new EmbeddingFormatException(file, "dimension " + voyager.getNumDimensions() + ", expected "
          + description.dimension());
    }
    if (voyager.getNumElements() != description.count()) {
      throw new EmbeddingFormatException(file, voyager.getNumElements() + " vectors, expected "
          + description.count());
    }
    long[] labels = voyager.getIDs();
    Arrays.sort(labels);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != i) {
        throw new EmbeddingFormatException(file, "labels are not the rows 0.." + (labels.length - 1)
            + " (found " + labels[i] + " at sorted position " + i + ")");
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("index is closed");
    }
  }

  /** Releases the native index, after running searches finish. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      ExactIndex e = exact;
      if (e != null) {
        e.close();
      }
      voyager.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void closeQuietly(Index voyager, Exception failure) {
    try {
      voyager.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
