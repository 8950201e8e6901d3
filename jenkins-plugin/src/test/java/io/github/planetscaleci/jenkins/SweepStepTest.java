package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import io.github.planetscaleci.emulator.EmulatorStats.DatabaseStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * planetscaleSweep against the emulator: young branches are kept, stale ones deleted; a stale
 * request this tool opened is closed only with closeStaleRequests.
 */
class SweepStepTest {
  private static final String DB = "sweepstep";
  private static final String DB_CLOSE = "sweepclose";

  @RegisterExtension static final EmulatorBuilds builds = new EmulatorBuilds(DB, null, "", "sweep");

  @BeforeAll
  static void secondDatabase() {
    builds.emulator().createDatabase(SharedEmulator.ORG, DB_CLOSE, null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsYoungBranchesAndDeletesStaleOnes() throws Exception {
    // A build that kept its branch leaves a ci- branch behind.
    PlanetScaleBranchStep keep = new PlanetScaleBranchStep(DB);
    keep.setKeepBranch(true);
    FakeStepContext build = builds.context(b -> null, FakeJenkins.run("", "nightly", 1));
    keep.start(build).start();
    build.result();
    assertThat(builds.stats().branches()).isEqualTo(1);

    PlanetScaleSweepStep young = new PlanetScaleSweepStep(DB);
    FakeStepContext first = builds.context(null, FakeJenkins.run("", "sweep", 1));
    Map<String, Object> kept = (Map<String, Object>) first.runStep(young);
    assertThat((List<String>) kept.get("deleted")).isEmpty();
    assertThat((List<String>) kept.get("kept")).hasSize(1);
    assertThat(builds.stats().branches()).isEqualTo(1);

    Thread.sleep(1_100); // the smallest age the sweep accepts is one second
    PlanetScaleSweepStep dry = new PlanetScaleSweepStep(DB);
    dry.setOlderThan("1s");
    dry.setDryRun(true);
    Map<String, Object> preview = (Map<String, Object>) first.runStep(dry);
    assertThat(preview).containsEntry("dryRun", true);
    assertThat((List<String>) preview.get("deleted")).hasSize(1);
    assertThat(builds.stats().branches()).isEqualTo(1);

    PlanetScaleSweepStep stale = new PlanetScaleSweepStep(DB);
    stale.setOlderThan("1s");
    Map<String, Object> swept = (Map<String, Object>) first.runStep(stale);
    assertThat((List<String>) swept.get("deleted")).hasSize(1);
    assertThat(builds.stats().branches()).isZero();
    assertThat(builds.log().text()).contains("PlanetScale sweep").contains("1 branch deleted");
  }

  @Test
  @SuppressWarnings("unchecked")
  void closesStaleRequestsThisToolOpenedOnlyWhenAsked() throws Exception {
    // A build kept its branch and left a preview open on it (as a killed job would).
    PlanetScaleBranchStep keep = new PlanetScaleBranchStep(DB_CLOSE);
    keep.setKeepBranch(true);
    PlanetScaleDeployRequestStep preview = new PlanetScaleDeployRequestStep();
    preview.setKeepOpen(true);
    FakeStepContext build =
        builds.context(
            body -> {
              EmulatorBuilds.execute(
                  body.get(EnvVars.class),
                  "CREATE TABLE left_open (id BIGINT NOT NULL PRIMARY KEY)");
              return body.runStep(preview);
            },
            FakeJenkins.run("", "nightly", 7));
    keep.start(build).start();
    Map<String, Object> request = (Map<String, Object>) build.result();
    String branch = (String) request.get("branch");
    int number = (Integer) request.get("number");
    assertThat(branch).startsWith("ci-jenkins-nightly-").endsWith("-b7");
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(stats().openDeployRequests()).isEqualTo(1);
    Thread.sleep(1_100); // branch and request older than the smallest limit, one second

    FakeStepContext sweeper = builds.context(null, FakeJenkins.run("", "sweep", 2));
    PlanetScaleSweepStep off = new PlanetScaleSweepStep(DB_CLOSE);
    off.setOlderThan("1s");
    assertThat(off.isCloseStaleRequests()).isFalse();
    Map<String, Object> kept = (Map<String, Object>) sweeper.runStep(off);
    assertThat((List<String>) kept.get("deleted")).isEmpty();
    assertThat((List<String>) kept.get("kept"))
        .containsExactly(branch + ": open deploy request #" + number);
    assertThat((List<String>) kept.get("closedRequests")).isEmpty();
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(stats().openDeployRequests()).isEqualTo(1);

    String label = "#" + number + " (" + branch + " -> main)";
    PlanetScaleSweepStep dry = new PlanetScaleSweepStep(DB_CLOSE);
    dry.setOlderThan("1s");
    dry.setCloseStaleRequests(true);
    dry.setDryRun(true);
    Map<String, Object> wouldClose = (Map<String, Object>) sweeper.runStep(dry);
    assertThat((List<String>) wouldClose.get("closedRequests")).containsExactly(label);
    assertThat((List<String>) wouldClose.get("deleted")).containsExactly(branch);
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(stats().openDeployRequests()).isEqualTo(1);

    PlanetScaleSweepStep on = new PlanetScaleSweepStep(DB_CLOSE);
    on.setOlderThan("1s");
    on.setCloseStaleRequests(true);
    Map<String, Object> swept = (Map<String, Object>) sweeper.runStep(on);
    assertThat(swept).containsEntry("dryRun", false);
    assertThat((List<String>) swept.get("closedRequests")).containsExactly(label);
    assertThat((List<String>) swept.get("deleted")).containsExactly(branch);
    assertThat((List<String>) swept.get("kept")).isEmpty();
    assertThat(stats().openDeployRequests()).isZero();
    assertThat(stats().branches()).isZero();
    assertThat(builds.log().text()).contains("closed stale deploy request " + label);
  }

  private static DatabaseStats stats() {
    return builds.emulator().stats().of(SharedEmulator.ORG, DB_CLOSE);
  }
}
