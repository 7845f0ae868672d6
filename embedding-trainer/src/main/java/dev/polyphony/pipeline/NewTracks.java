package dev.polyphony.pipeline;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Tracks held out of training altogether to stand for tracks released after the model was trained: the training
 * graph has neither them nor any edge touching them, so the model has no learned vector for them and embeds them
 * inductively, from their features and neighbours in the full graph (Hamilton, Ying and Leskovec, NeurIPS 2017).
 *
 * @param type the node type held out (the job's track type)
 * @param heldOut the held-out nodes of {@code type} in the full graph, as a set of dense ids
 */
record NewTracks(NodeType type, BitSet heldOut) {
  /**
   * A seeded draw of {@code round(share * n)} of the {@code n} nodes of {@code type} (a partial Fisher-Yates
   * shuffle), none when {@code share} is 0.
   */
  static NewTracks draw(HeteroGraph graph, NodeType type, double share, long seed) {
    int n = graph.nodeCount(type);
    int count = (int) Math.round(share * n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    BitSet chosen = new BitSet(n);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      chosen.set(order[i]);
    }
    return new NewTracks(type, chosen);
  }

  int count() {
    return heldOut.cardinality();
  }

  /** External ids of the held-out nodes, ascending by dense id. */
  List<String> ids(HeteroGraph graph) {
    IdMap ids = graph.ids(type);
    List<String> out = new ArrayList<>(count());
    for (int v = heldOut.nextSetBit(0); v >= 0; v = heldOut.nextSetBit(v + 1)) {
      out.add(ids.externalId(v));
    }
    return out;
  }

  /**
   * {@code graph} without the held-out nodes and their edges: the same schema, feature columns and attribute
   * columns; the other nodes keep their order, features, attributes, edge weights and timestamps.
   */
  HeteroGraph trainingGraph(HeteroGraph graph, ProgressTracker progress) {
    if (heldOut.isEmpty()) {
      return graph;
    }
    progress.begin("hold out " + count() + " new " + type + " nodes", -1);
    HeteroGraphBuilder b = new HeteroGraphBuilder(graph.schema());
    List<NodeType> types = graph.schema().nodeTypes();
    int[][] newIndex = new int[types.size()][];
    for (NodeType t : types) {
      int ti = graph.schema().indexOf(t);
      IdMap ids = graph.ids(t);
      newIndex[ti] = new int[ids.size()];
      Optional<NodeFeatures> features = graph.features(t);
      features.ifPresent(f -> b.declareFeatures(t, f.columns()));
      List<AttributeColumn> columns = graph.attributes(t).columns();
      List<AttributeColumn.Builder> builders = new ArrayList<>();
      for (AttributeColumn col : columns) {
        builders.add(b.attribute(t, col.name(), col.kind()));
      }
      for (int v = 0; v < ids.size(); v++) {
        if (t.equals(type) && heldOut.get(v)) {
          newIndex[ti][v] = -1;
          continue;
        }
        int nv = b.addNode(t, ids.externalId(v));
        newIndex[ti][v] = nv;
        if (features.isPresent()) {
          b.setFeatures(t, nv, features.get().row(v));
        }
        for (int c = 0; c < columns.size(); c++) {
          if (columns.get(c).isPresent(v)) {
            builders.get(c).set(nv, columns.get(c).get(v));
          }
        }
      }
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      CsrAdjacency out = graph.out(e);
      if (out.hasWeights()) {
        b.declareWeights(e);
      }
      if (out.hasTimestamps()) {
        b.declareTimestamps(e);
      }
      int[] srcIndex = newIndex[graph.schema().indexOf(e.src())];
      int[] dstIndex = newIndex[graph.schema().indexOf(e.dst())];
      for (int u = 0; u < out.rowCount(); u++) {
        int nu = srcIndex[u];
        if (nu < 0) {
          continue;
        }
        for (int pos = out.start(u); pos < out.end(u); pos++) {
          int nv = dstIndex[out.target(pos)];
          if (nv < 0) {
            continue;
          }
          if (out.hasTimestamps()) {
            b.addEdge(e, nu, nv, out.weight(pos), out.timestamp(pos));
          } else if (out.hasWeights()) {
            b.addEdge(e, nu, nv, out.weight(pos));
          } else {
            b.addEdge(e, nu, nv);
          }
        }
      }
    }
    HeteroGraph training = b.build(ProgressTracker.NONE);
    progress.end();
    return training;
  }
}
