package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** planetscaleSweep against the emulator: young branches are kept, stale ones deleted. */
class SweepStepTest {
  private static final String DB = "sweepstep";
  private static PlanetScaleEmulator emu;

  private final SharedEmulator.Log log = new SharedEmulator.Log();
  private AutoCloseable hostOverride;

  @BeforeAll
  static void database() {
    emu = SharedEmulator.get();
    emu.createDatabase(SharedEmulator.ORG, DB, null);
  }

  @BeforeEach
  void installHost() {
    hostOverride = Host.override(SharedEmulator.host());
  }

  @AfterEach
  void removeHost() throws Exception {
    hostOverride.close();
    assertThat(log.text()).doesNotContain(SharedEmulator.TOKEN_SECRET);
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsYoungBranchesAndDeletesStaleOnes() throws Exception {
    // A build that kept its branch leaves a ci- branch behind.
    PlanetScaleBranchStep keep = new PlanetScaleBranchStep(DB);
    keep.setKeepBranch(true);
    FakeStepContext build =
        SharedEmulator.context(b -> null, FakeJenkins.run("", "nightly", 1), log);
    keep.start(build).start();
    build.result();
    assertThat(emu.stats().of(SharedEmulator.ORG, DB).branches()).isEqualTo(1);

    PlanetScaleSweepStep young = new PlanetScaleSweepStep(DB);
    FakeStepContext first = SharedEmulator.context(null, FakeJenkins.run("", "sweep", 1), log);
    Map<String, Object> kept = (Map<String, Object>) first.runStep(young);
    assertThat((List<String>) kept.get("deleted")).isEmpty();
    assertThat((List<String>) kept.get("kept")).hasSize(1);
    assertThat(emu.stats().of(SharedEmulator.ORG, DB).branches()).isEqualTo(1);

    Thread.sleep(1_100); // the smallest age the sweep accepts is one second
    PlanetScaleSweepStep dry = new PlanetScaleSweepStep(DB);
    dry.setOlderThan("1s");
    dry.setDryRun(true);
    Map<String, Object> preview = (Map<String, Object>) first.runStep(dry);
    assertThat(preview).containsEntry("dryRun", true);
    assertThat((List<String>) preview.get("deleted")).hasSize(1);
    assertThat(emu.stats().of(SharedEmulator.ORG, DB).branches()).isEqualTo(1);

    PlanetScaleSweepStep stale = new PlanetScaleSweepStep(DB);
    stale.setOlderThan("1s");
    Map<String, Object> swept = (Map<String, Object>) first.runStep(stale);
    assertThat((List<String>) swept.get("deleted")).hasSize(1);
    assertThat(emu.stats().of(SharedEmulator.ORG, DB).branches()).isZero();
    assertThat(log.text()).contains("PlanetScale sweep").contains("1 branch deleted");
  }
}
