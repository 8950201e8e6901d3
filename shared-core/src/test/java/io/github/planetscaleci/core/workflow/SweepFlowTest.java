package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DeploymentState;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweepFlowTest {
  private final Fixture f = new Fixture();
  private final Duration day = Duration.ofDays(1);

  @BeforeEach
  void branches() {
    f.ps.addBranch("ci-pr-1-r1-a1", true, FakeClock.START.minus(Duration.ofDays(3)));
    f.ps.addBranch("ci-pr-2-r2-a1", true, FakeClock.START.minus(Duration.ofDays(2)));
    f.ps.addBranch("ci-pr-3-r3-a1", true, FakeClock.START.minus(Duration.ofHours(2)));
    f.ps.addBranch("ci-pr-4-r4-a1", true, FakeClock.START.minus(Duration.ofDays(5)));
    f.ps.addBranch("feature-x", true, FakeClock.START.minus(Duration.ofDays(30)));
    // People's branches that only start with ci-: never the tool's, however old.
    for (String name : new String[] {"ci-infra", "ci-pr-12", "ci-jenkins-foo", "ci-gh-main"}) {
      f.ps.addBranch(name, true, FakeClock.START.minus(Duration.ofDays(400)));
    }
    f.ps.branches.put(
        "ci-jenkins-prod-b9",
        f.ps.branch(
            "ci-jenkins-prod-b9", null, true, true, FakeClock.START.minus(day.multipliedBy(9))));
    f.ps.deployRequests.add("ci-pr-4-r4-a1", "main", DeploymentState.READY);
    f.ps.deployRequests.add("ci-pr-2-r2-a1", "main", DeploymentState.NO_CHANGES).state = "closed";
  }

  @Test
  void deletesOnlyStaleToolBranchesWithoutOpenDeployRequests() {
    SweepResult r = f.workflows.sweep(new SweepOptions(DB, day, false));
    assertThat(r.deleted()).containsExactly("ci-pr-1-r1-a1", "ci-pr-2-r2-a1");
    assertThat(r.kept())
        .containsExactlyInAnyOrder(
            "ci-pr-3-r3-a1: younger than the limit (created 2026-03-01T10:00:00Z)",
            "ci-pr-4-r4-a1: open deploy request #1",
            "ci-jenkins-prod-b9: production branch");
    assertThat(f.ps.branches)
        .containsOnlyKeys(
            "main",
            "ci-pr-3-r3-a1",
            "ci-pr-4-r4-a1",
            "feature-x",
            "ci-jenkins-prod-b9",
            "ci-infra",
            "ci-pr-12",
            "ci-jenkins-foo",
            "ci-gh-main");
  }

  @Test
  void aDeployRequestOpenedAfterTheListingKeepsItsBranch() {
    // The sweep's own listing is the first dr.list; the request appears right after it.
    f.ps.faults.beforeNext(
        "dr.list",
        () ->
            f.ps.faults.beforeNext(
                "dr.list",
                () -> f.ps.deployRequests.add("ci-pr-1-r1-a1", "main", DeploymentState.PENDING)));
    SweepResult r = f.workflows.sweep(new SweepOptions(DB, day, false));
    assertThat(r.deleted()).containsExactly("ci-pr-2-r2-a1");
    assertThat(r.kept()).contains("ci-pr-1-r1-a1: deploy request #3 opened during the sweep");
    assertThat(f.ps.branches).containsKey("ci-pr-1-r1-a1");
  }

  @Test
  void dryRunDeletesNothing() {
    SweepResult r = f.workflows.sweep(new SweepOptions(DB, day, true));
    assertThat(r.dryRun()).isTrue();
    assertThat(r.deleted()).containsExactly("ci-pr-1-r1-a1", "ci-pr-2-r2-a1");
    assertThat(f.ps.faults.count("branches.delete")).isZero();
    assertThat(f.messages())
        .contains("info: would delete ci-pr-1-r1-a1 (created 2026-02-26T12:00:00Z)");
  }

  @Test
  void aFailedDeleteIsReportedAndTheSweepGoesOn() {
    f.ps.faults.failNext("branches.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
    SweepResult r = f.workflows.sweep(new SweepOptions(DB, day, false));
    assertThat(r.deleted()).containsExactly("ci-pr-2-r2-a1");
    assertThat(r.kept()).contains("ci-pr-1-r1-a1: delete failed (server_error)");
  }

  @Test
  void aFailedListingStopsTheSweepBeforeAnythingIsDeleted() {
    String[][] cases = {
      {"databases.get", "could not read the database (for its default branch)"},
      {"branches.list", "could not list its branches"},
      {
        "dr.list",
        "could not list its open deploy requests (a branch with one is never deleted unchecked)"
      }
    };
    for (String[] c : cases) {
      Fixture fresh = new Fixture();
      fresh.ps.addBranch("ci-pr-1-r1-a1", true, FakeClock.START.minus(Duration.ofDays(3)));
      fresh.ps.faults.failAlways(c[0], Faults.api(ErrorCode.SERVER_ERROR, 503));
      assertThatThrownBy(
              () ->
                  fresh.workflows.sweep(
                      new SweepOptions(DB, day, false).withCloseStaleRequests(true)))
          .as(c[0])
          .isInstanceOf(PlanetScaleCiException.class)
          .satisfies(
              e ->
                  assertThat(((PlanetScaleCiException) e).code()).isEqualTo(ErrorCode.SERVER_ERROR))
          .hasMessageContaining("the sweep of acme/app " + c[1] + ": injected server_error (503)")
          .hasMessageContaining(
              "Nothing was deleted or closed; run the sweep again once the API answers");
      assertThat(fresh.ps.faults.count("branches.delete")).as(c[0]).isZero();
      assertThat(fresh.ps.faults.count("dr.close")).as(c[0]).isZero();
      assertThat(fresh.ps.branches).as(c[0]).containsKey("ci-pr-1-r1-a1");
    }
  }

  @Test
  void negativeAgeIsAConfigurationError() {
    assertThatThrownBy(() -> f.workflows.sweep(new SweepOptions(DB, Duration.ofHours(-1), false)))
        .isInstanceOf(ConfigurationException.class);
    assertThat(f.ps.faults.calls).isEmpty();
  }
}
