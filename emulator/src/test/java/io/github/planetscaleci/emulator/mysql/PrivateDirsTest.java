package io.github.planetscaleci.emulator.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator runs no binaries from, and trusts no pid files in, a directory others control. */
class PrivateDirsTest {
  @TempDir Path tmp;

  @AfterEach
  void useTheDefaultCacheAgain() {
    System.clearProperty(Locations.CACHE_DIR_PROPERTY);
  }

  /** A directory owned by someone else: chowned to nobody when we are root, else root's "/". */
  private Path foreignOwned() throws IOException {
    if (PrivateDirs.currentUid() != 0) {
      return Path.of("/");
    }
    Path dir = Files.createDirectory(tmp.resolve("foreign"));
    Files.setAttribute(dir, "unix:uid", 65534);
    return dir;
  }

  private Path worldWritable(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    return dir;
  }

  private static List<Path> runDirs() throws IOException {
    if (!Files.isDirectory(InstanceDirs.baseDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(InstanceDirs.baseDir())) {
      return dirs.toList();
    }
  }

  @Test
  void startRefusesAWorldWritableCacheAndLeavesNothingBehind() throws IOException {
    Path cache = worldWritable(tmp.resolve("cache"));
    System.setProperty(Locations.CACHE_DIR_PROPERTY, cache.toString());
    List<Path> before = runDirs();
    PlanetScaleEmulator emu = PlanetScaleEmulator.builder().build();

    assertThatThrownBy(emu::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to use " + cache)
        .hasMessageContaining("writable by group or others (mode 777)")
        .hasMessageContaining(Locations.CACHE_DIR_ENV);
    assertThat(runDirs()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(cache).isEmptyDirectory();
  }

  @Test
  void refusesACacheOwnedBySomeoneElse() throws IOException {
    Path cache = foreignOwned();
    System.setProperty(Locations.CACHE_DIR_PROPERTY, cache.toString());

    assertThatThrownBy(BinariesCache::unpacked)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to use " + cache)
        .hasMessageContaining("is owned by uid ")
        .hasMessageContaining("not by you (uid " + PrivateDirs.currentUid() + ")");
  }

  @Test
  void refusesFinishedLookingBinariesOthersCouldHaveWritten() throws IOException {
    Path cache = Files.createDirectory(tmp.resolve("cache"));
    Path planted = worldWritable(cache.resolve(BinariesCache.version()));
    Files.createFile(planted.resolve(".complete"));
    System.setProperty(Locations.CACHE_DIR_PROPERTY, cache.toString());

    assertThatThrownBy(BinariesCache::unpacked)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to use " + planted)
        .hasMessageContaining("MariaDB binaries cache");
  }

  @Test
  void dataDirectoryMustBePrivateAndNoSymbolicLink() throws IOException {
    Path open = worldWritable(tmp.resolve("open"));
    assertThatThrownBy(() -> InstanceDirs.claim(open))
        .hasMessageContaining("Refusing to use " + open + " as the emulator's data directory")
        .hasMessageContaining("chmod 700");
    assertThat(open.resolve(InstanceDirs.OWNER_FILE)).doesNotExist();

    Path link =
        Files.createSymbolicLink(tmp.resolve("link"), Files.createDirectory(tmp.resolve("t")));
    assertThat(PrivateDirs.problem(link)).hasValue("is a symbolic link");
    Path fresh = InstanceDirs.claim(tmp.resolve("new/data"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rwx------");
    assertThat(PrivateDirs.problem(fresh)).isEmpty();
  }
}
