package io.github.planetscaleci.emulator.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working directories of emulator instances, each marked with its owner JVM's pid so that the next
 * start can remove what a killed predecessor left behind (its mariadbd process and files). They
 * live under {@link Locations#runBase()}, private to the current user; a directory that is not
 * private is never cleaned, and a process is only killed when it is that directory's mariadbd.
 */
public final class InstanceDirs {
  static final String OWNER_FILE = "owner.pid";
  static final String MYSQLD_PID_FILE = "mysqld.pid";
  private static final String DATA_DIR_REMEDY =
      "Use a directory you own that only you can write (chmod 700 DIR) as the data directory.";
  private static final Logger LOG = LoggerFactory.getLogger(InstanceDirs.class);

  private InstanceDirs() {}

  /** The per-user parent of temporary instance directories. */
  public static Path baseDir() {
    return Locations.runBase();
  }

  /** Creates a fresh temporary instance directory owned by this JVM. */
  public static Path createTemporary() {
    try {
      Path base = Locations.createRunBase();
      Path dir = Files.createTempDirectory(base, "run-" + ProcessHandle.current().pid() + "-");
      markOwned(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a working directory under " + baseDir(), e);
    }
  }

  /** Claims a user-chosen directory, cleaning it up first if a dead emulator owned it. */
  public static Path claim(Path chosen) {
    Path dir = chosen.toAbsolutePath().normalize();
    try {
      PrivateDirs.createOrVerify(dir, "data directory", DATA_DIR_REMEDY);
      Optional<Long> owner = LeftoverMysqld.readPid(dir.resolve(OWNER_FILE));
      long self = ProcessHandle.current().pid();
      if (owner.isPresent() && owner.get() != self && isAlive(owner.get())) {
        throw new IllegalStateException(
            "Data directory " + dir + " is in use by the emulator in process " + owner.get());
      }
      if (owner.isPresent() && owner.get() == self && LeftoverMysqld.find(dir).isPresent()) {
        throw new IllegalStateException(
            "Data directory " + dir + " is in use by another emulator in this process");
      }
      if (owner.isPresent()) {
        LeftoverMysqld.kill(dir);
        deleteRecursively(dir.resolve("mariadb"));
      }
      markOwned(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use data directory " + dir, e);
    }
  }

  /** Removes instance directories (and their mariadbd) whose owner JVM is gone. */
  public static void cleanupOrphans() {
    Path base = baseDir();
    if (!Files.isDirectory(base)) {
      return;
    }
    Optional<String> unsafe = PrivateDirs.problem(base);
    if (unsafe.isPresent()) {
      LOG.warn("Not looking for leftovers in {}: it {}", base, unsafe.get());
      return;
    }
    try (Stream<Path> dirs = Files.list(base)) {
      dirs.filter(d -> d.getFileName().toString().startsWith("run-"))
          .forEach(InstanceDirs::cleanupIfOrphan);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not scan {} for leftovers: {}", base, e.toString());
    }
  }

  private static void cleanupIfOrphan(Path dir) {
    try {
      Optional<String> unsafe = PrivateDirs.problem(dir);
      if (unsafe.isPresent()) {
        LOG.warn("Leaving {} alone: it {}", dir, unsafe.get());
        return;
      }
      Optional<Long> owner = LeftoverMysqld.readPid(dir.resolve(OWNER_FILE));
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
      LeftoverMysqld.kill(dir);
      deleteRecursively(dir);
    } catch (IOException | UncheckedIOException e) {
      // Another emulator of this user may be removing the same leftover right now.
      LOG.warn("Could not remove leftover {}: {}", dir, e.toString());
    }
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

  /**
   * Deletes a directory tree; missing is fine. A tree that grew while it was walked is walked
   * again.
   */
  public static void deleteRecursively(Path dir) {
    for (int attempt = 0; attempt < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        LOG.warn("Could not delete {}: {}", dir, e.toString());
      }
    }
  }
}
