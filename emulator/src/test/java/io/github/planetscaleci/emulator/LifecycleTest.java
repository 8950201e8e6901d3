package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.mysql.EmbeddedMariaDb;
import io.github.planetscaleci.emulator.mysql.InstanceDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private static long mysqldPid(Path dir) throws Exception {
    return Long.parseLong(Files.readString(dir.resolve("mysqld.pid")).trim());
  }

  @Test
  void closeLeavesNoProcessAndNoFiles() throws Exception {
    Path dir;
    long pid;
    try (PlanetScaleEmulator emu = PlanetScaleEmulator.builder().build().start()) {
      dir = emu.instanceDirectory();
      pid = mysqldPid(dir);
      assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
      assertThat(emu.toString()).startsWith("PlanetScaleEmulator[http://127.0.0.1:");
    }
    assertThat(dir).doesNotExist();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void nextStartRemovesWhatAKilledPredecessorLeft() throws Exception {
    // A predecessor: its JVM (a finished process here) is dead, its mysqld still runs.
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor(10, TimeUnit.SECONDS);
    Path dir =
        Files.createTempDirectory(
            Files.createDirectories(InstanceDirs.baseDir()), "run-" + dead.pid() + "-");
    EmbeddedMariaDb leftover = EmbeddedMariaDb.start(dir);
    Files.writeString(dir.resolve("owner.pid"), Long.toString(dead.pid()));
    long pid = mysqldPid(dir);
    try {
      InstanceDirs.cleanupOrphans();
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(dir).doesNotExist();
    } finally {
      leftover.close();
    }
  }

  @Test
  void aLiveInstanceIsLeftAlone() throws Exception {
    try (PlanetScaleEmulator emu =
        PlanetScaleEmulator.builder().provisioningDelay(Duration.ZERO).build().start()) {
      InstanceDirs.cleanupOrphans();
      assertThat(emu.instanceDirectory()).exists();
      emu.createDatabase("acme", "app", null);
      assertThat(emu.stats().of("acme", "app").branches()).isZero();
    }
  }

  @Test
  void builderNeverShowsSecrets() {
    PlanetScaleEmulator.Builder b =
        PlanetScaleEmulator.builder().serviceToken("id", "very-secret").oauthToken("oauth-secret");
    assertThat(b.toString()).doesNotContain("very-secret").doesNotContain("oauth-secret");
  }
}
