package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.Deployment;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import java.util.List;

/** What a computed deploy request says: the diff, lint errors and operations. */
record DeployFacts(
    List<TableDiff> diff, List<LintError> lintErrors, List<DeployOperation> operations) {

  static final DeployFacts NONE = new DeployFacts(List.of(), List.of(), List.of());

  /** Reads the diff and the deployment (from the request, or its own endpoint if absent). */
  static DeployFacts gather(PlanetScaleClient client, DatabaseRef db, DeployRequest dr) {
    List<TableDiff> diff = client.deployRequests().diff(db, dr.number());
    Deployment d = deployment(client, db, dr);
    return new DeployFacts(
        diff == null ? List.of() : diff,
        d == null ? List.of() : d.lintErrors(),
        d == null ? List.of() : d.deployOperations());
  }

  static Deployment deployment(PlanetScaleClient client, DatabaseRef db, DeployRequest dr) {
    return dr.deployment() != null
        ? dr.deployment()
        : client.deployRequests().deployment(db, dr.number());
  }

  boolean canDropData() {
    return operations.stream().anyMatch(DeployOperation::canDropData);
  }

  /** The operations that can drop data, e.g. "DROP on table old_logs: DROP TABLE `old_logs`". */
  List<String> dataLossOperations() {
    return operations.stream()
        .filter(DeployOperation::canDropData)
        .map(DeployFacts::describe)
        .toList();
  }

  /** The lint errors for a message, e.g. "NO_UNIQUE_KEY on table t: table t has no unique key". */
  List<String> lintDescriptions() {
    return lintErrors.stream()
        .map(
            l ->
                l.lintError()
                    + (l.tableName() == null || l.tableName().isEmpty()
                        ? ""
                        : " on table " + l.tableName())
                    + (l.errorDescription() == null ? "" : ": " + l.errorDescription()))
        .toList();
  }

  private static String describe(DeployOperation op) {
    String ddl = op.ddlStatement() == null ? "" : op.ddlStatement().strip();
    if (ddl.length() > 200) {
      ddl = ddl.substring(0, 197) + "...";
    }
    return (op.operationName() == null ? "change" : op.operationName())
        + " on table "
        + op.tableName()
        + (ddl.isEmpty() ? "" : ": " + ddl);
  }
}
