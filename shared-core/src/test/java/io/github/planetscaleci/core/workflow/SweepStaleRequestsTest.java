package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.model.DeploymentState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A job killed while previewing leaves an open deploy request; a sweep asked to close stale
 * requests closes it (only if this tool opened it, it is idle and old) and deletes the branch.
 */
class SweepStaleRequestsTest {
  private static final Instant OLD = FakeClock.START.minus(Duration.ofDays(3));

  private final Fixture f = new Fixture();
  private final FakeDeployRequests drs = f.ps.deployRequests;
  private final SweepOptions closing =
      new SweepOptions(DB, Duration.ofDays(1), false).withCloseStaleRequests(true);

  /** A preview whose job was killed before it closed the request: the request stays open. */
  private FakeDeployRequests.Dr killedPreview(String branch) {
    f.ps.addBranch(branch, true, OLD);
    DeployRequestOutcome out =
        f.workflows.deployRequest(
            DeployRequestOptions.preview(DB, branch).withCloseAfterPreview(false));
    FakeDeployRequests.Dr d = drs.requests.get(out.request().number());
    d.createdAt = OLD;
    d.updatedAt = OLD;
    return d;
  }

  @Test
  void requestsThisToolOpenedCarryItsMarkAndKeepTheCallersNotes() {
    f.ps.addBranch("ci-a", true, OLD);
    f.ps.addBranch("ci-b", true, OLD);
    f.ps.addBranch("ci-c", true, OLD);
    DeployRequestOptions preview = DeployRequestOptions.preview(DB, "ci-a");
    f.workflows.deployRequest(preview);
    f.workflows.deployRequest(DeployRequestOptions.preview(DB, "ci-b").withNotes("From build 7"));
    f.workflows.deployRequest(
        DeployRequestOptions.preview(DB, "ci-c").withNotes("Opened by planetscale-ci for PR #3"));
    assertThat(drs.requests.get(1).notes).isEqualTo("Opened by planetscale-ci.");
    assertThat(drs.requests.get(2).notes).isEqualTo("From build 7\n\nOpened by planetscale-ci.");
    assertThat(drs.requests.get(3).notes).isEqualTo("Opened by planetscale-ci for PR #3");
  }

  @Test
  void aStaleRequestThisToolOpenedIsClosedAndItsBranchDeleted() {
    FakeDeployRequests.Dr d = killedPreview("ci-pr-5-r5-a1");
    SweepResult r = f.workflows.sweep(closing);
    assertThat(r.closedRequests()).containsExactly("#1 (ci-pr-5-r5-a1 -> main)");
    assertThat(r.deleted()).containsExactly("ci-pr-5-r5-a1");
    assertThat(d.state).isEqualTo("closed");
    assertThat(f.ps.branches).doesNotContainKey("ci-pr-5-r5-a1");
    assertThat(f.ps.faults.calls.lastIndexOf("dr.close"))
        .isLessThan(f.ps.faults.calls.lastIndexOf("branches.delete"));
  }

  @Test
  void aStaleRequestDeployedAfterTheListingIsNotClosed() {
    FakeDeployRequests.Dr d = killedPreview("ci-pr-5-r5-a1");
    // Someone presses Deploy between the sweep's listing and its close.
    f.ps.faults.beforeNext("dr.get", () -> d.deploymentState = DeploymentState.QUEUED);
    SweepResult r = f.workflows.sweep(closing);
    assertThat(r.closedRequests()).isEmpty();
    assertThat(r.kept())
        .containsExactly(
            "ci-pr-5-r5-a1: open deploy request #1 (its deploy is queued, since the listing)");
    assertThat(d.state).isEqualTo("open");
    assertThat(f.ps.branches).containsKey("ci-pr-5-r5-a1");
  }

  @Test
  void offByDefaultTheBranchIsKeptForItsRequest() {
    killedPreview("ci-pr-5-r5-a1");
    SweepResult r = f.workflows.sweep(new SweepOptions(DB, Duration.ofDays(1), false));
    assertThat(r.kept()).containsExactly("ci-pr-5-r5-a1: open deploy request #1");
    assertThat(r.closedRequests()).isEmpty();
    assertThat(drs.open()).isEqualTo(1);
  }

  @Test
  void aRequestAPersonOpenedIsNeverClosed() {
    f.ps.addBranch("ci-pr-6-r6-a1", true, OLD);
    FakeDeployRequests.Dr person = drs.add("ci-pr-6-r6-a1", "main", DeploymentState.READY);
    person.notes = "please review the new index";
    person.createdAt = OLD;
    person.updatedAt = OLD;
    FakeDeployRequests.Dr mine = killedPreview("ci-pr-7-r7-a1");
    // The same branch with one request of this tool's and one of a person's: all stay.
    FakeDeployRequests.Dr mixed = drs.add("ci-pr-7-r7-a1", "main", DeploymentState.READY);
    mixed.createdAt = OLD;
    mixed.updatedAt = OLD;
    SweepResult r = f.workflows.sweep(closing);
    assertThat(r.kept())
        .containsExactlyInAnyOrder(
            "ci-pr-6-r6-a1: open deploy request #1 (not opened by this tool)",
            "ci-pr-7-r7-a1: open deploy request #3 (not opened by this tool)");
    assertThat(r.closedRequests()).isEmpty();
    assertThat(person.state).isEqualTo("open");
    assertThat(mine.state).isEqualTo("open");
    assertThat(f.ps.faults.count("dr.close")).isZero();
  }

  @Test
  void aRequestWithADeployUnderWayOrRecentlyChangedStays() {
    FakeDeployRequests.Dr held = killedPreview("ci-pr-8-r8-a1");
    held.deploymentState = DeploymentState.PENDING_CUTOVER;
    FakeDeployRequests.Dr recent = killedPreview("ci-pr-9-r9-a1");
    recent.updatedAt = FakeClock.START.minus(Duration.ofHours(1));
    SweepResult r = f.workflows.sweep(closing);
    assertThat(r.kept())
        .containsExactlyInAnyOrder(
            "ci-pr-8-r8-a1: open deploy request #1 (its deploy is pending_cutover)",
            "ci-pr-9-r9-a1: open deploy request #2 (changed 2026-03-01T11:00:00Z, younger than"
                + " the limit)");
    assertThat(drs.open()).isEqualTo(2);
  }

  @Test
  void aDryRunClosesNothing() {
    killedPreview("ci-pr-5-r5-a1");
    SweepResult r =
        f.workflows.sweep(
            new SweepOptions(DB, Duration.ofDays(1), true).withCloseStaleRequests(true));
    assertThat(r.closedRequests()).containsExactly("#1 (ci-pr-5-r5-a1 -> main)");
    assertThat(r.deleted()).containsExactly("ci-pr-5-r5-a1");
    assertThat(drs.open()).isEqualTo(1);
    assertThat(f.ps.branches).containsKey("ci-pr-5-r5-a1");
  }

  @Test
  void aFailedCloseKeepsTheBranchAndTheSweepGoesOn() {
    killedPreview("ci-pr-5-r5-a1");
    killedPreview("ci-pr-6-r6-a1");
    f.ps.faults.failNext("dr.close", Faults.api(ErrorCode.SERVER_ERROR, 503));
    SweepResult r = f.workflows.sweep(closing);
    assertThat(r.kept())
        .containsExactly("ci-pr-5-r5-a1: closing deploy request #1 failed (server_error)");
    assertThat(r.deleted()).containsExactly("ci-pr-6-r6-a1");
    assertThat(f.ps.branches).containsKey("ci-pr-5-r5-a1");
    assertThat(f.messages())
        .anyMatch(m -> m.startsWith("warning: could not close stale deploy request #1"));
  }
}
