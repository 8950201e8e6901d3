package io.github.planetscaleci.emulator.api;

import static io.github.planetscaleci.emulator.store.Times.format;

import io.github.planetscaleci.emulator.api.DeploymentDto.DeployOperationDto;
import io.github.planetscaleci.emulator.api.DeploymentDto.DeploymentLintErrorDto;
import io.github.planetscaleci.emulator.diff.SchemaOps.Ddl;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.DeployRequestState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders deploy requests and their deployments. */
public final class DeployViews {
  private final Views views;

  public DeployViews(Views views) {
    this.views = views;
  }

  public DeployRequestDto deployRequest(
      DatabaseState db, DeployRequestState d, List<DeployRequestState> ahead) {
    boolean closed = d.state.equals("closed");
    return new DeployRequestDto(
        d.id,
        "DeployRequest",
        d.number,
        Common.Actor.EMULATOR,
        closed ? Common.Actor.EMULATOR : null,
        d.branch,
        d.branchId,
        d.branchDeleted,
        d.branchDeleted ? Common.Actor.EMULATOR : null,
        format(d.branchDeletedAt),
        d.intoBranch,
        false,
        0,
        1,
        false,
        d.state,
        d.deploymentState,
        deployment(db, d, ahead),
        0,
        views.html("/" + db.org + "/" + db.name + "/deploy-requests/" + d.number),
        d.notes,
        "",
        format(d.createdAt),
        format(d.updatedAt),
        format(d.closedAt),
        format(d.deployedAt));
  }

  public DeploymentDto deployment(
      DatabaseState db, DeployRequestState d, List<DeployRequestState> ahead) {
    List<Map<String, Object>> preceding = new ArrayList<>();
    for (DeployRequestState p : ahead) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.deploymentId);
      m.put("state", p.deploymentState);
      m.put("deploy_request_number", p.number);
      m.put("into_branch", p.intoBranch);
      m.put("created_at", format(p.createdAt));
      m.put("updated_at", format(p.deploymentUpdatedAt));
      m.put("queued_at", format(p.queuedAt));
      m.put("started_at", format(p.startedAt));
      m.put("finished_at", format(p.finishedAt));
      preceding.add(m);
    }
    List<DeployOperationDto> ops = new ArrayList<>();
    for (int i = 0; i < d.operations.size(); i++) {
      ops.add(operation(d, i, d.operations.get(i)));
    }
    List<DeploymentLintErrorDto> lint =
        d.lint.stream()
            .map(
                l ->
                    new DeploymentLintErrorDto(
                        "DeploymentLintError",
                        l.lintError(),
                        l.subjectType(),
                        db.name,
                        l.table(),
                        l.description(),
                        l.docsUrl(),
                        l.column() == null ? "" : l.column(),
                        List.of(),
                        List.of(),
                        "SOURCE"))
            .toList();
    boolean deployable =
        d.lint.isEmpty()
            && !d.operations.isEmpty()
            && !List.of("pending", "no_changes", "error").contains(d.deploymentState);
    return new DeploymentDto(
        d.deploymentId,
        "Deployment",
        d.autoCutover,
        d.autoDeleteBranch,
        format(d.createdAt),
        format(d.cutoverAt),
        false,
        d.deployCheckErrors,
        format(d.finishedAt),
        null,
        format(d.queuedAt),
        format(d.readyToCutoverAt),
        format(d.startedAt),
        d.deploymentState,
        format(d.submittedAt),
        format(d.deploymentUpdatedAt),
        d.intoBranch,
        d.number,
        deployable,
        preceding,
        ops,
        List.of(),
        lint,
        List.of(),
        List.of(),
        null,
        revertRequest(d),
        Common.Actor.EMULATOR,
        null,
        null,
        format(d.createdAt),
        false,
        null,
        d.instantDdl,
        false,
        false,
        null);
  }

  private static DeployOperationDto operation(DeployRequestState d, int index, Ddl op) {
    String state =
        switch (d.operationsState) {
          case "in_progress", "complete", "cancelled", "error" -> d.operationsState;
          default -> "pending";
        };
    // Operation ids only need to be stable and 12 characters, like every other id.
    return new DeployOperationDto(
        d.deploymentId.substring(0, 10) + String.format("%02d", index % 100),
        "DeployOperation",
        state,
        "",
        op.table(),
        op.operationName(),
        null,
        state.equals("complete") ? 100.0 : null,
        null,
        op.ddl(),
        op.ddl(),
        format(d.createdAt),
        format(d.deploymentUpdatedAt),
        null,
        op.canDropData(),
        false,
        false,
        null,
        null,
        null);
  }

  private static Map<String, Object> revertRequest(DeployRequestState d) {
    if (d.cutoverAt == null || d.instantDdl) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.deploymentId.substring(0, 10) + "rv");
    m.put("type", "DeploymentRevert");
    m.put("cancelled_at", null);
    m.put(
        "finished_at",
        d.deploymentState.equals("complete_revert") ? format(d.deploymentUpdatedAt) : null);
    m.put("waiting_period_end_at", format(d.revertWindowEndsAt));
    return m;
  }
}
