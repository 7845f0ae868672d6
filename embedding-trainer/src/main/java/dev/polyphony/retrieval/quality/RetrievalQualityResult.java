package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.EmbeddingTable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link RetrievalQuality} measured: the embeddings it measured, the split, the ANN index against
 * the exact oracle and the blended lists against pure relevance. {@link RetrievalQualityJson} writes
 * it, {@link RetrievalQualityMarkdown} formats it.
 */
public record RetrievalQualityResult(Embeddings embeddings, Split split, AnnQualityResult ann,
    BlendQualityResult blend) {

  public RetrievalQualityResult {
    Objects.requireNonNull(embeddings, "embeddings");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(ann, "ann");
    Objects.requireNonNull(blend, "blend");
  }

  /**
   * The measured embedding table.
   *
   * @param nodeType its node type
   * @param rows rows
   * @param dimension vector length
   * @param metric similarity label
   * @param normalization normalisation label
   * @param modelHash the model that made the vectors
   * @param standIn what the vectors stand in for when they are not a trained model's (the table's
   *     {@value StandInTrackEmbedding#STAND_IN_PROPERTY} property), else null
   * @param properties the table's properties, sorted by name
   */
  public record Embeddings(String nodeType, int rows, int dimension, String metric, String normalization,
      String modelHash, String standIn, Map<String, String> properties) {
    public Embeddings {
      properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    static Embeddings of(EmbeddingTable table) {
      return new Embeddings(table.nodeType(), table.size(), table.dimension(), table.metadata().metric().label(),
          table.metadata().normalization().label(), table.metadata().modelHash(),
          table.metadata().properties().get(StandInTrackEmbedding.STAND_IN_PROPERTY),
          table.metadata().properties());
    }
  }

  /**
   * The playlist continuation split and its warm queries.
   *
   * @param relation playlist-to-track relation
   * @param minTracks playlists with at least this many tracks were split
   * @param holdOutFraction share of their tracks held out
   * @param seed split seed
   * @param splitPlaylists playlists split
   * @param heldOutEdges playlist-track edges held out
   * @param warmQueries playlists with held-out tracks among the warm candidates
   * @param warmRelevant held-out (playlist, track) pairs among the warm candidates
   * @param warmCandidates tracks with a training playlist
   */
  public record Split(String relation, int minTracks, double holdOutFraction, long seed, int splitPlaylists,
      int heldOutEdges, int warmQueries, int warmRelevant, int warmCandidates) {}
}
