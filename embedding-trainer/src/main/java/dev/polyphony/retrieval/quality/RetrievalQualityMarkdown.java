package dev.polyphony.retrieval.quality;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Formats a {@link RetrievalQualityResult} as GitHub-flavoured Markdown: a note when the embeddings are
 * a stand-in, the embeddings and split in one paragraph, the ANN table, the list table and the
 * placements per generator.
 */
public final class RetrievalQualityMarkdown {
  private RetrievalQualityMarkdown() {}

  public static String format(RetrievalQualityResult result) {
    StringBuilder out = new StringBuilder();
    RetrievalQualityResult.Embeddings e = result.embeddings();
    if (e.standIn() != null) {
      out.append("> **Stand-in embeddings, not a trained model:** ").append(e.standIn()).append("\n\n");
    }
    RetrievalQualityResult.Split s = result.split();
    out.append(String.format(Locale.ROOT, "Embeddings: %,d %s vectors of dimension %d, %s, normalisation %s,"
            + " model `%s`. Split: %s, playlists with >= %d tracks lose %.0f%% of them, seed %d: %,d playlists"
            + " split, %,d edges held out; warm protocol: %,d queries, %,d relevant, %,d candidate tracks.%n%n",
        e.rows(), e.nodeType(), e.dimension(), e.metric(), e.normalization(), e.modelHash(), s.relation(),
        s.minTracks(), 100 * s.holdOutFraction(), s.seed(), s.splitPlaylists(), s.heldOutEdges(), s.warmQueries(),
        s.warmRelevant(), s.warmCandidates()));
    appendAnn(out, result.ann());
    appendBlend(out, result.blend());
    return out.toString();
  }

  private static void appendAnn(StringBuilder out, AnnQualityResult a) {
    int threads = a.ann().threads();
    out.append(String.format(Locale.ROOT, "### ANN index against the exact oracle%n%n%s; top %d; %,d rows.%n%n",
        capitalize(a.queries()), a.k(), a.rows()));
    out.append(String.format(Locale.ROOT, "| index | M | efConstruction | ef | build (s) | recall@%d | min recall@%d"
        + " | queries/s, 1 thread | queries/s, %d threads |%n", a.k(), a.k(), threads));
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    out.append(String.format(Locale.ROOT, "| Voyager (`AnnIndex`) | %d | %d | %d | %.1f | %.4f | %.2f | %,.0f | %,.0f |%n",
        a.m(), a.efConstruction(), a.ef(), a.buildSeconds(), a.recall(), a.minRecall(), a.ann().oneThread(),
        a.ann().allThreads()));
    out.append(String.format(Locale.ROOT, "| exact (`ExactIndex`) | - | - | - | - | 1.0000 | 1.00 | %,.0f | %,.0f |%n",
        a.exact().oneThread(), a.exact().allThreads()));
    out.append(String.format(Locale.ROOT, "| ANN / exact | | | | | | | %.1f | %.1f |%n%n", a.speedupOneThread(),
        a.speedupAllThreads()));
  }

  private static void appendBlend(StringBuilder out, BlendQualityResult b) {
    out.append(String.format(Locale.ROOT, "### Blended lists against pure relevance%n%n"));
    StringJoiner blend = new StringJoiner(", ");
    for (BlendQualityResult.BlendedGenerator g : b.generators()) {
      blend.add(String.format(Locale.ROOT, "%s %.2f", g.name(), g.quota()));
    }
    out.append(String.format(Locale.ROOT, "%,d warm playlists (%d skipped: no embedded training track), lists"
        + " of %d drawn from %,d candidate tracks. Blend (priority order, equal shares): %s.", b.queries(),
        b.skippedQueries(), b.listLength(), b.candidateTracks(), blend));
    for (BlendQualityResult.OmittedGenerator o : b.omitted()) {
      out.append(" Left out: ").append(o.name()).append(" (").append(o.reason()).append(").");
    }
    out.append(" Fresh: ").append(b.freshDefinition() == null ? "unknown (no release dates)" : b.freshDefinition())
        .append(". Tail creator: ").append(b.tailDefinition() == null ? "unknown" : b.tailDefinition())
        .append(".\n\n");
    out.append(String.format(Locale.ROOT, "| lists | Recall@%d | tail-creator share | fresh share | distinct tracks"
        + " | coverage |%n", b.listLength()));
    out.append("|---|---:|---:|---:|---:|---:|\n");
    appendLists(out, "pure relevance (playlist continuation)", b.relevance());
    appendLists(out, "blended", b.blended());
    out.append(String.format(Locale.ROOT, "| catalogue (all candidate tracks) | - | %s | %s | %,d | 1.0000 |%n%n",
        share(b.catalogueTailShare()), share(b.catalogueFreshShare()), b.candidateTracks()));
    out.append("| generator | quota | placed | share of blended tracks |\n|---|---:|---:|---:|\n");
    for (BlendQualityResult.BlendedGenerator g : b.generators()) {
      out.append(String.format(Locale.ROOT, "| %s | %.2f | %,d | %.4f |%n", g.name(), g.quota(), g.placed(),
          g.share()));
    }
  }

  private static void appendLists(StringBuilder out, String name, ListQuality q) {
    out.append(String.format(Locale.ROOT, "| %s | %.4f | %s | %s | %,d | %.4f |%n", name, q.recall(),
        share(q.tailShare()), share(q.freshShare()), q.distinctTracks(), q.coverage()));
  }

  private static String share(Double share) {
    return share == null ? "n/a" : String.format(Locale.ROOT, "%.4f", share);
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
