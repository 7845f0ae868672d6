package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.GenericSchemaFile.Delimiter;
import dev.polyphony.graph.io.GenericSchemaFile.TimestampFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericSchemaFileTest {
  @TempDir
  Path dir;

  @Test
  void loadsTheCoraExampleWithDefaults() throws IOException {
    GenericSchemaFile schema = GenericSchemaFile.load(Path.of("..", "docs", "examples", "cora-schema.yaml"));

    assertThat(schema.nodes()).hasSize(2);
    GenericSchemaFile.NodeSource labels = schema.nodes().get(0);
    assertThat(labels.file().delimiter()).isEqualTo(Delimiter.TAB);
    assertThat(labels.file().header()).isTrue();
    assertThat(labels.file().encoding()).isEqualTo("UTF-8");
    assertThat(labels.attributes()).extracting(GenericSchemaFile.AttributeSource::kind)
        .containsExactly(AttributeKind.INT, AttributeKind.STRING);
    GenericSchemaFile.NodeSource words = schema.nodes().get(1);
    assertThat(words.file().columns()).containsExactly("node", "words");
    assertThat(words.file().comment()).isEqualTo("#");
    assertThat(words.featureNames()).hasSize(1_433).startsWith("words_0", "words_1");
    assertThat(schema.edges().get(0).undirected()).isTrue();
    NodeType paper = new NodeType("paper");
    assertThat(schema.graphSchema()).isEqualTo(
        new GraphSchema(List.of(paper), List.of(new EdgeType(paper, "cites", paper))));
  }

  @Test
  void theDocumentedFullExampleIsValid() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "input-formats", "generic-schema.md"));
    int start = doc.indexOf("```yaml\n", doc.indexOf("## A full example")) + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    GenericSchemaFile schema = GenericSchemaFile.load(write("example.yaml", example));

    assertThat(schema.graphSchema().nodeTypes()).extracting(NodeType::name).containsExactly("paper", "author");
    assertThat(schema.graphSchema().edgeTypes()).extracting(EdgeType::relation).containsExactly("cites", "wrote");
    assertThat(schema.nodes().get(0).featureNames()).containsExactly("year_norm", "pages_norm");
    assertThat(schema.nodes().get(0).attributes().get(3).name()).isEqualTo("published_on");
    assertThat(schema.edges().get(1).timestampFormat()).isEqualTo(TimestampFormat.ISO_DATE);
  }

  @Test
  void jsonAndYamlDescribeTheSameSchema() throws IOException {
    GenericSchemaFile yaml = GenericSchemaFile.load(write("s.yml", """
        edges:
          - relation: played
            file: {path: plays.csv, delimiter: COMMA}
            src: {type: user, column: u}
            dst: {type: track, column: t}
            timestamp: at
        """));
    GenericSchemaFile json = GenericSchemaFile.load(write("s.json", """
        {"edges": [{"relation": "played", "file": {"path": "plays.csv", "delimiter": "comma"},
          "src": {"type": "user", "column": "u"}, "dst": {"type": "track", "column": "t"},
          "timestamp": "at"}]}
        """));
    assertThat(json).isEqualTo(yaml);
    assertThat(json.edges().get(0).timestampFormat()).isEqualTo(TimestampFormat.EPOCH_MILLIS);
    assertThat(json.edges().get(0).undirected()).isFalse();
    assertThat(json.graphSchema().nodeTypes()).extracting(NodeType::name).containsExactly("user", "track");
  }

  @Test
  void aBadValueIsReportedWithFileLineAndKey() throws IOException {
    Path file = write("schema.yaml", """
        nodes:
          - type: paper
            file: {path: a.tsv}
            id: node
          - type: paper
            file: {path: b.tsv, header: false, columns: [node, words]}
            id: node
            sparseFeatures: {column: words, dimension: 0}
        """);
    assertThatThrownBy(() -> GenericSchemaFile.load(file))
        .isInstanceOf(IngestException.class)
        .hasMessage("schema file " + file + " (line 8): nodes[1].sparseFeatures: 'dimension' must be > 0 (got 0)");
  }

  @Test
  void schemaErrorsNameTheBadKey() throws IOException {
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv, delimeter: tab}, id: id}\n"))
        .endsWith("nodes[0].file.delimeter: unknown key 'delimeter' (known: "
            + "[columns, comment, delimiter, encoding, header, path])");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv, delimiter: semicolon}, id: id}\n"))
        .endsWith("nodes[0].file.delimiter: 'semicolon' is not one of [tab, comma]");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv}}\n"))
        .endsWith("nodes[0]: 'id' is required");
    assertThat(error("nodes:\n  - {type: 1n, file: {path: a.tsv}, id: id}\n"))
        .endsWith("nodes[0]: 'type': node type name must be a letter followed by letters, digits or '_' (got '1n')");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv, header: false}, id: id}\n"))
        .endsWith("nodes[0].file: a file with 'header: false' needs 'columns' naming its columns");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv, columns: [id]}, id: id}\n"))
        .endsWith("nodes[0].file: 'columns' names the columns of a headerless file, but 'header' is true");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv, header: false, columns: [key]}, id: id}\n"))
        .endsWith("nodes[0]: 'id' names column 'id', which is not in 'columns' [key]");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv}, id: id, attributes: [{column: x, kind: text}]}\n"))
        .endsWith("nodes[0].attributes[0].kind: 'text' is not one of [int, float, string, date]");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv, encoding: klingon}, id: id}\n"))
        .endsWith("nodes[0].file: 'encoding' is not a known charset (got 'klingon')");
    assertThat(error("nodes: []\n"))
        .endsWith(": the schema declares neither 'nodes' nor 'edges'");
    assertThat(error("nodes:\n  - {type: n, file: {path: a.tsv}, id: id, attributes: [{column: x, kind: int}]}\n"
        + "  - {type: n, file: {path: b.tsv}, id: id, attributes: [{column: y, kind: int, name: x}]}\n"))
        .endsWith("nodes[1].attributes[0]: attribute 'x' of node type 'n' is already declared by nodes[0]");
    assertThat(error("""
        edges:
          - {relation: r, file: {path: a.tsv}, src: {type: a, column: x}, dst: {type: b, column: y}}
          - {relation: r, file: {path: b.tsv}, src: {type: a, column: x}, dst: {type: b, column: y}, weight: w}
        """))
        .endsWith("bad.yaml: edges[1]: relation 'r' is declared by edges[0] as (a)-[r]->(b) unweighted directed "
            + "but here as "
            + "(a)-[r]->(b) weighted directed; every file of a relation must agree");
    assertThat(error("edges:\n  - {relation: r, file: {path: a.tsv}, src: {type: a, column: x}, "
        + "dst: {type: b, column: y}, timestampFormat: iso_date}\n"))
        .endsWith("edges[0]: 'timestampFormat' is set but 'timestamp' names no column");
    assertThat(error("nodes:\n  - {type: n, type: m, file: {path: a.tsv}, id: id}\n"))
        .contains("(line 2): not valid YAML (Duplicate field 'type'");
    assertThat(error("nodes: [\n")).contains(": not valid YAML (");
    assertThat(error("")).endsWith(" is empty");
  }

  @Test
  void otherExtensionsAndMissingFilesAreRejected() throws IOException {
    Path txt = write("schema.txt", "nodes: []\n");
    assertThatThrownBy(() -> GenericSchemaFile.load(txt))
        .isInstanceOf(IngestException.class)
        .hasMessage("schema file " + txt + ": the name must end in .yaml, .yml or .json");
    Path absent = dir.resolve("absent.yaml");
    assertThatThrownBy(() -> GenericSchemaFile.load(absent))
        .isInstanceOf(IngestException.class)
        .hasMessage("schema file " + absent + " not found");
  }

  private String error(String yaml) throws IOException {
    Path file = write("bad.yaml", yaml);
    try {
      GenericSchemaFile.load(file);
    } catch (IngestException e) {
      assertThat(e.getMessage()).startsWith("schema file " + file);
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
