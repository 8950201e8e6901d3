package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.event.DeployTargetRecorder;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.LintError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeployRequestFlowTest {
  private final Fixture f = new Fixture();
  private final FakeDeployRequests drs = f.ps.deployRequests;

  @BeforeEach
  void branch() {
    f.ps.addBranch("ci-a", true, FakeClock.START);
  }

  private DeployRequestOptions deploy(
      boolean allowDataLoss, boolean gated, boolean apply, boolean skipRevert) {
    return new DeployRequestOptions(
        DB,
        "ci-a",
        null,
        DeployMode.DEPLOY,
        allowDataLoss,
        gated,
        apply,
        skipRevert,
        false,
        "notes",
        null,
        null);
  }

  private static PlanetScaleCiException code(Throwable e, ErrorCode expected) {
    assertThat(((PlanetScaleCiException) e).code()).isEqualTo(expected);
    return (PlanetScaleCiException) e;
  }

  @Test
  void previewReportsAndClosesTheRequest() {
    DeployRequestOutcome out = f.workflows.deployRequest(DeployRequestOptions.preview(DB, "ci-a"));
    assertThat(out.created()).isTrue();
    assertThat(out.closed()).isTrue();
    assertThat(out.finalState()).isEqualTo(DeploymentState.READY);
    assertThat(out.diff()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("users"));
    assertThat(out.operations()).hasSize(1);
    assertThat(drs.requests.get(1).into).isEqualTo("main");
    assertThat(drs.open()).isZero();
    assertThat(f.events)
        .filteredOn(WorkflowEvent.Created.class::isInstance)
        .containsExactly(
            new WorkflowEvent.Created(
                WorkflowEvent.CreatedResource.DEPLOY_REQUEST, "acme", "app", "ci-a", "1"));
  }

  @Test
  void previewLeavesARequestItDidNotOpen() {
    drs.add("ci-a", "main", DeploymentState.READY);
    DeployRequestOutcome out = f.workflows.deployRequest(DeployRequestOptions.preview(DB, "ci-a"));
    assertThat(out.created()).isFalse();
    assertThat(out.closed()).isFalse();
    assertThat(drs.open()).isEqualTo(1);
    assertThat(f.ps.faults.count("dr.create")).isZero();
  }

  @Test
  void theResolvedTargetIsReportedBeforeAnyGateCanRefuse() {
    // into, else the branch's parent, else the default branch; a failure after it still knows it
    f.ps.branches.put("ci-dev", f.ps.branch("ci-dev", "dev", true, false, FakeClock.START));
    f.ps.branches.put("dev", f.ps.branch("dev", null, true, false, FakeClock.START));
    f.ps.branches.put("ci-orphan", f.ps.branch("ci-orphan", null, true, false, FakeClock.START));
    f.ps.faults.failAlways("dr.list", Faults.api(ErrorCode.SERVER_ERROR, 503));
    for (String[] c :
        new String[][] {
          {"ci-dev", "release", "release"}, {"ci-dev", null, "dev"}, {"ci-orphan", null, "main"}
        }) {
      DeployTargetRecorder recorder = new DeployTargetRecorder(f.events::add);
      Workflows w = new Workflows(f.ps, recorder, f.clock, new java.util.Random(1));
      DeployRequestOptions o = DeployRequestOptions.deploy(DB, c[0]).withInto(c[1]);
      assertThatThrownBy(() -> w.deployRequest(o)).isInstanceOf(ApiException.class);
      assertThat(recorder.intoBranch(null)).as(c[0] + " into " + c[1]).isEqualTo(c[2]);
    }
    assertThat(f.events)
        .filteredOn(e -> e instanceof WorkflowEvent.DeployTarget)
        .first()
        .isEqualTo(new WorkflowEvent.DeployTarget("acme", "app", "ci-dev", "release"));
    assertThat(new DeployTargetRecorder(null).intoBranch("fallback")).isEqualTo("fallback");
  }

  @Test
  void noChangesClosesTheRequestAndIsNotAnError() {
    drs.diffOutcome = DeploymentState.NO_CHANGES;
    DeployRequestOutcome out = f.workflows.deployRequest(deploy(false, false, true, false));
    assertThat(out.noChanges()).isTrue();
    assertThat(out.closed()).isTrue();
    assertThat(out.deployed()).isFalse();
    assertThat(drs.open()).isZero();
  }

  @Test
  void deployWaitsThroughTheStatesToCompletion() {
    drs.pendingPolls = 3;
    DeployRequestOutcome out = f.workflows.deployRequest(deploy(false, false, true, false));
    assertThat(out.deployed()).isTrue();
    assertThat(out.finalState()).isEqualTo(DeploymentState.COMPLETE_PENDING_REVERT);
    assertThat(f.messages())
        .anyMatch(m -> m.matches("wait-deploy: deployment state in_progress \\(\\d+(ms|s)\\)"));
  }

  @Test
  void skipRevertEndsTheWindow() {
    DeployRequestOutcome out = f.workflows.deployRequest(deploy(false, false, true, true));
    assertThat(out.finalState()).isEqualTo(DeploymentState.COMPLETE);
  }

  @Test
  void lintErrorsRefuseTheDeployAndCloseTheRequestThisRunOpened() {
    drs.lint =
        List.of(
            new LintError(
                "NO_UNIQUE_KEY",
                "table",
                "app",
                "logs",
                null,
                "table \"logs\" has no unique key",
                null));
    drs.diffOutcome = DeploymentState.ERROR;
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(true, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.LINT_FAILED))
        .hasMessageContaining("NO_UNIQUE_KEY on table logs")
        .hasMessageContaining("this run opened was closed");
    assertThat(drs.open()).isZero();
    assertThat(f.ps.faults.count("dr.deploy")).isZero();
  }

  @Test
  void checksEndedInErrorCloseTheRequestThisRunOpenedSoTheNextRunStartsAfresh() {
    drs.diffOutcome = DeploymentState.ERROR;
    drs.deployCheckErrors = "deploy check failed: the target is locked";
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(true, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("cannot be deployed: its checks ended in state error")
        .hasMessageContaining("the target is locked")
        .hasMessageContaining("this run opened was closed");
    assertThat(drs.open()).isZero();
    assertThat(f.ps.faults.count("dr.deploy")).isZero();

    drs.diffOutcome = DeploymentState.READY;
    drs.deployCheckErrors = null;
    DeployRequestOutcome next = f.workflows.deployRequest(deploy(true, false, true, false));
    assertThat(next.created()).isTrue();
    assertThat(next.deployed()).isTrue();
  }

  @Test
  void anUndeployableStateClosesOnlyARequestThisRunOpened() {
    drs.diffOutcome = DeploymentState.COMPLETE_ERROR;
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(true, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("cannot be deployed. It was in state complete_error")
        .hasMessageContaining("this run opened was closed");
    assertThat(drs.open()).isZero();

    drs.add("ci-a", "main", DeploymentState.COMPLETE_ERROR);
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(true, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("is open but cannot be deployed; close it and run again")
        .hasMessageContaining("opened before this run and stays open");
    assertThat(drs.open()).isEqualTo(1);
    assertThat(f.ps.faults.count("dr.deploy")).isZero();
  }

  @Test
  void dataLossIsRefusedUnlessAllowed() {
    drs.ops =
        List.of(
            new DeployOperation(
                "o", "pending", "app", "old_logs", "DROP", "DROP TABLE `old_logs`", true, null));
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(false, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining("DROP on table old_logs: DROP TABLE `old_logs`")
        .hasMessageContaining("this run opened was closed");
    assertThat(f.ps.faults.count("dr.deploy")).isZero();
    assertThat(drs.open()).isZero();

    DeployRequestOutcome out = f.workflows.deployRequest(deploy(true, false, true, false));
    assertThat(out.created()).isTrue();
    assertThat(out.canDropData()).isTrue();
    assertThat(out.deployed()).isTrue();
  }

  @Test
  void aRefusalLeavesOpenARequestOpenedBeforeThisRun() {
    drs.ops =
        List.of(
            new DeployOperation(
                "o", "pending", "app", "old_logs", "DROP", "DROP TABLE `old_logs`", true, null));
    drs.add("ci-a", "main", DeploymentState.READY);
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(false, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining("opened before this run and stays open");
    assertThat(drs.open()).isEqualTo(1);
    assertThat(f.ps.faults.count("dr.create")).isZero();
  }

  @Test
  void gatedDeployAppliesTheCutoverOrStopsBeforeIt() {
    DeployRequestOutcome stopped = f.workflows.deployRequest(deploy(false, true, false, false));
    assertThat(stopped.finalState()).isEqualTo(DeploymentState.PENDING_CUTOVER);
    assertThat(stopped.deployed()).isFalse();
    assertThat(f.ps.faults.count("dr.apply")).isZero();

    DeployRequestOutcome applied = f.workflows.deployRequest(deploy(false, true, true, false));
    assertThat(applied.created()).isFalse();
    assertThat(applied.deployed()).isTrue();
    assertThat(f.ps.faults.count("dr.apply")).isEqualTo(1);
  }

  @Test
  void aFailedDeployFailsWithTheApisWords() {
    drs.deployEnd = DeploymentState.COMPLETE_ERROR;
    drs.deployCheckErrors = "table users is locked by a long transaction";
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy(false, false, true, false)))
        .satisfies(e -> code(e, ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("complete_error: table users is locked by a long transaction")
        .hasMessageContaining("deploy-requests/1");
  }

  @Test
  void aLostDeployResponseIsNotAFailureWhenTheDeployHappened() {
    f.ps.faults.failNext("dr.deploy.after", Faults.api(ErrorCode.TRANSPORT_ERROR, 0));
    DeployRequestOutcome out = f.workflows.deployRequest(deploy(false, false, true, false));
    assertThat(out.deployed()).isTrue();
  }

  @Test
  void diffTimeoutClosesTheRequestItOpened() {
    drs.pendingPolls = 1_000_000;
    DeployRequestOptions o =
        new DeployRequestOptions(
            DB,
            "ci-a",
            null,
            DeployMode.DEPLOY,
            false,
            false,
            true,
            false,
            false,
            null,
            WaitPolicy.withTimeout(Duration.ofSeconds(30)),
            null);
    assertThatThrownBy(() -> f.workflows.deployRequest(o))
        .satisfies(e -> code(e, ErrorCode.TIMEOUT))
        .hasMessageContaining("waiting for the diff of deploy request #1 (ci-a -> main)");
    assertThat(drs.open()).isZero();
  }

  @Test
  void aFailureGatheringTheDiffClosesThePreviewRequest() {
    f.ps.faults.failNext("dr.diff", Faults.api(ErrorCode.SERVER_ERROR, 500));
    assertThatThrownBy(() -> f.workflows.deployRequest(DeployRequestOptions.preview(DB, "ci-a")))
        .isInstanceOf(PlanetScaleCiException.class);
    assertThat(drs.open()).isZero();
  }

  @Test
  void deployTimeoutLeavesTheRunningDeployAlone() {
    drs.deployEnd = DeploymentState.IN_PROGRESS;
    DeployRequestOptions o =
        new DeployRequestOptions(
            DB,
            "ci-a",
            null,
            DeployMode.DEPLOY,
            false,
            false,
            true,
            false,
            false,
            null,
            null,
            WaitPolicy.withTimeout(Duration.ofMinutes(1)));
    assertThatThrownBy(() -> f.workflows.deployRequest(o))
        .satisfies(e -> code(e, ErrorCode.TIMEOUT))
        .hasMessageContaining("the deploy goes on in PlanetScale");
    assertThat(f.ps.faults.count("dr.close")).isZero();
  }

  @Test
  void transientErrorsWhileWaitingAreRidden() {
    f.ps.faults.failNext("dr.get", Faults.api(ErrorCode.RATE_LIMITED, 429));
    f.ps.faults.failNext("dr.get", Faults.api(ErrorCode.SERVER_ERROR, 503));
    f.ps.faults.failNext("dr.get", Faults.api(ErrorCode.TRANSPORT_ERROR, 0));
    assertThat(f.workflows.deployRequest(deploy(false, false, true, false)).deployed()).isTrue();
  }

  @Test
  void invalidInputFailsBeforeAnyCall() {
    DeployRequestOptions self =
        new DeployRequestOptions(
            DB,
            "ci-a",
            "Main!",
            DeployMode.DEPLOY,
            false,
            false,
            true,
            false,
            false,
            null,
            null,
            null);
    assertThatThrownBy(() -> f.workflows.deployRequest(self))
        .isInstanceOf(ConfigurationException.class);
    assertThat(f.ps.faults.calls).isEmpty();
  }
}
