package dev.polyphony.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j 5 server running in this JVM with Bolt open on 127.0.0.1 only. Callers talk to it through the
 * driver at {@link #boltUri()}, exactly as to a remote server. Authentication is off: the port is bound
 * to the loopback interface, so only processes of this machine can reach it, and only while it runs.
 * The store persists in the home directory across runs. The import's server-side procedures
 * ({@link ImportProcedures}) are registered at start.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final EmbeddedNeo4jConfig config;
  private final DatabaseManagementService service;
  private final URI boltUri;

  private EmbeddedNeo4j(EmbeddedNeo4jConfig config, DatabaseManagementService service, URI boltUri) {
    this.config = config;
    this.service = service;
    this.boltUri = boltUri;
  }

  /**
   * Starts the server and waits until Bolt accepts connections.
   *
   * @throws Neo4jConnectionException when the server does not start (for example the port is taken or
   *     the home directory is not writable or is locked by another running server)
   */
  public static EmbeddedNeo4j start(EmbeddedNeo4jConfig config) {
    Objects.requireNonNull(config, "config");
    Path home = config.homeDirectory().toAbsolutePath().normalize();
    DatabaseManagementService service;
    try {
      service = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, config.boltPort()))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(HttpConnector.enabled, false)
          .setConfig(HttpsConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCacheBytes())
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
          .build();
    } catch (RuntimeException e) {
      throw new Neo4jConnectionException("cannot start the embedded Neo4j in " + home + ": " + rootMessage(e), e);
    }
    try {
      GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      HostnamePort bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
          .getLocalAddress(ConnectorType.BOLT);
      if (bolt == null) {
        throw new IllegalStateException("Bolt connector did not register an address");
      }
      db.getDependencyResolver().resolveDependency(GlobalProcedures.class)
          .registerProcedure(ImportProcedures.class);
      URI uri = URI.create("bolt://" + LOOPBACK + ":" + bolt.getPort());
      return new EmbeddedNeo4j(new EmbeddedNeo4jConfig(home, bolt.getPort(), config.pageCacheBytes()),
          service, uri);
    } catch (RuntimeException | ProcedureException e) {
      service.shutdown();
      throw new Neo4jConnectionException("the embedded Neo4j in " + home + " did not come up: "
          + rootMessage(e), e);
    }
  }

  /** The Bolt address, {@code bolt://127.0.0.1:PORT}. */
  public URI boltUri() {
    return boltUri;
  }

  /** The configuration in force: absolute home directory and the port actually bound. */
  public EmbeddedNeo4jConfig config() {
    return config;
  }

  /** Stops the server; committed data stays in the home directory. */
  @Override
  public void close() {
    service.shutdown();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
