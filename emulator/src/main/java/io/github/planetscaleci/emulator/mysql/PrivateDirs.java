package io.github.planetscaleci.emulator.mysql;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Directories the emulator runs programs from, reads pid files from or deletes in: each must be a
 * real directory owned by the current user that nobody else can write, because another local user
 * who could put files there could make the emulator (often root in CI) run their program or kill
 * their chosen process.
 */
final class PrivateDirs {
  private static volatile Integer currentUid;

  private PrivateDirs() {}

  /**
   * Creates {@code dir} and its missing parents readable by the owner only, or checks the existing
   * one; throws {@link IllegalStateException} naming the directory, the problem and {@code remedy}.
   */
  static Path createOrVerify(Path dir, String purpose, String remedy) throws IOException {
    if (!Files.exists(dir, NOFOLLOW_LINKS)) {
      try {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir);
      }
    }
    verify(dir, purpose, remedy);
    return dir;
  }

  /** Throws {@link IllegalStateException} unless {@link #problem(Path)} finds nothing. */
  static void verify(Path dir, String purpose, String remedy) {
    Optional<String> problem = problem(dir);
    if (problem.isPresent()) {
      throw new IllegalStateException(
          "Refusing to use "
              + dir
              + " as the emulator's "
              + purpose
              + ": it "
              + problem.get()
              + ", so another local user could have put programs or pid files there. "
              + remedy);
    }
  }

  /** Why {@code dir} cannot be trusted, or empty when it is ours and writable by us alone. */
  static Optional<String> problem(Path dir) {
    if (Files.isSymbolicLink(dir)) {
      return Optional.of("is a symbolic link");
    }
    if (!Files.isDirectory(dir, NOFOLLOW_LINKS)) {
      return Optional.of("is not a directory");
    }
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(dir, "unix:uid,mode", NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return Optional.empty(); // Not a Unix file system: no owners or modes to compare.
    } catch (IOException e) {
      return Optional.of("cannot be inspected (" + e.getMessage() + ")");
    }
    int uid = (Integer) attributes.get("uid");
    int mode = (Integer) attributes.get("mode");
    if (uid != currentUid()) {
      return Optional.of("is owned by uid " + uid + ", not by you (uid " + currentUid() + ")");
    }
    if ((mode & 0022) != 0) {
      return Optional.of(String.format("is writable by group or others (mode %03o)", mode & 0777));
    }
    return Optional.empty();
  }

  /** The uid that owns the files this process creates. */
  static int currentUid() {
    Integer uid = currentUid;
    if (uid == null) {
      uid = lookUpUid();
      currentUid = uid;
    }
    return uid;
  }

  private static int lookUpUid() {
    try {
      return (int) new UnixSystem().getUid();
    } catch (LinkageError e) {
      // A trimmed runtime without jdk.security.auth: ask the file system who we are instead.
      try {
        Path probe = Files.createTempFile("planetscale-ci-uid-", ".tmp");
        try {
          return (Integer) Files.getAttribute(probe, "unix:uid", NOFOLLOW_LINKS);
        } finally {
          Files.deleteIfExists(probe);
        }
      } catch (IOException | UnsupportedOperationException io) {
        return -1;
      }
    }
  }
}
