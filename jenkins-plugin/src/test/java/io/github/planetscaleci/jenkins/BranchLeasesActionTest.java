package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchLeasesActionTest {
  private final FakeJenkins.FakeRun run = FakeJenkins.run("team", "app", 7);
  private final BranchLeasesAction leases = BranchLeasesAction.of(run);

  private String opening(boolean generated) {
    return leases.opening(
            run,
            new BranchLeasesAction.Lease(
                "acme", "app", "ci-jenkins-x-b7", generated, null, "ps", false))
        .id;
  }

  private static BranchLease opened(boolean created) {
    return new BranchLease(
        new DatabaseRef("acme", "app"), "ci-jenkins-x-b7", created, List.of("pw1"));
  }

  @Test
  void openedMarksTheLeaseOpenWithWhatWasCreated() {
    String id = opening(true);
    assertThat(leases.opened(run, id, opened(true))).isTrue();
    BranchLeasesAction.Lease l = leases.get(id);
    assertThat(l.state).isEqualTo(BranchLeasesAction.State.OPEN);
    assertThat(l.toCoreLease().created()).isTrue();
    assertThat(l.toCoreLease().passwordIds()).containsExactly("pw1");
  }

  @Test
  void openedAfterTheSafetyNetClosedTheLeaseSaysSoAndReopensItForClosing() {
    String id = opening(true);
    leases.closed(run, id); // the build completed while the open was still running
    assertThat(leases.unclosed()).isEmpty();

    assertThat(leases.opened(run, id, opened(true))).isFalse();
    // Unclosed again, with the password ids, so LeaseCloser (or the safety net) can delete them.
    assertThat(leases.unclosed())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.state).isEqualTo(BranchLeasesAction.State.OPEN);
              assertThat(l.passwordIds).containsExactly("pw1");
            });
  }

  @Test
  void beforeTheOpenFinishesOnlyAGeneratedNameCountsAsOurs() {
    assertThat(leases.get(opening(true)).toCoreLease().created()).isTrue();
    assertThat(leases.get(opening(false)).toCoreLease().created()).isFalse();
  }

  @Test
  void createdResourcesAreRecordedAndSavedAsTheyArrive() {
    String id = opening(false);
    int saves = run.saves.get();

    leases.branchCreated(run, id);
    leases.passwordCreated(run, id, "pw1");
    leases.passwordCreated(run, id, "pw1");

    assertThat(run.saves.get()).isEqualTo(saves + 3);
    BranchLease core = leases.get(id).toCoreLease();
    assertThat(core.created()).as("a user-named branch this build created is ours").isTrue();
    assertThat(core.passwordIds()).containsExactly("pw1");
    assertThat(leases.get(id).state).isEqualTo(BranchLeasesAction.State.OPENING);
    // The open's own summary agrees and adds nothing twice.
    leases.opened(run, id, opened(true));
    assertThat(leases.get(id).toCoreLease().passwordIds()).containsExactly("pw1");
  }
}
