package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SamplingPipelineTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType playlist = sb.node("playlist");
  private final NodeType track = sb.node("track");
  private final EdgeType contains = sb.edge(playlist, "contains", track);
  private final GraphSchema schema = sb.build();

  private HeteroGraph graph() {
    SplittableRandom r = new SplittableRandom(5);
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    for (int i = 0; i < 30; i++) {
      b.addNode(playlist, "p" + i);
    }
    for (int i = 0; i < 100; i++) {
      b.addNode(track, "t" + i);
    }
    for (int e = 0; e < 500; e++) {
      b.addEdge(contains, r.nextInt(30), r.nextInt(100));
    }
    return b.build();
  }

  private static int[] range(int n) {
    int[] a = new int[n];
    Arrays.setAll(a, i -> i);
    return a;
  }

  private static <T> List<SampledBatch<T>> drain(SamplingPipeline<T> pipeline) {
    List<SampledBatch<T>> batches = new ArrayList<>();
    for (SampledBatch<T> b = pipeline.next(); b != null; b = pipeline.next()) {
      batches.add(b);
    }
    return batches;
  }

  @Test
  void oneAndThreeThreadsDeliverTheSameBatchesInOrder() {
    NeighborSampler sampler = new NeighborSampler(graph(), NeighborSamplerConfig.of("contains:3;contains:2", 4));
    List<SampledBatch<SampledBlocks>> single = assertTimeoutPreemptively(GENEROUS, () -> {
      try (SamplingPipeline<SampledBlocks> p = SamplingPipeline.neighbors(sampler, track, range(100), 2,
          new SamplingPipelineConfig(7, 1, 1, true, false, 99))) {
        return drain(p);
      }
    });
    List<SampledBatch<SampledBlocks>> three = assertTimeoutPreemptively(GENEROUS, () -> {
      try (SamplingPipeline<SampledBlocks> p = SamplingPipeline.neighbors(sampler, track, range(100), 2,
          SamplingPipelineConfig.of(7, 3, 99))) {
        assertThat(p.batchCount()).isEqualTo(15);
        List<SampledBatch<SampledBlocks>> all = drain(p);
        assertThat(p.hasNext()).isFalse();
        return all;
      }
    });

    assertThat(three).isEqualTo(single);
    assertThat(three).extracting(SampledBatch::index).containsExactlyElementsOf(
        Arrays.stream(range(15)).boxed().toList());
    assertThat(three.get(14).seeds()).hasSize(2);
    int[] visited = three.stream().flatMapToInt(b -> Arrays.stream(b.seeds())).sorted().toArray();
    assertThat(visited).isEqualTo(range(100));
    assertThat(three.stream().flatMapToInt(b -> Arrays.stream(b.seeds())).limit(10).toArray())
        .as("shuffled").isNotEqualTo(range(10));
    SampledBatch<SampledBlocks> b5 = three.get(5);
    assertThat(b5.batchSeed()).isEqualTo(SamplingPipeline.batchSeed(99, 2, 5));
    assertThat(b5.sample()).isEqualTo(sampler.sample(track, b5.seeds(), b5.batchSeed()));
    assertThat(b5.sample().globalIds(track)).startsWith(b5.seeds());
  }

  @Test
  void epochsShuffleDifferentlyAndDropLastSkipsTheShortBatch() {
    int[] e0 = SamplingPipeline.epochOrder(range(50), 7, 0, true);
    int[] e1 = SamplingPipeline.epochOrder(range(50), 7, 1, true);
    assertThat(e0).isNotEqualTo(e1).isEqualTo(SamplingPipeline.epochOrder(range(50), 7, 0, true));
    assertThat(SamplingPipeline.epochOrder(range(5), 7, 0, false)).containsExactly(0, 1, 2, 3, 4);
    assertThat(SamplingPipeline.batchSeed(7, 0, 1)).isNotEqualTo(SamplingPipeline.batchSeed(7, 1, 0));

    List<SampledBatch<Integer>> batches = assertTimeoutPreemptively(GENEROUS, () -> {
      try (SamplingPipeline<Integer> p = SamplingPipeline.start((seeds, seed) -> seeds.length, range(10), 0,
          new SamplingPipelineConfig(4, 2, 2, false, true, 1))) {
        return drain(p);
      }
    });
    assertThat(batches).extracting(SampledBatch::sample).containsExactly(4, 4);
    assertThat(batches.get(1).seeds()).containsExactly(4, 5, 6, 7);
  }

  @Test
  void workerFailureSurfacesAfterTheEarlierBatches() {
    assertTimeoutPreemptively(GENEROUS, () -> {
      try (SamplingPipeline<Integer> p = SamplingPipeline.start((seeds, seed) -> {
        if (seeds[0] == 6) {
          throw new IllegalStateException("feature row missing for 6");
        }
        return seeds[0];
      }, range(20), 0, new SamplingPipelineConfig(2, 3, 3, false, false, 1))) {
        assertThat(p.next().sample()).isEqualTo(0);
        assertThat(p.next().sample()).isEqualTo(2);
        assertThat(p.next().sample()).isEqualTo(4);
        assertThatThrownBy(p::next)
            .isInstanceOf(SamplingPipeline.BatchFailedException.class)
            .hasMessageContaining("batch 3 of epoch 0 failed")
            .hasRootCauseMessage("feature row missing for 6");
        assertThatThrownBy(p::next).isInstanceOf(SamplingPipeline.BatchFailedException.class);
      }
    });
  }

  @Test
  void closingEarlyStopsTheWorkers() {
    AtomicInteger calls = new AtomicInteger();
    assertTimeoutPreemptively(GENEROUS, () -> {
      SamplingPipeline<Integer> p = SamplingPipeline.start((seeds, seed) -> {
        calls.incrementAndGet();
        return seeds[0];
      }, range(10_000), 0, new SamplingPipelineConfig(1, 2, 4, false, false, 1));
      assertThat(p.next().sample()).isEqualTo(0);
      assertThat(p.next().sample()).isEqualTo(1);
      p.close();
      int afterClose = calls.get();
      assertThat(afterClose).isLessThanOrEqualTo(2 + 4 + 2);
      assertThat(p.next()).isNull();
      assertThat(p.hasNext()).isFalse();
      Thread.sleep(100);
      assertThat(calls.get()).isEqualTo(afterClose);
      p.close();
    });
  }

  @Test
  void closeFromAnotherThreadReleasesAWaitingConsumer() {
    CountDownLatch never = new CountDownLatch(1);
    assertTimeoutPreemptively(GENEROUS, () -> {
      SamplingPipeline<Integer> p = SamplingPipeline.start((seeds, seed) -> {
        try {
          never.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException("stopped", e);
        }
        return 0;
      }, range(4), 0, new SamplingPipelineConfig(1, 2, 2, false, false, 1));
      AtomicReference<Object> got = new AtomicReference<>("unset");
      Thread consumer = new Thread(() -> got.set(p.next()));
      consumer.start();
      Thread.sleep(100);
      p.close();
      consumer.join();
      assertThat(got.get()).isNull();
    });
  }

  @Test
  void badSettingsAreRefusedQuotingThem() {
    assertThatThrownBy(() -> new SamplingPipelineConfig(0, 1, 1, true, false, 1))
        .hasMessageContaining("batch size must be > 0 (got 0)");
    assertThatThrownBy(() -> new SamplingPipelineConfig(5, -2, 1, true, false, 1))
        .hasMessageContaining("threads must be > 0 (got -2)");
    assertThatThrownBy(() -> new SamplingPipelineConfig(5, 1, 0, true, false, 1))
        .hasMessageContaining("prefetch must be > 0 (got 0)");
    NeighborSampler sampler = new NeighborSampler(graph(), NeighborSamplerConfig.of("contains:3", 4));
    assertThatThrownBy(() -> SamplingPipeline.neighbors(sampler, track, new int[] {3, 100}, 0,
        SamplingPipelineConfig.of(2, 1, 1)))
        .hasMessageContaining("seed 100 at position 1 is outside [0, 100) for node type 'track'");
  }
}
