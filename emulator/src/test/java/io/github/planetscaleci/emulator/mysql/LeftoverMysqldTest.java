package io.github.planetscaleci.emulator.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.support.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orphan cleanup kills a pid from a pid file only when the process is that directory's mariadbd and
 * the directory is private. Stand-ins are copies of {@code cat} (blocked on stdin) named like the
 * server and given a {@code --datadir}, so no MariaDB has to start.
 */
class LeftoverMysqldTest {
  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.forEach(Process::destroyForcibly);
    dirs.forEach(InstanceDirs::deleteRecursively);
  }

  /** A process whose executable is called {@code name}, with {@code --datadir=<dataDir>}. */
  private Process fake(String name, Path dataDir) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin-" + processes.size()));
    Path exe =
        Files.copy(
            Path.of(Files.exists(Path.of("/bin/cat")) ? "/bin/cat" : "/usr/bin/cat"),
            bin.resolve(name));
    Process p = new ProcessBuilder(exe.toString(), "--", "-", "--datadir=" + dataDir).start();
    processes.add(p);
    Await.until(
        () -> p.info().command().orElse(""),
        c -> c.endsWith("/" + name),
        Duration.ofSeconds(10),
        name + " running");
    return p;
  }

  /** An instance directory whose owner JVM is dead. */
  private Path orphan() throws Exception {
    Path dir = Files.createTempDirectory(Locations.createRunBase(), "run-0-");
    dirs.add(dir);
    Files.writeString(dir.resolve(InstanceDirs.OWNER_FILE), Long.toString(deadPid()));
    return dir;
  }

  private static long deadPid() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor(10, TimeUnit.SECONDS);
    return dead.pid();
  }

  private static void pidFile(Path dir, Process p) throws IOException {
    Files.writeString(dir.resolve(InstanceDirs.MYSQLD_PID_FILE), Long.toString(p.pid()));
  }

  private static void awaitExit(Process p) throws InterruptedException {
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("process %d exited", p.pid()).isTrue();
  }

  @Test
  void cleanupKillsTheOrphansMariadbdAndNoOtherProcess() throws Exception {
    Path withServer = orphan();
    Process server = fake("mariadbd", withServer.resolve("data"));
    pidFile(withServer, server);
    Path withOtherServer = orphan();
    Process otherServer = fake("mariadbd", tmp.resolve("elsewhere/data"));
    pidFile(withOtherServer, otherServer);
    Path withNotAServer = orphan();
    Process notAServer = fake("cat", withNotAServer.resolve("data"));
    pidFile(withNotAServer, notAServer);

    InstanceDirs.cleanupOrphans();

    awaitExit(server);
    assertThat(otherServer.isAlive()).isTrue();
    assertThat(notAServer.isAlive()).isTrue();
    assertThat(withServer).doesNotExist();
    assertThat(withOtherServer).doesNotExist();
    assertThat(withNotAServer).doesNotExist();
  }

  @Test
  void cleanupLeavesADirectoryOthersCanWriteAndItsProcessAlone() throws Exception {
    Path dir = orphan();
    Process server = fake("mariadbd", dir.resolve("data"));
    pidFile(dir, server);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    InstanceDirs.cleanupOrphans();

    assertThat(server.isAlive()).isTrue();
    assertThat(dir).exists();

    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    InstanceDirs.cleanupOrphans();
    awaitExit(server);
    assertThat(dir).doesNotExist();
  }

  @Test
  void claimingADeadEmulatorsDataDirectoryStopsItsMariadbd() throws Exception {
    Path dataDir = Files.createDirectory(tmp.resolve("data-dir"));
    Path mariadb = Files.createDirectory(dataDir.resolve("mariadb"));
    Process server = fake("mariadbd", mariadb.resolve("data"));
    pidFile(mariadb, server);
    Files.writeString(dataDir.resolve(InstanceDirs.OWNER_FILE), Long.toString(deadPid()));

    InstanceDirs.claim(dataDir);

    awaitExit(server);
    assertThat(mariadb).doesNotExist();
    assertThat(Files.readString(dataDir.resolve(InstanceDirs.OWNER_FILE)))
        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
  }

  @Test
  void claimingABroadDataDirectoryLeavesAnotherServerInsideItAlone() throws Exception {
    // --data-dir ~/work, where a crashed emulator left its owner file and the user's own MariaDB
    // keeps its pid file and data deeper down: only <dir>/mariadb is the emulator's.
    Path dataDir = Files.createDirectory(tmp.resolve("work"));
    Path own = Files.createDirectories(dataDir.resolve("db/run"));
    Process users = fake("mariadbd", dataDir.resolve("db/data"));
    pidFile(own, users);
    Files.writeString(dataDir.resolve(InstanceDirs.OWNER_FILE), Long.toString(deadPid()));

    InstanceDirs.claim(dataDir);

    assertThat(users.isAlive()).isTrue();
    assertThat(own.resolve(InstanceDirs.MYSQLD_PID_FILE)).exists();
  }

  @Test
  void aServerWhoseDataDirectoryIsOnlyInsideTheInstanceIsNotTheInstancesServer() throws Exception {
    Path dir = orphan();
    Process nested = fake("mariadbd", dir.resolve("data/nested"));
    pidFile(dir, nested);

    assertThat(LeftoverMysqld.find(dir)).isEmpty();
    InstanceDirs.cleanupOrphans();

    assertThat(nested.isAlive()).isTrue();
    assertThat(dir).doesNotExist();
  }
}
