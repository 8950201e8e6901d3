package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DeploymentState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure injected at each step after the diff: the error names the step and what to do, and no
 * deploy request this run opened is left open (or, where the API refuses every close, the error
 * says it is).
 */
class DeployFailuresTest {
  private final Fixture f = new Fixture();
  private final FakeDeployRequests drs = f.ps.deployRequests;
  private final DeployRequestOptions deploy = DeployRequestOptions.deploy(DB, "ci-a");

  @BeforeEach
  void branch() {
    f.ps.addBranch("ci-a", true, FakeClock.START);
  }

  private static ErrorCode code(Throwable e) {
    return ((PlanetScaleCiException) e).code();
  }

  @Test
  void aDeployCancelledAfterItWasQueuedFailsAndClosesTheRequestThisRunOpened() {
    drs.deployEnd = DeploymentState.CANCELLED;
    drs.deployCheckErrors = "Deployment was cancelled by ada@acme.example";
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining(
            "failed: the deploy ended in state cancelled: Deployment was cancelled by"
                + " ada@acme.example")
        .hasMessageContaining("the deploy request this run opened was closed")
        .hasMessageContaining("deploy-requests/1");
    assertThat(drs.open()).isZero();
  }

  @Test
  void aDeployEndingInErrorFailsWithTheApisWordsAndClosesTheRequestThisRunOpened() {
    drs.deployEnd = DeploymentState.ERROR;
    drs.deployCheckErrors = "vttablet: Duplicate entry '7' for key 'users.email'";
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining(
            "ended in state error: vttablet: Duplicate entry '7' for key 'users.email'")
        .hasMessageContaining("the deploy request this run opened was closed");
    assertThat(drs.open()).isZero();
  }

  @Test
  void aDeploySentBackToReadyEndsTheWaitAndClosesTheRequestThisRunOpened() {
    // Taken out of the queue after it was queued (an approval dismissed, say): without this the
    // run would poll "ready" until the deploy timeout.
    drs.deployEnd = DeploymentState.READY;
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("failed: the deploy ended in state ready")
        .hasMessageContaining("the deploy request this run opened was closed");
    assertThat(drs.open()).isZero();
    assertThat(f.ps.faults.count("dr.get")).isLessThan(10);
  }

  @Test
  void aDeploySentBackToPendingClosesTheRequestThisRunOpened() {
    drs.deployEnd = DeploymentState.PENDING;
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("the deploy ended in state pending")
        .hasMessageContaining("the deploy request this run opened was closed");
    assertThat(drs.open()).isZero();
  }

  @Test
  void aFailedDeployOfARequestOpenedBeforeThisRunLeavesItOpen() {
    FakeDeployRequests.Dr d = drs.add("ci-a", "main", DeploymentState.QUEUED);
    d.script.add(DeploymentState.ERROR);
    d.deployCheckErrors = "table users is locked";
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DEPLOY_FAILED))
        .hasMessageContaining("in state error: table users is locked")
        .hasMessageContaining("opened before this run and stays open");
    assertThat(drs.open()).isEqualTo(1);
    assertThat(f.ps.faults.count("dr.close")).isZero();
  }

  @Test
  void aFailedQueueClosesTheRequestThisRunOpened() {
    f.ps.faults.failAlways("dr.deploy", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVER_ERROR))
        .hasMessageContaining(
            "deploy request #1 (ci-a -> main) was not deployed: queueing its deploy failed:"
                + " injected server_error (503)")
        .hasMessageContaining("the deploy request this run opened was closed")
        .hasMessageContaining("Run again once the API answers");
    assertThat(drs.open()).isZero();
  }

  @Test
  void aFailedCutoverCancelsTheDeployAndClosesTheRequestThisRunOpened() {
    f.ps.faults.failAlways("dr.apply", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy.withGatedCutover(true)))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVER_ERROR))
        .hasMessageContaining(
            "reached pending_cutover, but applying its cutover failed: injected server_error"
                + " (503)")
        .hasMessageContaining(
            "the deploy this run started was cancelled and the deploy request this run opened"
                + " was closed")
        .hasMessageContaining("run again to deploy");
    assertThat(drs.requests.get(1).deploymentState).isEqualTo(DeploymentState.COMPLETE_CANCEL);
    assertThat(drs.open()).isZero();
  }

  @Test
  void aFailedCutoverWhoseCancelFailsTooSaysWhatIsLeft() {
    f.ps.faults.failAlways("dr.apply", Faults.api(ErrorCode.SERVER_ERROR, 503));
    f.ps.faults.failAlways("dr.cancel", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy.withGatedCutover(true)))
        .hasMessageContaining("applying its cutover failed")
        .hasMessageContaining(
            "cancelling the deploy this run started failed (see the warning), so it still holds"
                + " the target's deploy queue: cancel it in PlanetScale");
    assertThat(drs.requests.get(1).deploymentState).isEqualTo(DeploymentState.PENDING_CUTOVER);
    assertThat(f.messages()).anyMatch(m -> m.startsWith("warning: could not cancel the deploy"));
  }

  @Test
  void aFailedCutoverOfARequestOpenedBeforeThisRunLeavesItWaiting() {
    drs.add("ci-a", "main", DeploymentState.PENDING_CUTOVER);
    f.ps.faults.failAlways("dr.apply", Faults.api(ErrorCode.CONFLICT, 422));
    assertThatThrownBy(() -> f.workflows.deployRequest(deploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT))
        .hasMessageContaining("applying its cutover failed: injected conflict (422)")
        .hasMessageContaining(
            "opened before this run and stays open in pending_cutover: apply the cutover in"
                + " PlanetScale, or run again");
    assertThat(f.ps.faults.count("dr.cancel")).isZero();
    assertThat(drs.open()).isEqualTo(1);
  }

  @Test
  void aCloseAfterThePreviewThatFailsOnceIsTriedAgain() {
    f.ps.faults.failNext("dr.close", Faults.api(ErrorCode.SERVER_ERROR, 503));
    DeployRequestOutcome out = f.workflows.deployRequest(DeployRequestOptions.preview(DB, "ci-a"));
    assertThat(out.closed()).isTrue();
    assertThat(drs.open()).isZero();
    assertThat(f.messages())
        .anyMatch(m -> m.startsWith("warning: closing deploy request #1") && m.endsWith("now"));
  }

  @Test
  void aCloseAfterThePreviewThatKeepsFailingSaysTheRequestIsLeftOpen() {
    f.ps.faults.failAlways("dr.close", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.deployRequest(DeployRequestOptions.preview(DB, "ci-a")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVER_ERROR))
        .hasMessageContaining(
            "could not close deploy request #1 (ci-a -> main) after the preview: injected"
                + " server_error (503)")
        .hasMessageContaining("It is left open: close it in PlanetScale");
    assertThat(f.ps.faults.count("dr.close")).isEqualTo(2);
  }

  @Test
  void aFailedSkipRevertIsAWarningThatSaysWhatToDo() {
    f.ps.faults.failAlways("dr.skipRevert", Faults.api(ErrorCode.SERVER_ERROR, 503));
    DeployRequestOutcome out = f.workflows.deployRequest(deploy.withSkipRevert(true));
    assertThat(out.deployed()).isTrue();
    assertThat(out.finalState()).isEqualTo(DeploymentState.COMPLETE_PENDING_REVERT);
    assertThat(f.messages())
        .anyMatch(
            m ->
                m.startsWith(
                        "warning: deploy request #1 (ci-a -> main) is deployed, but skipping its"
                            + " revert window failed: injected server_error (503)")
                    && m.contains("the window closes by itself"));
  }

  @Test
  void aLostCutoverAnswerIsNotAFailureWhenTheCutoverHappened() {
    f.ps.faults.failAfterNext("dr.apply", Faults.api(ErrorCode.TRANSPORT_ERROR, 0));
    DeployRequestOutcome out = f.workflows.deployRequest(deploy.withGatedCutover(true));
    assertThat(out.deployed()).isTrue();
    assertThat(f.ps.faults.count("dr.cancel")).isZero();
  }
}
