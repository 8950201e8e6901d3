package io.github.planetscaleci.action.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.command.Leases;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowEvent.CreatedResource;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease recorder and the HOME lease file when a save fails or a file is damaged. */
class LeaseRecorderTest {
  private static final DatabaseRef DB = new DatabaseRef("acme", "shop");

  @TempDir Path home;

  private static WorkflowEvent.Created created(CreatedResource r, String id) {
    return new WorkflowEvent.Created(r, "acme", "shop", "feature-x", id);
  }

  @Test
  void aFailedSaveLeavesTheLeaseUnchangedSoTheClosingSaveIsNotSkipped() {
    List<BranchLease> saved = new ArrayList<>();
    boolean[] fail = {false};
    LeaseRecorder r =
        new LeaseRecorder(
            new BranchLease(DB, "feature-x", false, List.of()),
            l -> {
              if (fail[0]) {
                throw new IllegalStateException("state file not writable");
              }
              saved.add(l);
            });
    List<WorkflowEvent> seen = new ArrayList<>();
    fail[0] = true;
    r.around(seen::add).onEvent(created(CreatedResource.BRANCH, "feature-x"));
    // The caller compares its final lease with current(): still the provisional one, so it saves.
    assertThat(r.current().created()).isFalse();
    assertThat(seen)
        .first()
        .isInstanceOfSatisfying(
            WorkflowEvent.Warning.class,
            w -> assertThat(w.message()).contains("could not record the created branch"));
    fail[0] = false;
    r.around(seen::add).onEvent(created(CreatedResource.PASSWORD, "pw1"));
    assertThat(r.current()).isEqualTo(new BranchLease(DB, "feature-x", false, List.of("pw1")));
    assertThat(saved).last().isEqualTo(r.current());
  }

  @Test
  void theLeaseJsonCarriesTheBranchIdAndReadsOlderLeasesWithoutOne() {
    BranchLease withId = new BranchLease(DB, "feature-x", true, List.of("pw1"), "br-42");
    assertThat(Leases.fromJson(Leases.toJson(withId))).isEqualTo(withId);
    BranchLease older =
        Leases.fromJson(
            "{\"database\":{\"organization\":\"acme\",\"database\":\"shop\"},"
                + "\"branch\":\"feature-x\",\"created\":true,\"passwordIds\":[\"pw1\"]}");
    assertThat(older).isEqualTo(new BranchLease(DB, "feature-x", true, List.of("pw1")));
    assertThat(older.branchId()).isNull();
  }

  @Test
  void aDamagedLeaseFileReadsAsNoLeaseAndIsReplacedWhole() throws Exception {
    BranchLease lease = new BranchLease(DB, "feature-x", true, List.of("pw1"));
    Path file = Leases.file(home, DB, "feature-x");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"database\":{\"organiz"); // cut off by a kill mid-write
    assertThat(Leases.load(home, DB, "feature-x")).isNull();
    assertThat(Leases.save(home, lease)).isTrue();
    assertThat(Leases.load(home, DB, "feature-x")).isEqualTo(lease);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left beside it
    }
  }
}
