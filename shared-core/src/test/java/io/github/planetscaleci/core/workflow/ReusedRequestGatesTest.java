package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.LintError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lint and data-loss gates guard every deploy and every cutover, also of a request opened
 * before this run (held in pending_cutover by a person, or already queued or running), and a
 * refused request this run did not open is left exactly as it was.
 */
class ReusedRequestGatesTest {
  private static final List<DeployOperation> DROP =
      List.of(
          new DeployOperation(
              "o", "pending", "app", "old_logs", "DROP", "DROP TABLE `old_logs`", true, null));

  private final Fixture f = new Fixture();
  private final FakeDeployRequests drs = f.ps.deployRequests;

  /** What the action always asks for: a deploy with auto cutover, data loss not allowed. */
  private final DeployRequestOptions actionDeploy = DeployRequestOptions.deploy(DB, "ci-a");

  @BeforeEach
  void branch() {
    f.ps.addBranch("ci-a", true, FakeClock.START);
  }

  private FakeDeployRequests.Dr reused(DeploymentState state, List<DeployOperation> ops) {
    FakeDeployRequests.Dr d = drs.add("ci-a", "main", state);
    d.ops = ops;
    return d;
  }

  private static ErrorCode code(Throwable e) {
    return ((PlanetScaleCiException) e).code();
  }

  private void assertUntouched(FakeDeployRequests.Dr d, DeploymentState state) {
    assertThat(d.state).isEqualTo("open");
    assertThat(d.deploymentState).isEqualTo(state);
    assertThat(f.ps.faults.count("dr.apply")).isZero();
    assertThat(f.ps.faults.count("dr.deploy")).isZero();
    assertThat(f.ps.faults.count("dr.cancel")).isZero();
    assertThat(f.ps.faults.count("dr.close")).isZero();
    assertThat(f.ps.faults.count("dr.create")).isZero();
  }

  @Test
  void aReusedRequestWithNoChangesStaysOpen() {
    FakeDeployRequests.Dr d = reused(DeploymentState.NO_CHANGES, List.of());
    DeployRequestOutcome out = f.workflows.deployRequest(actionDeploy);
    assertThat(out.noChanges()).isTrue();
    assertThat(out.created()).isFalse();
    assertThat(out.closed()).isFalse();
    assertThat(f.messages()).anyMatch(m -> m.contains("opened before this run, so it stays open"));
    assertUntouched(d, DeploymentState.NO_CHANGES);
  }

  @Test
  void aReusedRequestHeldAtCutoverThatDropsDataIsNotCutOver() {
    FakeDeployRequests.Dr d = reused(DeploymentState.PENDING_CUTOVER, DROP);
    assertThatThrownBy(() -> f.workflows.deployRequest(actionDeploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining("can drop data, so this run did not apply its cutover")
        .hasMessageContaining("DROP on table old_logs: DROP TABLE `old_logs`")
        .hasMessageContaining(
            "allow data loss (the action's allow-data-loss input, or allowDataLoss: true in the"
                + " Jenkins step) and run again to apply the cutover")
        .hasMessageContaining("cancel the deploy in PlanetScale")
        .hasMessageContaining("opened before this run and stays open")
        .hasMessageContaining("deploy-requests/1");
    assertUntouched(d, DeploymentState.PENDING_CUTOVER);
  }

  @Test
  void aReusedRequestHeldAtCutoverIsCutOverWhenDataLossIsAllowed() {
    reused(DeploymentState.PENDING_CUTOVER, DROP);
    DeployRequestOutcome out = f.workflows.deployRequest(actionDeploy.withAllowDataLoss(true));
    assertThat(out.created()).isFalse();
    assertThat(out.deployed()).isTrue();
    assertThat(f.ps.faults.count("dr.apply")).isEqualTo(1);
  }

  @Test
  void aReusedQueuedRequestThatDropsDataIsNeitherFollowedNorStopped() {
    FakeDeployRequests.Dr d = reused(DeploymentState.QUEUED, DROP);
    assertThatThrownBy(() -> f.workflows.deployRequest(actionDeploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining(
            "its deploy is already queued (started before this run), so this run neither follows"
                + " it nor applies its cutover")
        .hasMessageContaining("cancel the deploy in PlanetScale now")
        .hasMessageContaining("opened before this run and stays open");
    assertUntouched(d, DeploymentState.QUEUED);
    assertThat(f.ps.faults.count("dr.get")).as("not followed").isZero();
  }

  @Test
  void aReusedRunningRequestThatDropsDataIsNeitherFollowedNorStopped() {
    FakeDeployRequests.Dr d = reused(DeploymentState.IN_PROGRESS, DROP);
    d.script.add(DeploymentState.PENDING_CUTOVER);
    assertThatThrownBy(() -> f.workflows.deployRequest(actionDeploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining("its deploy is already in_progress (started before this run)")
        .hasMessageContaining("opened before this run and stays open");
    assertUntouched(d, DeploymentState.IN_PROGRESS);
    assertThat(f.ps.faults.count("dr.get")).as("not followed").isZero();
  }

  @Test
  void aReusedRequestWithLintErrorsIsNotCutOver() {
    FakeDeployRequests.Dr d = reused(DeploymentState.PENDING_CUTOVER, drs.ops);
    d.lint =
        List.of(
            new LintError("NO_UNIQUE_KEY", "table", "app", "logs", null, "no unique key", null));
    assertThatThrownBy(() -> f.workflows.deployRequest(actionDeploy.withAllowDataLoss(true)))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.LINT_FAILED))
        .hasMessageContaining("1 lint error, so this run did not apply its cutover")
        .hasMessageContaining("opened before this run and stays open");
    assertUntouched(d, DeploymentState.PENDING_CUTOVER);
  }

  @Test
  void aReusedRunningRequestThatPassesTheGatesIsFollowedAndCutOver() {
    FakeDeployRequests.Dr d = reused(DeploymentState.IN_PROGRESS, drs.ops);
    d.script.add(DeploymentState.PENDING_CUTOVER);
    DeployRequestOutcome out = f.workflows.deployRequest(actionDeploy);
    assertThat(out.deployed()).isTrue();
    assertThat(f.ps.faults.count("dr.apply")).isEqualTo(1);
    assertThat(f.messages())
        .contains(
            "info: deploy request #1 (ci-a -> main) is already in_progress and passes the lint and"
                + " data-loss gates; following it");
  }

  @Test
  void operationsThatTurnDestructiveBeforeTheCutoverStopAReusedRequestThere() {
    FakeDeployRequests.Dr d = reused(DeploymentState.IN_PROGRESS, drs.ops);
    d.script.add(DeploymentState.PENDING_CUTOVER);
    f.ps.faults.beforeNext("dr.get", () -> d.ops = DROP);
    assertThatThrownBy(() -> f.workflows.deployRequest(actionDeploy))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining("so this run did not apply its cutover")
        .hasMessageContaining("opened before this run and stays open");
    assertUntouched(d, DeploymentState.PENDING_CUTOVER);
  }

  @Test
  void operationsThatTurnDestructiveBeforeTheCutoverWithdrawARequestThisRunOpened() {
    f.ps.faults.beforeNext("dr.deploy", () -> drs.requests.get(1).ops = DROP);
    assertThatThrownBy(
            () -> f.workflows.deployRequest(actionDeploy.withGatedCutover(true).withNotes("x")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DATA_LOSS_BLOCKED))
        .hasMessageContaining("so this run did not apply its cutover")
        .hasMessageContaining(
            "the deploy this run started was cancelled and the deploy request this run opened was"
                + " closed")
        // nothing is left to cancel, and a new run starts from scratch
        .hasMessageNotContaining("cancel the deploy in PlanetScale")
        .hasMessageContaining("allow data loss (the action's allow-data-loss input")
        .hasMessageContaining("and run again");
    assertThat(f.ps.faults.count("dr.apply")).isZero();
    assertThat(f.ps.faults.count("dr.cancel")).isEqualTo(1);
    assertThat(drs.requests.get(1).deploymentState).isEqualTo(DeploymentState.COMPLETE_CANCEL);
    assertThat(drs.open()).isZero();
  }
}
