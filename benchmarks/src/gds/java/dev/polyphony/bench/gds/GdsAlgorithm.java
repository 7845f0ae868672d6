package dev.polyphony.bench.gds;

/** The GDS node embedding algorithms compared with Polyphony. */
public enum GdsAlgorithm {
  /** Fast Random Projection (Chen et al., CIKM 2019), with the node features as a share of the dimensions. */
  FASTRP("GDS FastRP"),
  /** GraphSAGE (Hamilton et al., NeurIPS 2017), mean aggregator, GDS's unsupervised random-walk loss. */
  GRAPHSAGE("GDS GraphSAGE"),
  /** Node2Vec (Grover and Leskovec, KDD 2016): skip-gram over random walks, structure only. */
  NODE2VEC("GDS Node2Vec");

  private final String label;

  GdsAlgorithm(String label) {
    this.label = label;
  }

  /** The name shown in tables. */
  public String label() {
    return label;
  }
}
