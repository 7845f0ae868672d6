package dev.polyphony.bench.gds;

import java.util.Optional;
import org.neo4j.configuration.Config;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.core.model.OpenModelCatalog;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.logging.Log;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.logging.internal.LogService;

/**
 * Registers the components GDS's procedures are injected with (the procedure facade, task and log
 * registries, the model catalog). The open-source GDS distribution ships this wiring in its plugin jar only;
 * the jars published for embedding lack it, so without this extension every {@code gds.*} call fails with
 * "no component registered". Found by Neo4j's {@code ServiceLoader} lookup of {@link ExtensionFactory}.
 * Models live in memory only (nothing is stored), and writes go through Neo4j's transactions.
 */
public final class GdsProceduresExtension extends ExtensionFactory<GdsProceduresExtension.Dependencies> {

  /** What Neo4j hands the extension. */
  public interface Dependencies {
    Config config();

    GlobalProcedures globalProcedures();

    LogService logService();
  }

  public GdsProceduresExtension() {
    super(ExtensionType.GLOBAL, "polyphony.gds.procedures");
  }

  @Override
  public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
    Log log = new LogAccessor().getLog(dependencies.logService(), getClass());
    var modelCatalog = new OpenModelCatalog();
    var built = OpenGraphDataScienceExtensionBuilder.create(log, dependencies.globalProcedures(),
        dependencies.config(), (database, configuration) -> new NativeExportBuildersProvider(),
        new DefaultExportLocation(log, dependencies.config()), new FeatureTogglesRepository(), Metrics.DISABLED,
        modelCatalog, model -> {
          throw new UnsupportedOperationException("models are kept in memory only");
        }, Optional.empty(), Optional.empty(), Optional.empty());
    return built.getLeft().build();
  }
}
