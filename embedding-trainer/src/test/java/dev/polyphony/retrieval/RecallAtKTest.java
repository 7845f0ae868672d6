package dev.polyphony.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.Metric;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RecallAtKTest {
  /** Answers with the oracle's ranks 2..k+1, missing the best row. */
  private static final class MissesTheBest implements VectorIndex {
    private final ExactIndex exact;

    MissesTheBest(ExactIndex exact) {
      this.exact = exact;
    }

    @Override
    public Metric metric() {
      return exact.metric();
    }

    @Override
    public int size() {
      return exact.size();
    }

    @Override
    public int dimension() {
      return exact.dimension();
    }

    @Override
    public String id(int row) {
      return exact.id(row);
    }

    @Override
    public int rowOf(String id) {
      return exact.rowOf(id);
    }

    @Override
    public Neighbors search(float[] query, int k) {
      Neighbors more = exact.search(query, k + 1);
      return new Neighbors(java.util.Arrays.copyOfRange(more.rows(), 1, more.size()),
          java.util.Arrays.copyOfRange(more.scores(), 1, more.size()), more.ids().subList(1, more.size()));
    }

    @Override
    public Neighbors search(float[] query, int k, IntPredicate rowFilter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void countsTheShareOfTheOraclesTopK() {
    try (ExactIndex exact = ExactIndex.build(FiveTracks.table(Metric.INNER_PRODUCT), Metric.INNER_PRODUCT, 1)) {
      float[][] queries = {FiveTracks.QUERY, {0, 1}};
      assertThat(RecallAtK.measure(exact, exact, queries, 3)).isEqualTo(new RecallAtK(3, 2, 1.0, 1.0));
      // Top 2 for q: {e, c}; the candidate answers {c, a}: 1 of 2. For (0, 1): {b, c} vs {c, e}: 1 of 2.
      RecallAtK half = RecallAtK.measure(new MissesTheBest(exact), exact, queries, 2);
      assertThat(half.mean()).isEqualTo(0.5);
      assertThat(half.min()).isEqualTo(0.5);
      assertThat(RecallAtK.measure(exact, exact, queries, 2, row -> row != 4).mean()).isEqualTo(1.0);
      assertThat(RecallAtK.measure(exact, exact, queries, 2, row -> false).mean()).isEqualTo(1.0);
      assertThatThrownBy(() -> RecallAtK.measure(exact, exact, queries, 0)).hasMessage("k must be > 0 (got 0)");
    }
  }
}
