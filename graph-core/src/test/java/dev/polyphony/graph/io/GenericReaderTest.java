package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericReaderTest {
  private static final Path CORA_SCHEMA = Path.of("..", "docs", "examples", "cora-schema.yaml");
  private static final long DAY = 86_400_000L;

  @TempDir
  Path dir;

  @Test
  void readsCoraWithTheExampleSchema() throws IOException {
    GenericReader reader = new GenericReader(CORA_SCHEMA);
    NodeType paper = reader.graphSchema().nodeType("paper");
    EdgeType cites = reader.graphSchema().edgeType("cites");
    RejectReport rejects = new RejectReport(0);

    IngestResult result = reader.read(Datasets.cora(), rejects);
    HeteroGraph g = result.graph();

    assertThat(g.nodeCount(paper)).isEqualTo(2_708);
    assertThat(g.edgeCount(cites)).isEqualTo(5_278);
    assertThat(result.mergedDuplicateEdges()).containsEntry(cites, 0);
    assertThat(rejects.total()).isZero();
    assertThat(result.rowsRead()).isEqualTo(2_708 + 2_708 + 5_278);

    NodeFeatures features = g.features(paper).orElseThrow();
    assertThat(features.dimension()).isEqualTo(1_433);
    assertThat(features.columns().get(1_432)).isEqualTo("words_1432");
    int node0 = g.ids(paper).indexOf("0");
    List<Integer> set = new ArrayList<>();
    for (int c = 0; c < features.dimension(); c++) {
      float v = features.get(node0, c);
      assertThat(v).isIn(0f, 1f);
      if (v == 1f) {
        set.add(c);
      }
    }
    assertThat(set).containsExactly(19, 81, 146, 315, 774, 877, 1194, 1247, 1274);

    AttributeColumn label = g.attributes(paper).column("label");
    AttributeColumn split = g.attributes(paper).column("split");
    TreeSet<Integer> labels = new TreeSet<>();
    Map<String, Integer> splits = new TreeMap<>();
    for (int n = 0; n < g.nodeCount(paper); n++) {
      labels.add(label.getInt(n));
      splits.merge(split.getString(n), 1, Integer::sum);
    }
    assertThat(labels).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(splits).isEqualTo(Map.of("train", 140, "val", 500, "test", 1_000, "other", 1_068));
    assertThat(label.getInt(node0)).isEqualTo(3);
    assertThat(split.getString(node0)).isEqualTo("train");

    int node633 = g.ids(paper).indexOf("633");
    assertThat(g.out(cites).contains(node0, node633)).isTrue();
    assertThat(g.in(cites).contains(node633, node0)).isTrue();
    assertThat(result.notes()).singleElement().asString().startsWith("relation 'cites' is undirected");
  }

  @Test
  void readsCommaSeparatedFilesWithHeadersQuotesAndTypedValues() throws IOException {
    write("people.csv", """
        id,name,score,born,height,weight_kg
        p1,"Smith, J.",0.5,1980-02-29,1.80,75
        p2,"say \"\"hi\"\"",-2e1,,1.65,60.5
        """);
    write("knows.csv", """
        a,b,strength,since
        p1,p2,2.5,2020-01-02
        p2,p1,1,2019-12-31
        """);
    Path schema = write("schema.yaml", """
        nodes:
          - type: person
            file: {path: people.csv, delimiter: comma}
            id: id
            features: [height, weight_kg]
            attributes:
              - {column: name, kind: string}
              - {column: score, kind: float}
              - {column: born, kind: date, name: birthday}
        edges:
          - relation: knows
            file: {path: knows.csv, delimiter: comma}
            src: {type: person, column: a}
            dst: {type: person, column: b}
            weight: strength
            timestamp: since
            timestampFormat: iso_date
        """);
    GenericReader reader = new GenericReader(schema);
    NodeType person = reader.graphSchema().nodeType("person");
    EdgeType knows = reader.graphSchema().edgeType("knows");

    HeteroGraph g = reader.read(dir, new RejectReport(0)).graph();

    assertThat(g.ids(person).externalIds()).containsExactly("p1", "p2");
    assertThat(g.attributes(person).column("name").getString(0)).isEqualTo("Smith, J.");
    assertThat(g.attributes(person).column("name").getString(1)).isEqualTo("say \"hi\"");
    assertThat(g.attributes(person).column("score").getFloat(1)).isEqualTo(-20f);
    assertThat(g.attributes(person).column("birthday").getDate(0)).isEqualTo(LocalDate.of(1980, 2, 29));
    assertThat(g.attributes(person).column("birthday").isNull(1)).isTrue();
    NodeFeatures f = g.features(person).orElseThrow();
    assertThat(f.columns()).containsExactly("height", "weight_kg");
    assertThat(f.row(1)).containsExactly(1.65f, 60.5f);
    CsrAdjacency out = g.out(knows);
    assertThat(out.neighbors(0)).containsExactly(1);
    assertThat(out.weight(out.start(0))).isEqualTo(2.5f);
    assertThat(out.timestamp(out.start(0))).isEqualTo(LocalDate.of(2020, 1, 2).toEpochDay() * DAY);
    assertThat(out.neighbors(1)).containsExactly(0);
    assertThat(out.timestamp(out.start(1))).isEqualTo(LocalDate.of(2019, 12, 31).toEpochDay() * DAY);
  }

  @Test
  void rejectsEachKindOfBadRowWithFileLineAndField() throws IOException {
    write("items.tsv", """
        # items: id, price, released, vector
        id\tprice\treleased\tvec
        a\t1.5\t2020-01-01\t0 2
        b\tcheap\t2020-01-01\t1
        c\tNaN\t2020-01-01\t1
        d\t2\t2020-13-01\t1
        e\t2\t2020-01-01\t4
        f\t2\t2020-01-01\tx
        \t2\t2020-01-01\t1
        g\t2
        a\t1.5\t2020-01-01\t0 2
        a\t1.6\t2020-01-01\t0 2
        a\t1.5\t2020-01-01\t0 3
        h\t3\t\t
        """);
    write("colors.tsv", """
        id\tcolor
        a\tred
        zz\tblue
        a\tred
        h\t"green"\tx
        """);
    write("bought.tsv", """
        user\titem\tqty\tat
        u1\ta\t2\t1000
        u1\tq\t1\t2000
        u2\th\t0\t3000
        u2\th\t1\tsoon
        u2\th\tInfinity\t4000
        u3\th\t1\t5000
        """);
    Path schema = write("schema.yaml", """
        nodes:
          - type: item
            file: {path: items.tsv, comment: "#"}
            id: id
            sparseFeatures: {column: vec, dimension: 4}
            attributes:
              - {column: price, kind: float}
              - {column: released, kind: date}
          - type: item
            file: {path: colors.tsv}
            id: id
            attributes:
              - {column: color, kind: string}
        edges:
          - relation: bought
            file: {path: bought.tsv}
            src: {type: user, column: user}
            dst: {type: item, column: item}
            weight: qty
            timestamp: at
        """);
    GenericReader reader = new GenericReader(schema);
    RejectReport rejects = new RejectReport(100);

    IngestResult result = reader.read(dir, rejects);

    assertThat(rejects.rejects()).containsExactly(
        new Reject("items.tsv", 4, "price", RejectReason.UNPARSABLE_NUMBER, "'cheap'"),
        new Reject("items.tsv", 5, "price", RejectReason.NON_FINITE_VALUE, "'NaN'"),
        new Reject("items.tsv", 6, "released", RejectReason.INVALID_DATE, "'2020-13-01' is not a yyyy-MM-dd date"),
        new Reject("items.tsv", 7, "vec", RejectReason.OUT_OF_RANGE, "index 4 outside 0..3"),
        new Reject("items.tsv", 8, "vec", RejectReason.UNPARSABLE_NUMBER, "'x' in the index list"),
        new Reject("items.tsv", 9, "id", RejectReason.MISSING_FIELD, "empty"),
        new Reject("items.tsv", 10, "released", RejectReason.MISSING_FIELD, "the row has 2 of 4 fields"),
        new Reject("items.tsv", 12, "price", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "item 'a' already has price=1.5 (got 1.6)"),
        new Reject("items.tsv", 13, "vec", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "item 'a' already has vec_2=1.0 (got 0.0)"),
        new Reject("colors.tsv", 3, "id", RejectReason.DANGLING_REFERENCE, "item 'zz' is not defined by items.tsv"),
        new Reject("colors.tsv", 5, "*", RejectReason.MALFORMED_ROW, "the row has 3 fields, expected 2"),
        new Reject("bought.tsv", 3, "item", RejectReason.DANGLING_REFERENCE, "item 'q' is not defined by items.tsv"),
        new Reject("bought.tsv", 4, "qty", RejectReason.OUT_OF_RANGE, "must be > 0 (got 0)"),
        new Reject("bought.tsv", 5, "at", RejectReason.UNPARSABLE_NUMBER, "'soon'"),
        new Reject("bought.tsv", 6, "qty", RejectReason.NON_FINITE_VALUE, "'Infinity'"));
    assertThat(result.notes()).containsExactly(
        "items.tsv: 1 exact duplicate node row(s) of 'item' merged",
        "colors.tsv: 1 exact duplicate node row(s) of 'item' merged");

    HeteroGraph g = result.graph();
    NodeType item = reader.graphSchema().nodeType("item");
    NodeType user = reader.graphSchema().nodeType("user");
    assertThat(g.ids(item).externalIds()).containsExactly("a", "h");
    assertThat(g.ids(user).externalIds()).containsExactly("u1", "u3");
    assertThat(g.features(item).orElseThrow().row(0)).containsExactly(1f, 0f, 1f, 0f);
    assertThat(g.features(item).orElseThrow().row(1)).containsExactly(0f, 0f, 0f, 0f);
    assertThat(g.attributes(item).column("released").isNull(1)).isTrue();
    assertThat(g.attributes(item).column("color").getString(0)).isEqualTo("red");
    assertThat(g.attributes(item).column("color").isNull(1)).isTrue();
    EdgeType bought = reader.graphSchema().edgeType("bought");
    assertThat(g.edgeCount(bought)).isEqualTo(2);
    assertThat(g.out(bought).timestamp(g.out(bought).start(1))).isEqualTo(5000L);
  }

  @Test
  void undirectedPairsListedInBothOrdersMergeAndKeepTheEarliestTimestamp() throws IOException {
    write("links.tsv", "x\ty\tw\tt\na\tb\t1\t300\nb\ta\t2\t100\nb\tc\t1\t200\n");
    Path schema = write("schema.json", """
        {"edges": [{"relation": "linked", "file": {"path": "links.tsv"},
          "src": {"type": "page", "column": "x"}, "dst": {"type": "page", "column": "y"},
          "weight": "w", "timestamp": "t", "undirected": true}]}
        """);
    GenericReader reader = new GenericReader(schema);
    EdgeType linked = reader.graphSchema().edgeType("linked");

    IngestResult result = reader.read(dir, new RejectReport(0));
    HeteroGraph g = result.graph();

    NodeType page = linked.src();
    int a = g.ids(page).indexOf("a");
    int b = g.ids(page).indexOf("b");
    int c = g.ids(page).indexOf("c");
    assertThat(g.edgeCount(linked)).isEqualTo(2);
    assertThat(result.mergedDuplicateEdges()).containsEntry(linked, 1);
    assertThat(g.out(linked).neighbors(a)).containsExactly(b);
    assertThat(g.out(linked).weight(g.out(linked).start(a))).isEqualTo(3f);
    assertThat(g.out(linked).timestamp(g.out(linked).start(a))).isEqualTo(100L);
    assertThat(g.out(linked).neighbors(b)).containsExactly(c);
    assertThat(g.in(linked).neighbors(b)).containsExactly(a);
  }

  @Test
  void directedRelationsKeepRowsAsGiven() throws IOException {
    write("links.tsv", "x\ty\na\tb\nb\ta\n");
    Path schema = write("schema.yaml", """
        edges:
          - relation: linked
            file: {path: links.tsv}
            src: {type: page, column: x}
            dst: {type: page, column: y}
        """);
    GenericReader reader = new GenericReader(schema);
    HeteroGraph g = reader.read(dir, new RejectReport(0)).graph();
    assertThat(g.edgeCount(reader.graphSchema().edgeType("linked"))).isEqualTo(2);
  }

  @Test
  void aNodeWithoutAFeatureRowFailsNamingTheSource() throws IOException {
    write("nodes.tsv", "id\nn1\nn2\n");
    write("features.tsv", "id\tf\nn1\t0.5\nn2\tbad\n");
    Path schema = write("schema.yaml", """
        nodes:
          - {type: n, file: {path: nodes.tsv}, id: id}
          - {type: n, file: {path: features.tsv}, id: id, features: [f]}
        """);
    RejectReport rejects = new RejectReport();
    assertThatThrownBy(() -> new GenericReader(schema).read(dir, rejects))
        .isInstanceOf(IngestException.class)
        .hasMessage("features.tsv: 1 node(s) of 'n' have no accepted feature row, e.g. 'n2' (see the reject report);"
            + " every node of a type with features needs one");
    assertThat(rejects.rejects()).containsExactly(
        new Reject("features.tsv", 3, "f", RejectReason.UNPARSABLE_NUMBER, "'bad'"));
  }

  @Test
  void aColumnMissingFromTheHeaderFailsNamingTheFile() throws IOException {
    write("nodes.tsv", "key\nn1\n");
    Path schema = write("schema.yaml", "nodes:\n  - {type: n, file: {path: nodes.tsv}, id: id}\n");
    assertThatThrownBy(() -> new GenericReader(schema).read(dir, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessage("nodes.tsv: no column 'id' (columns: [key])");
  }

  @Test
  void aMissingDataFileFailsNamingIt() throws IOException {
    Path schema = write("schema.yaml", "nodes:\n  - {type: n, file: {path: absent.tsv}, id: id}\n");
    assertThatThrownBy(() -> new GenericReader(schema).read(dir, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("absent.tsv: file not found");
  }

  @Test
  void pathsResolveAgainstTheGivenDirectory() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("nodes.tsv"), "id\nn1\nn2\n");
    Path schema = write("schema.yaml", "nodes:\n  - {type: n, file: {path: nodes.tsv}, id: id}\n");
    GenericReader reader = new GenericReader(schema);
    assertThat(reader.read(data, new RejectReport(0)).graph().nodeCount(reader.graphSchema().nodeType("n")))
        .isEqualTo(2);
    assertThatThrownBy(() -> reader.read(dir, new RejectReport()))
        .hasMessageStartingWith("nodes.tsv: file not found");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
