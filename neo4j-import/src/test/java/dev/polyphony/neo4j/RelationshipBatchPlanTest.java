package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.CsrAdjacency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelationshipBatchPlanTest {
  /** Sources 0..2, targets 0..3: 0->{0,1,3}, 1->{2}, 2->{0,1,2,3}. */
  private static final CsrAdjacency OUT = CsrAdjacency.fromEdges(3, 4,
      new int[] {0, 0, 0, 1, 2, 2, 2, 2}, new int[] {0, 1, 3, 2, 0, 1, 2, 3}, null, null, 8).adjacency();

  @Test
  void singlePartitionCutsBatchesInAdjacencyOrder() {
    RelationshipBatchPlan plan = RelationshipBatchPlan.of(OUT, OUT.transpose(), false, 1);
    List<List<RelationshipBatchPlan.Block>> rounds = plan.rounds();
    assertThat(rounds).hasSize(1);
    RelationshipBatchPlan.Block block = rounds.get(0).get(0);
    assertThat(block).isEqualTo(new RelationshipBatchPlan.Block(0, 0, 0, 3, 0, 4));

    List<RelationshipBatchPlan.EdgeBatch> batches = list(plan.batches(block, 3));

    assertThat(batches).hasSize(3);
    assertThat(batches.get(0).sources()).containsExactly(0);
    assertThat(batches.get(0).edgeCount()).isEqualTo(3);
    assertThat(batches.get(1).sources()).containsExactly(1, 2);
    assertThat(batches.get(1).from()).containsExactly(3, 4);
    assertThat(batches.get(1).to()).containsExactly(4, 6);
    assertThat(batches.get(2).sources()).containsExactly(2);
    assertThat(batches.get(2).from()).containsExactly(6);
    assertThat(batches.get(2).to()).containsExactly(8);
    assertThat(batches).extracting(RelationshipBatchPlan.EdgeBatch::index).containsExactly(0, 1, 2);
  }

  @Test
  void blocksOfARoundShareNoSourceOrTargetRange() {
    RelationshipBatchPlan plan = RelationshipBatchPlan.of(OUT, OUT.transpose(), false, 2);
    for (List<RelationshipBatchPlan.Block> round : plan.rounds()) {
      assertThat(round).hasSize(2);
      RelationshipBatchPlan.Block a = round.get(0);
      RelationshipBatchPlan.Block b = round.get(1);
      assertThat(a.sourceTo() <= b.sourceFrom() || b.sourceTo() <= a.sourceFrom()).isTrue();
      assertThat(a.targetTo() <= b.targetFrom() || b.targetTo() <= a.targetFrom()).isTrue();
    }
  }

  @Test
  void everyEdgeLandsInExactlyOneBatchOfAtMostTheBatchSize() {
    SplittableRandom random = new SplittableRandom(11);
    int rows = 300;
    int targets = 500;
    int m = 5_000;
    int[] src = new int[m];
    int[] dst = new int[m];
    for (int i = 0; i < m; i++) {
      src[i] = (int) Math.min(rows - 1, Math.abs(random.nextGaussian()) * 60);
      dst[i] = random.nextInt(targets);
    }
    CsrAdjacency out = CsrAdjacency.fromEdges(rows, targets, src, dst, null, null, m).adjacency();
    for (int partitions : new int[] {1, 2, 3, 5}) {
      RelationshipBatchPlan plan = RelationshipBatchPlan.of(out, out.transpose(), false, partitions);
      Set<Integer> positions = new HashSet<>();
      long planned = 0;
      for (List<RelationshipBatchPlan.Block> round : plan.rounds()) {
        for (RelationshipBatchPlan.Block block : round) {
          planned += plan.edgeCount(block);
          for (RelationshipBatchPlan.EdgeBatch batch : list(plan.batches(block, 97))) {
            assertThat(batch.edgeCount()).isBetween(1, 97);
            int inBatch = 0;
            for (int g = 0; g < batch.groups(); g++) {
              int u = batch.sources()[g];
              assertThat(u).isBetween(block.sourceFrom(), block.sourceTo() - 1);
              for (int p = batch.from()[g]; p < batch.to()[g]; p++) {
                assertThat(p).isBetween(out.start(u), out.end(u) - 1);
                assertThat(out.target(p)).isBetween(block.targetFrom(), block.targetTo() - 1);
                assertThat(positions.add(p)).as("position %d twice", p).isTrue();
                inBatch++;
              }
            }
            assertThat(inBatch).isEqualTo(batch.edgeCount());
          }
        }
      }
      assertThat(positions).hasSize(out.edgeCount());
      assertThat(planned).isEqualTo(out.edgeCount());
    }
  }

  @Test
  void relationOnOneNodeTypeGetsASinglePartition() {
    assertThat(RelationshipBatchPlan.of(OUT, OUT.transpose(), true, 4).partitions()).isEqualTo(1);
    assertThat(RelationshipBatchPlan.of(OUT, OUT.transpose(), false, 4).partitions()).isEqualTo(4);
  }

  @Test
  void rejectsANonPositiveBatchSize() {
    RelationshipBatchPlan plan = RelationshipBatchPlan.of(OUT, OUT.transpose(), false, 1);
    assertThatThrownBy(() -> plan.batches(plan.rounds().get(0).get(0), 0))
        .hasMessage("batchSize must be > 0 (got 0)");
  }

  private static List<RelationshipBatchPlan.EdgeBatch> list(Iterator<RelationshipBatchPlan.EdgeBatch> it) {
    List<RelationshipBatchPlan.EdgeBatch> batches = new ArrayList<>();
    it.forEachRemaining(batches::add);
    return batches;
  }
}
