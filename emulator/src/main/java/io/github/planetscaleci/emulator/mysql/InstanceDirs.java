package io.github.planetscaleci.emulator.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working directories of emulator instances, each marked with its owner JVM's pid so that the next
 * start can remove what a killed predecessor left behind (its mysqld process and files).
 */
public final class InstanceDirs {
  static final String OWNER_FILE = "owner.pid";
  static final String MYSQLD_PID_FILE = "mysqld.pid";
  private static final Logger LOG = LoggerFactory.getLogger(InstanceDirs.class);

  private InstanceDirs() {}

  /** Well-known parent of temporary instance directories. */
  public static Path baseDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "planetscale-ci-emulator");
  }

  /** Creates a fresh temporary instance directory owned by this JVM. */
  public static Path createTemporary() {
    try {
      Path base = Files.createDirectories(baseDir());
      Path dir = Files.createTempDirectory(base, "run-" + ProcessHandle.current().pid() + "-");
      markOwned(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a working directory under " + baseDir(), e);
    }
  }

  /** Claims a user-chosen directory, cleaning it up first if a dead emulator owned it. */
  public static Path claim(Path dir) {
    try {
      Files.createDirectories(dir);
      Optional<Long> owner = readPid(dir.resolve(OWNER_FILE));
      if (owner.isPresent()
          && owner.get() != ProcessHandle.current().pid()
          && isAlive(owner.get())) {
        throw new IllegalStateException(
            "Data directory " + dir + " is in use by the emulator in process " + owner.get());
      }
      if (owner.isPresent()) {
        killLeftoverMysqld(dir);
        deleteRecursively(dir.resolve("mariadb"));
      }
      markOwned(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use data directory " + dir, e);
    }
  }

  /** Removes instance directories (and their mysqld) whose owner JVM is gone. */
  public static void cleanupOrphans() {
    Path base = baseDir();
    if (!Files.isDirectory(base)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(base)) {
      dirs.filter(d -> d.getFileName().toString().startsWith("run-"))
          .forEach(InstanceDirs::cleanupIfOrphan);
    } catch (IOException e) {
      LOG.warn("Could not scan {} for leftovers: {}", base, e.toString());
    }
  }

  private static void cleanupIfOrphan(Path dir) {
    try {
      Optional<Long> owner = readPid(dir.resolve(OWNER_FILE));
      if (owner.isEmpty()) {
        // A sibling may be creating it right now; only very old unmarked dirs are garbage.
        FileTime modified = Files.getLastModifiedTime(dir);
        if (modified.toInstant().isAfter(Instant.now().minus(Duration.ofMinutes(10)))) {
          return;
        }
      } else if (isAlive(owner.get())) {
        return;
      }
      LOG.info("Removing leftovers of a stopped emulator: {}", dir);
      killLeftoverMysqld(dir);
      deleteRecursively(dir);
    } catch (IOException e) {
      LOG.warn("Could not remove leftover {}: {}", dir, e.toString());
    }
  }

  private static void killLeftoverMysqld(Path dir) throws IOException {
    Optional<Long> pid;
    try (Stream<Path> files = Files.walk(dir, 3)) {
      pid =
          files
              .filter(f -> f.getFileName().toString().equals(MYSQLD_PID_FILE))
              .findFirst()
              .flatMap(InstanceDirs::readPid);
    }
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid.get());
    // Only kill it if it really is a MariaDB server started on this directory (pids get reused).
    if (handle.isPresent() && handle.get().isAlive() && isMysqldOf(handle.get(), dir)) {
      handle.get().destroyForcibly();
      try {
        handle.get().onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Leftover mysqld {} did not exit: {}", pid.get(), e.toString());
      }
    }
  }

  private static boolean isMysqldOf(ProcessHandle handle, Path dir) {
    String cmd = handle.info().commandLine().orElse("");
    return (cmd.contains("mariadbd") || cmd.contains("mysqld"))
        && cmd.contains(dir.toAbsolutePath().toString());
  }

  private static void markOwned(Path dir) throws IOException {
    Files.writeString(
        dir.resolve(OWNER_FILE),
        Long.toString(ProcessHandle.current().pid()),
        StandardCharsets.UTF_8);
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Deletes a directory tree; missing is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.toString());
    }
  }
}
