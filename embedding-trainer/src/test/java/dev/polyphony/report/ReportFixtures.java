package dev.polyphony.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small, fully specified data for every section of a report. */
final class ReportFixtures {
  private ReportFixtures() {}

  static List<EpochRecord> epochs() {
    return List.of(
        new EpochRecord(1, 12.5, 55, 0.001, Map.of("total", 1.2, "organisational", 0.9, "content", 0.3),
            Map.of("organisational", 1.0, "content", 0.5), Map.of("recall@50", 0.11)),
        new EpochRecord(2, 11.0, 55, 0.001, Map.of("total", 0.9, "organisational", 0.7, "content", 0.2),
            Map.of("organisational", 1.0, "content", 0.5), Map.of("recall@50", 0.17)),
        new EpochRecord(3, 11.2, 55, 0.0005, Map.of("total", 0.8, "organisational", 0.62, "content", 0.18),
            Map.of("organisational", 1.0, "content", 0.5), Map.of("recall@50", 0.19)));
  }

  static RecommenderComparison comparison() {
    return new RecommenderComparison(List.of(
        new RecommenderComparison.Row("popularity", "warm", 100, 0.02, 0.05, 0.04),
        new RecommenderComparison.Row("item-knn", "warm", 100, 0.08, 0.21, 0.15),
        new RecommenderComparison.Row("graphsage", "warm", 100, 0.09, 0.24, 0.17),
        new RecommenderComparison.Row("popularity", "cold", 80, 0.01, 0.03, 0.02),
        new RecommenderComparison.Row("graphsage", "cold", 80, 0.05, 0.12, 0.08)));
  }

  /** Three clusters of 2-d points labelled by cluster, one point unlabelled. */
  static EmbeddingMap embeddingMap() {
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    float[][] vectors = new float[31][];
    String[] genres = {"pop", "rock", "r&b <soul>"};
    for (int i = 0; i < 30; i++) {
      int g = i % 3;
      ids.add("t" + i);
      labels.add(genres[g]);
      vectors[i] = new float[] {g * 4 + (i % 5) * 0.3f, (g == 1 ? 3 : 0) + (i % 7) * 0.2f, i % 2};
    }
    ids.add("t30");
    labels.add(null);
    vectors[30] = new float[] {1, 1, 1};
    return EmbeddingMap.of(ids, vectors, labels, 1000, 7);
  }

  static List<DegreeHistogram> degrees() {
    return List.of(
        DegreeHistogram.of("contains", DegreeHistogram.OUT, "playlist", new int[] {1, 2, 3, 5, 9, 17, 40}),
        DegreeHistogram.of("contains", DegreeHistogram.IN, "track", new int[] {0, 1, 1, 1, 2, 2, 4, 8}));
  }

  static List<AnnTradeoffPoint> ann() {
    return List.of(new AnnTradeoffPoint(10, 0.91, 21000), new AnnTradeoffPoint(40, 0.985, 9000),
        new AnnTradeoffPoint(160, 0.999, 3100));
  }

  static CandidateShares shares() {
    return new CandidateShares(Map.of("similar", 60, "fresh", 20, "tail-creator", 15, "margin", 5),
        Map.of("similar", 70, "fresh", 22, "tail-creator", 15, "margin", 9));
  }

  static ReportContent fullContent(String title) {
    return ReportContent.builder(title)
        .runFact("dataset", "spotify-songs <30k>")
        .runFact("seed", 42)
        .training(epochs())
        .comparison(comparison())
        .embeddingMap(embeddingMap())
        .degrees(degrees())
        .ann(ann())
        .candidateShares(shares())
        .build();
  }
}
