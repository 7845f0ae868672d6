package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryThroughputTest {
  private static final ThroughputConfig SHORT = new ThroughputConfig(5, 20);
  private static final float[][] QUERIES = {{1}, {2}, {3}, {4}};

  @Test
  void countsQueriesFromEveryWorkerAndGivesAPositiveRate() {
    AtomicLong calls = new AtomicLong();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    double rate = QueryThroughput.rate(QUERIES, q -> {
      calls.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      return q.length;
    }, 3, SHORT);
    assertThat(rate).isPositive();
    assertThat(calls.get()).isPositive();
    assertThat(threads).hasSize(3);
  }

  @Test
  void aSearchSlowerThanTheMeasuredPhaseStillGetsARate() {
    QueryRates rates = QueryThroughput.measure(QUERIES, q -> {
      try {
        Thread.sleep(40);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 1;
    }, 2, new ThroughputConfig(0, 1));
    assertThat(rates.oneThread()).isPositive().isLessThan(1_000 / 40.0 * 1.01);
    assertThat(rates.allThreads()).isPositive();
    assertThat(rates.threads()).isEqualTo(2);
  }

  @Test
  void aFailingSearchFailsTheMeasurement() {
    assertThatThrownBy(() -> QueryThroughput.rate(QUERIES, q -> {
      throw new IllegalStateException("index is closed");
    }, 2, SHORT)).hasMessage("index is closed");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> QueryThroughput.rate(new float[0][], q -> 1, 1, SHORT))
        .hasMessage("queries must not be empty");
    assertThatThrownBy(() -> QueryThroughput.rate(QUERIES, q -> 1, 0, SHORT)).hasMessage("threads must be > 0 (got 0)");
    assertThatThrownBy(() -> new ThroughputConfig(-1, 10)).hasMessage("warmupMillis must be >= 0 (got -1)");
    assertThatThrownBy(() -> new ThroughputConfig(0, 0)).hasMessage("measureMillis must be > 0 (got 0)");
  }
}
