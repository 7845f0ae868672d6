package dev.polyphony.neo4j.cli;

import dev.polyphony.neo4j.EmbeddingWriteConfig;
import dev.polyphony.neo4j.Neo4jBridge;
import dev.polyphony.neo4j.Neo4jExplorer;
import dev.polyphony.neo4j.ResultTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony neo4j explore}: canned questions about an imported catalog, answered as tables. */
@Command(name = "explore", mixinStandardHelpOptions = true,
    description = "Answers common questions about an imported catalog. More queries are in docs/neo4j.md.",
    subcommands = {ExploreCommand.Summary.class, ExploreCommand.Neighbourhood.class,
        ExploreCommand.CoOccurring.class, ExploreCommand.Similar.class})
final class ExploreCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing question: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** Runs one question against the chosen Neo4j and prints its table. */
  abstract static class Question implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions neo4j;

    abstract Function<Neo4jExplorer, ResultTable> question();

    @Override
    public Integer call() {
      Function<Neo4jExplorer, ResultTable> question = question();
      ResultTable table = new Neo4jBridge(neo4j.connection(spec)).explore(question);
      PrintWriter out = spec.commandLine().getOut();
      out.print(table.format());
      if (table.rows().isEmpty()) {
        out.println("(no rows)");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "summary", mixinStandardHelpOptions = true,
      description = "Nodes per label and relationships per type.")
  static final class Summary extends Question {
    @Override
    Function<Neo4jExplorer, ResultTable> question() {
      return Neo4jExplorer::summary;
    }
  }

  @Command(name = "neighbourhood", mixinStandardHelpOptions = true,
      description = "A node's neighbours per relationship type and direction, with a sample of their ids.")
  static final class Neighbourhood extends Question {
    @Option(names = "--label", required = true, paramLabel = "LABEL", description = "Label of the node.")
    String label;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Id of the node.")
    String id;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "5",
        description = "Neighbour ids shown per row (default: ${DEFAULT-VALUE}).")
    int sample;

    @Override
    Function<Neo4jExplorer, ResultTable> question() {
      return e -> e.neighbourhood(label, id, sample);
    }
  }

  @Command(name = "co-occurring", mixinStandardHelpOptions = true,
      description = "Items most often in the same containers as an item: by default the tracks most often in "
          + "the same playlists as a track.")
  static final class CoOccurring extends Question {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Id of the item.")
    String id;

    @Option(names = "--item-label", paramLabel = "LABEL", defaultValue = "Track",
        description = "Label of the items (default: ${DEFAULT-VALUE}).")
    String itemLabel;

    @Option(names = "--container-label", paramLabel = "LABEL", defaultValue = "Playlist",
        description = "Label of the containers (default: ${DEFAULT-VALUE}).")
    String containerLabel;

    @Option(names = "--relationship", paramLabel = "TYPE", defaultValue = "CONTAINS",
        description = "Relationship from container to item (default: ${DEFAULT-VALUE}).")
    String relationship;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
        description = "Rows to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    Function<Neo4jExplorer, ResultTable> question() {
      return e -> e.coOccurring(containerLabel, relationship, itemLabel, id, limit);
    }
  }

  @Command(name = "similar", mixinStandardHelpOptions = true,
      description = "The nodes whose embeddings are nearest to a node's, through the vector index written by "
          + "write-embeddings.")
  static final class Similar extends Question {
    @Option(names = "--label", required = true, paramLabel = "LABEL", description = "Label of the node.")
    String label;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Id of the node.")
    String id;

    @Option(names = "--property", paramLabel = "NAME", defaultValue = EmbeddingWriteConfig.DEFAULT_PROPERTY,
        description = "Vector property (default: ${DEFAULT-VALUE}).")
    String property;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10",
        description = "Neighbours to show (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--candidates", paramLabel = "N",
        description = "Nodes the index searches for, at least K: more find more of the true nearest and take "
            + "longer (default: 10 x K).")
    Integer candidates;

    @Override
    Function<Neo4jExplorer, ResultTable> question() {
      return e -> e.similar(label, property, id, k, candidates != null ? candidates : 10 * k);
    }
  }
}
