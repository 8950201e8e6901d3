package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.Branch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseBranchFlowTest {
  private final Fixture f = new Fixture();

  private OpenedBranch open(String name) {
    return f.workflows.openBranch(OpenBranchRequest.of(DB, name));
  }

  @Test
  void deletesPasswordsThenTheBranchItCreated() {
    OpenedBranch opened = open("ci-a");
    CloseOutcome out = f.workflows.closeBranch(opened.lease(), CloseOptions.defaults());
    assertThat(out).isEqualTo(new CloseOutcome("ci-a", true, false, 1, null));
    assertThat(f.ps.branches).containsOnlyKeys("main");
    assertThat(f.ps.passwords).isEmpty();
    int pw = f.ps.faults.calls.lastIndexOf("passwords.delete");
    assertThat(pw).isLessThan(f.ps.faults.calls.lastIndexOf("branches.delete"));
  }

  @Test
  void closingTwiceIsSuccess() {
    OpenedBranch opened = open("ci-a");
    f.workflows.closeBranch(opened.lease(), null);
    CloseOutcome again = f.workflows.closeBranch(opened.lease(), null);
    assertThat(again.alreadyGone()).isTrue();
    assertThat(again.passwordsDeleted()).isZero();
  }

  @Test
  void keepsABranchItDidNotCreateUnlessForced() {
    f.ps.addBranch("ci-shared", true, FakeClock.START);
    OpenedBranch opened = open("ci-shared");
    CloseOutcome kept = f.workflows.closeBranch(opened.lease(), CloseOptions.defaults());
    assertThat(kept.branchDeleted()).isFalse();
    assertThat(kept.kept()).contains("did not create");
    assertThat(kept.passwordsDeleted()).isEqualTo(1);
    assertThat(f.ps.branches).containsKey("ci-shared");

    CloseOutcome forced = f.workflows.closeBranch(opened.lease(), new CloseOptions(true, true));
    assertThat(forced.branchDeleted()).isTrue();
    assertThat(f.ps.branches).doesNotContainKey("ci-shared");
  }

  @Test
  void aBranchRecreatedUnderTheSameNameIsNotTakenForTheOneThisToolCreated() {
    OpenedBranch opened = open("ci-a");
    assertThat(opened.lease().branchId()).isEqualTo("id-ci-a");
    // Someone deletes it and makes another ci-a while the lease is kept (a CLI's home).
    Branch old = f.ps.branches.get("ci-a");
    f.ps.branches.put(
        "ci-a",
        new Branch(
            "id-someone-elses",
            "ci-a",
            "main",
            true,
            "ready",
            false,
            false,
            old.htmlUrl(),
            FakeClock.START,
            FakeClock.START));
    CloseOutcome kept = f.workflows.closeBranch(opened.lease(), CloseOptions.defaults());
    assertThat(kept.branchDeleted()).isFalse();
    assertThat(kept.kept()).contains("created again since this tool created it");
    assertThat(f.ps.branches).containsKey("ci-a");
    assertThat(f.ps.faults.count("branches.delete")).isZero();

    // A password that could not be deleted is the error, as for any kept branch (not a look-up).
    f.ps.faults.failNext("passwords.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.closeBranch(opened.lease(), CloseOptions.defaults()))
        .isInstanceOfSatisfying(
            PlanetScaleCiException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR))
        .hasMessage("injected server_error (503)");
    assertThat(f.ps.branches).containsKey("ci-a");

    CloseOutcome forced = f.workflows.closeBranch(opened.lease(), new CloseOptions(true, true));
    assertThat(forced.branchDeleted()).isTrue();
    // A lease without an id (an older one, or one recorded mid-open) is trusted as before.
    open("ci-b");
    CloseOutcome noId =
        f.workflows.closeBranch(
            new BranchLease(DB, "ci-b", true, List.of()), CloseOptions.defaults());
    assertThat(noId.branchDeleted()).isTrue();
  }

  @Test
  void deleteBranchFalseKeepsIt() {
    OpenedBranch opened = open("ci-a");
    CloseOutcome out = f.workflows.closeBranch(opened.lease(), new CloseOptions(false, false));
    assertThat(out.kept()).isNotNull();
    assertThat(f.ps.branches).containsKey("ci-a");
    assertThat(f.ps.passwords).isEmpty();
  }

  @Test
  void neverDeletesProductionOrDefaultEvenWhenForced() {
    BranchLease main = new BranchLease(DB, "main", true, List.of());
    assertThatThrownBy(() -> f.workflows.closeBranch(main, new CloseOptions(true, true)))
        .isInstanceOf(PlanetScaleCiException.class)
        .hasMessageContaining("never deletes")
        .satisfies(
            e ->
                assertThat(((PlanetScaleCiException) e).code())
                    .isEqualTo(ErrorCode.PROTECTED_BRANCH));
    f.ps.addBranch("staging", true, FakeClock.START);
    f.ps.branches.put("staging", f.ps.branch("staging", "main", true, true, FakeClock.START));
    BranchLease staging = new BranchLease(DB, "staging", true, List.of());
    assertThatThrownBy(() -> f.workflows.closeBranch(staging, new CloseOptions(true, true)))
        .hasMessageContaining("production");
    assertThat(f.ps.branches).containsKeys("main", "staging");
    assertThat(f.ps.faults.count("branches.delete")).isZero();
  }

  @Test
  void aPasswordAlreadyGoneIsFineAndAFailedOneIsRevokedWithTheBranch() {
    OpenedBranch opened = open("ci-a");
    BranchLease lease =
        new BranchLease(
            DB, "ci-a", true, List.of("gone-already", opened.lease().passwordIds().get(0)));
    f.ps.faults.failNext("passwords.delete", Faults.api(ErrorCode.NOT_FOUND, 404));
    f.ps.faults.failNext("passwords.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
    CloseOutcome out = f.workflows.closeBranch(lease, null);
    assertThat(out.branchDeleted()).isTrue();
    assertThat(f.ps.passwords).isEmpty();
    assertThat(f.messages()).anyMatch(m -> m.startsWith("warning: could not delete password"));
  }

  @Test
  void aFailedPasswordDeleteOnAKeptBranchIsAnError() {
    OpenedBranch opened = open("ci-a");
    f.ps.faults.failNext("passwords.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(
            () -> f.workflows.closeBranch(opened.lease(), new CloseOptions(false, false)))
        .isInstanceOf(PlanetScaleCiException.class);
  }

  @Test
  void aFailedLookupLeavesTheBranchAndSaysWhatToDo() {
    String[][] cases = {
      {"branches.find", "looking the branch up failed"},
      {"databases.get", "reading the database's default branch failed"},
      {"branches.delete", "deleting the branch failed"}
    };
    for (String[] c : cases) {
      Fixture fresh = new Fixture();
      OpenedBranch opened = fresh.workflows.openBranch(OpenBranchRequest.of(DB, "ci-a"));
      fresh.ps.faults.failAlways(c[0], Faults.api(ErrorCode.SERVER_ERROR, 503));
      assertThatThrownBy(() -> fresh.workflows.closeBranch(opened.lease(), null))
          .as(c[0])
          .isInstanceOf(PlanetScaleCiException.class)
          .satisfies(
              e ->
                  assertThat(((PlanetScaleCiException) e).code()).isEqualTo(ErrorCode.SERVER_ERROR))
          .hasMessageContaining(
              "could not delete branch ci-a of acme/app: "
                  + c[1]
                  + ": injected server_error (503). The branch is still there")
          .hasMessageContaining("1 of its passwords were deleted")
          .hasMessageContaining("Close it again once the API answers");
      assertThat(fresh.ps.branches).as(c[0]).containsKey("ci-a");
      assertThat(fresh.ps.passwords).as(c[0]).isEmpty();
      if (!c[0].equals("branches.delete")) {
        assertThat(fresh.ps.faults.count("branches.delete")).as(c[0]).isZero();
      }
    }
  }

  @Test
  void aFailedLookupAfterAFailedPasswordDeleteReportsBoth() {
    OpenedBranch opened = open("ci-a");
    f.ps.faults.failNext("passwords.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
    f.ps.faults.failNext("branches.find", Faults.api(ErrorCode.TRANSPORT_ERROR, 0));
    assertThatThrownBy(() -> f.workflows.closeBranch(opened.lease(), null))
        .hasMessageContaining("looking the branch up failed")
        .hasMessageContaining("deleting some of its passwords failed too")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(f.ps.branches).containsKey("ci-a");
  }
}
