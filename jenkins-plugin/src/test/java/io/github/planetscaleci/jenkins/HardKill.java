package io.github.planetscaleci.jenkins;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Simulates a controller that dies right after one save of the build: an {@link Error} (which core
 * and the steps do not catch, so no cleanup code runs) thrown from the first save where the
 * condition holds, and the build as Jenkins would load it again from that save's build.xml.
 */
final class HardKill extends Error {
  private static final long serialVersionUID = 1L;

  private final transient Predicate<FakeJenkins.FakeRun> at;
  private final transient AtomicReference<FakeJenkins.FakeRun> reloaded = new AtomicReference<>();

  private HardKill(Predicate<FakeJenkins.FakeRun> at) {
    super("simulated hard kill", null, false, false);
    this.at = at;
  }

  /** Kills the build at the first save of {@code run} where {@code at} holds. */
  static HardKill at(FakeJenkins.FakeRun run, Predicate<FakeJenkins.FakeRun> at) {
    HardKill kill = new HardKill(at);
    run.afterSave =
        r -> {
          if (kill.reloaded.get() == null && kill.at.test(r)) {
            kill.reloaded.set(reload(r));
            throw kill;
          }
        };
    return kill;
  }

  /** The build reloaded from the build.xml of the fatal save; fails if the kill never happened. */
  FakeJenkins.FakeRun reloaded() {
    FakeJenkins.FakeRun r = reloaded.get();
    if (r == null) {
      throw new AssertionError("the build was never killed: the kill's save never happened");
    }
    return r;
  }

  /** A new build object holding copies of the saved cleanup records, and nothing in memory. */
  private static FakeJenkins.FakeRun reload(FakeJenkins.FakeRun saved) {
    FakeJenkins.FakeRun copy = new FakeJenkins.FakeRun(saved.getParent(), saved.getNumber());
    BranchLeasesAction leases = saved.getAction(BranchLeasesAction.class);
    if (leases != null) {
      for (BranchLeasesAction.Lease l : leases.unclosed()) {
        BranchLeasesAction.of(copy).opening(copy, l);
      }
    }
    PreviewRequestsAction previews = saved.getAction(PreviewRequestsAction.class);
    if (previews != null) {
      for (PreviewRequestsAction.Request r : previews.unsettled()) {
        PreviewRequestsAction.of(copy).opened(copy, r);
      }
    }
    return copy;
  }

  /** At the save that records that this build created its branch, before the open finished. */
  static Predicate<FakeJenkins.FakeRun> branchRecordedAsCreated() {
    return r ->
        opening(r).stream()
            .anyMatch(l -> Boolean.TRUE.equals(l.created) && l.passwordIds.isEmpty());
  }

  /** At the save that records a password, before the open finished. */
  static Predicate<FakeJenkins.FakeRun> passwordRecorded() {
    return r -> opening(r).stream().anyMatch(l -> !l.passwordIds.isEmpty());
  }

  /** At the save that records a preview request this build opened. */
  static Predicate<FakeJenkins.FakeRun> previewRecorded() {
    return r -> {
      PreviewRequestsAction a = r.getAction(PreviewRequestsAction.class);
      return a != null && !a.unsettled().isEmpty();
    };
  }

  private static java.util.List<BranchLeasesAction.Lease> opening(FakeJenkins.FakeRun r) {
    BranchLeasesAction a = r.getAction(BranchLeasesAction.class);
    return a == null
        ? java.util.List.of()
        : a.unclosed().stream().filter(l -> l.state == BranchLeasesAction.State.OPENING).toList();
  }
}
