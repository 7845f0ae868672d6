package dev.polyphony.model;

/** How a layer joins a node's own vector with its aggregated neighbourhood. */
public enum Combination {
  /**
   * {@code [h_v W_self || agg W_neigh]}, each half of the layer's width (GraphSAGE's concatenation,
   * which keeps the node's own signal apart from its neighbours').
   */
  CONCAT,
  /** {@code h_v W_self + agg W_neigh} (PyG {@code SAGEConv}). */
  SUM
}
