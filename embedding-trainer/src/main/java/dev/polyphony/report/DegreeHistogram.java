package dev.polyphony.report;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The degree distribution of one relation seen from one side, in logarithmic bins: bin {@code b} holds
 * the nodes of degree {@code [2^b, 2^(b+1) - 1]} (1, 2-3, 4-7, 8-15, ...), from degree 1 up to the bin of
 * the largest degree, empty bins included. Nodes of degree 0 have no place on a log axis and are counted
 * in {@link #isolated()} instead.
 *
 * @param relation the relation's name
 * @param direction {@value #OUT} (degrees of the relation's source nodes) or {@value #IN} (of its targets)
 * @param nodeType the type of the counted nodes
 * @param nodes nodes counted, isolated ones included; >= 0
 * @param isolated nodes of degree 0; in [0, nodes]
 * @param maxDegree the largest degree; 0 without edges
 * @param bins the logarithmic bins, ascending; their node counts sum to {@code nodes - isolated}
 */
public record DegreeHistogram(String relation, String direction, String nodeType, int nodes, int isolated,
    int maxDegree, List<Bin> bins) {
  public static final String OUT = "out";
  public static final String IN = "in";

  /**
   * Nodes whose degree lies in {@code [minDegree, maxDegree]}.
   *
   * @param minDegree >= 1
   * @param maxDegree >= minDegree
   * @param nodes >= 0
   */
  public record Bin(int minDegree, int maxDegree, int nodes) {
    public Bin {
      if (minDegree < 1 || maxDegree < minDegree) {
        throw new IllegalArgumentException("need 1 <= minDegree <= maxDegree (got " + minDegree + ", " + maxDegree
            + ")");
      }
      if (nodes < 0) {
        throw new IllegalArgumentException("nodes must be >= 0 (got " + nodes + ")");
      }
    }

    /** Nodes per degree value of the bin: {@code nodes / (maxDegree - minDegree + 1)}. */
    public double nodesPerDegree() {
      return (double) nodes / (maxDegree - minDegree + 1);
    }
  }

  public DegreeHistogram {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(nodeType, "nodeType");
    if (!OUT.equals(direction) && !IN.equals(direction)) {
      throw new IllegalArgumentException("direction must be '" + OUT + "' or '" + IN + "' (got '" + direction
          + "')");
    }
    bins = List.copyOf(bins);
    if (isolated < 0 || isolated > nodes) {
      throw new IllegalArgumentException("isolated must be in [0, " + nodes + "] (got " + isolated + ")");
    }
    long binned = 0;
    for (Bin b : bins) {
      binned += b.nodes();
    }
    if (binned != nodes - isolated) {
      throw new IllegalArgumentException("bins hold " + binned + " nodes, expected " + (nodes - isolated));
    }
  }

  /** The histograms of every relation of {@code graph}, in schema order, {@value #OUT} before {@value #IN}. */
  public static List<DegreeHistogram> of(HeteroGraph graph) {
    List<DegreeHistogram> all = new ArrayList<>();
    for (EdgeType e : graph.schema().edgeTypes()) {
      all.add(of(e.relation(), OUT, e.src().name(), graph.out(e)));
      all.add(of(e.relation(), IN, e.dst().name(), graph.in(e)));
    }
    return all;
  }

  /** The histogram of the row degrees of {@code adjacency}. */
  public static DegreeHistogram of(String relation, String direction, String nodeType, CsrAdjacency adjacency) {
    int[] degrees = new int[adjacency.rowCount()];
    for (int u = 0; u < degrees.length; u++) {
      degrees[u] = adjacency.degree(u);
    }
    return of(relation, direction, nodeType, degrees);
  }

  /** The histogram of {@code degrees}, one non-negative degree per node. */
  public static DegreeHistogram of(String relation, String direction, String nodeType, int[] degrees) {
    int max = 0;
    int isolated = 0;
    for (int d : degrees) {
      if (d < 0) {
        throw new IllegalArgumentException("degrees must be >= 0 (got " + d + ")");
      }
      max = Math.max(max, d);
      isolated += d == 0 ? 1 : 0;
    }
    int binCount = max == 0 ? 0 : binOf(max) + 1;
    int[] counts = new int[binCount];
    for (int d : degrees) {
      if (d > 0) {
        counts[binOf(d)]++;
      }
    }
    List<Bin> bins = new ArrayList<>(binCount);
    for (int b = 0; b < binCount; b++) {
      long upper = (1L << (b + 1)) - 1;
      bins.add(new Bin(1 << b, (int) Math.min(Integer.MAX_VALUE, upper), counts[b]));
    }
    return new DegreeHistogram(relation, direction, nodeType, degrees.length, isolated, max, bins);
  }

  /** The bin of a degree >= 1: {@code floor(log2(degree))}. */
  static int binOf(int degree) {
    return 31 - Integer.numberOfLeadingZeros(degree);
  }

  /** The series name: relation, direction and node type, such as {@code contains (in: track)}. */
  public String label() {
    return relation + " (" + direction + ": " + nodeType + ")";
  }
}
