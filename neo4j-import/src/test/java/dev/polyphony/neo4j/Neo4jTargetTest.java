package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Connection handling against a Neo4j that requires a password: one in-process server with
 * authentication on, on a fixed free port.
 */
class Neo4jTargetTest {
  private static final String SECRET = "not-the-password-42";

  @TempDir
  static Path home;
  static DatabaseManagementService secured;
  static URI uri;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    secured = new DatabaseManagementServiceBuilder(home.resolve("secured"))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20)
        .build();
    uri = URI.create("bolt://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() {
    secured.shutdown();
  }

  @Test
  void wrongPasswordFailsNamingUserAndSourceButNotThePassword() {
    Neo4jConnection c = new Neo4jConnection(uri, "neo4j",
        new PasswordSource.Environment("NEO4J_PASSWORD", Map.of("NEO4J_PASSWORD", SECRET)::get), null, null);

    assertThatThrownBy(() -> Neo4jTarget.open(c))
        .isInstanceOf(Neo4jConnectionException.class)
        .hasMessageContaining("Neo4j at " + uri + " rejected the credentials of user 'neo4j'")
        .hasMessageContaining("environment variable NEO4J_PASSWORD")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void unreachableServerFailsNamingTheAddress() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    URI nowhere = URI.create("bolt://127.0.0.1:" + closedPort);
    Neo4jConnection c = Neo4jConnection.remote(nowhere, "neo4j", PasswordSource.file(writePassword("x\n")));

    assertThatThrownBy(() -> Neo4jTarget.open(c))
        .isInstanceOf(Neo4jConnectionException.class)
        .hasMessageStartingWith("cannot reach Neo4j at " + nowhere);
  }

  @Test
  void missingPasswordVariableFailsBeforeConnecting() {
    Neo4jConnection c = new Neo4jConnection(uri, "neo4j",
        new PasswordSource.Environment("POLYPHONY_TEST_UNSET", name -> null), null, null);
    assertThatThrownBy(() -> Neo4jTarget.open(c))
        .isInstanceOf(Neo4jConnectionException.class)
        .hasMessage("the Neo4j password variable POLYPHONY_TEST_UNSET is not set");
  }

  @Test
  void passwordFileLosesOnlyItsTrailingLineBreak() throws IOException {
    assertThat(PasswordSource.file(writePassword("s3cret \r\n")).read()).isEqualTo("s3cret ");
    assertThat(PasswordSource.file(writePassword("s3cret")).read()).isEqualTo("s3cret");
    Path missing = home.resolve("absent.txt");
    assertThatThrownBy(() -> PasswordSource.file(missing).read())
        .hasMessageStartingWith("cannot read the Neo4j password file " + missing);
    assertThatThrownBy(() -> PasswordSource.file(writePassword("\n")).read()).hasMessageEndingWith("is empty");
  }

  @Test
  void connectionSettingsAreValidatedAndPrintWithoutSecrets() {
    PasswordSource source = PasswordSource.environment("NEO4J_PASSWORD");
    Neo4jConnection c = Neo4jConnection.remote(URI.create("neo4j+s://db.example:7687"), "analyst", source);
    assertThat(c.toString()).doesNotContain(SECRET).contains("environment variable NEO4J_PASSWORD");
    assertThat(c.describe()).isEqualTo("analyst at neo4j+s://db.example:7687");
    assertThatThrownBy(() -> Neo4jConnection.remote(URI.create("http://h:7474"), "a", source))
        .hasMessageContaining("(got 'http://h:7474')");
    assertThatThrownBy(() -> Neo4jConnection.remote(URI.create("bolt://u:pw@h:7687"), "a", source))
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> Neo4jConnection.remote(URI.create("bolt://h:7687"), " ", source))
        .hasMessage("a Neo4j user is needed with a uri (got ' ')");
    assertThatThrownBy(() -> new EmbeddedNeo4jConfig(home, 70_000, 1L << 30))
        .hasMessage("boltPort must be in [0, 65535] (got 70000)");
  }

  @Test
  void embeddedServerAnswersOverBoltAndKeepsItsDataAcrossRestarts() {
    Path store = home.resolve("embedded");
    try (Neo4jTarget target = Neo4jTestDatabase.open(store)) {
      assertThat(target.isEmbedded()).isTrue();
      assertThat(target.uri().getScheme()).isEqualTo("bolt");
      assertThat(target.uri().getHost()).isEqualTo("127.0.0.1");
      try (var s = target.session()) {
        s.run("CREATE (:Probe {id: 'kept'})").consume();
      }
    }
    assertThat(Files.isDirectory(store.resolve("data"))).isTrue();
    try (Neo4jTarget target = Neo4jTestDatabase.open(store)) {
      assertThat(Neo4jTestDatabase.count(target, "MATCH (p:Probe {id: 'kept'}) RETURN count(p)")).isEqualTo(1);
    }
  }

  private static Path writePassword(String text) throws IOException {
    Path f = Files.createTempFile(home, "password", ".txt");
    Files.writeString(f, text);
    return f;
  }
}
