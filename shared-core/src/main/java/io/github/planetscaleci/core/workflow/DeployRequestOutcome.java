package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import java.util.List;

/**
 * What the deploy-request workflow saw and did; the input of every report.
 *
 * @param request the deploy request as last read
 * @param created true if this run opened the request (false: an open one was reused)
 * @param deployed true if the schema change reached the target
 * @param closed true if the workflow closed the request (after a preview or no changes)
 */
public record DeployRequestOutcome(
    DeployMode mode,
    DeployRequest request,
    boolean created,
    List<TableDiff> diff,
    List<LintError> lintErrors,
    List<DeployOperation> operations,
    boolean canDropData,
    DeploymentState finalState,
    boolean deployed,
    boolean closed) {
  public DeployRequestOutcome {
    diff = List.copyOf(diff);
    lintErrors = List.copyOf(lintErrors);
    operations = List.copyOf(operations);
  }

  /** True when the branch has no schema change against its target. */
  public boolean noChanges() {
    return finalState == DeploymentState.NO_CHANGES;
  }
}
