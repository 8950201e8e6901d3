package io.github.planetscaleci.action.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether the process's stdout is redirected to a regular file (Linux, via /proc). */
final class StdoutTarget {
  private StdoutTarget() {}

  /** True only when stdout is known to be a regular file; false when unknown or a pipe. */
  static boolean isRegularFile() {
    return isRegularFile(Path.of("/proc/self/fd/1"));
  }

  static boolean isRegularFile(Path fd) {
    try {
      // Follows the link: a pipe or terminal is not a regular file, `> .env` is.
      return Files.isRegularFile(fd);
    } catch (SecurityException e) {
      return false;
    }
  }
}
