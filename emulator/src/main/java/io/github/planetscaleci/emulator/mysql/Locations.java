package io.github.planetscaleci.emulator.mysql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the emulator keeps its files: the MariaDB binaries cache (per user, kept between runs like
 * {@code ~/.m2}) and the working directories of running instances (per user, under the temporary
 * directory, deleted by {@code close()}). Both are private to the user who runs the emulator.
 */
public final class Locations {
  /** System property naming the binaries cache directory; wins over {@link #CACHE_DIR_ENV}. */
  public static final String CACHE_DIR_PROPERTY = "planetscaleci.emulator.cacheDir";

  /** Environment variable naming the binaries cache directory. */
  public static final String CACHE_DIR_ENV = "PLANETSCALE_EMULATOR_CACHE_DIR";

  static final String CACHE_PURPOSE = "MariaDB binaries cache";
  static final String CACHE_REMEDY =
      "Remove it, or point the cache at a directory only you can write with "
          + CACHE_DIR_ENV
          + "=DIR (Java: -D"
          + CACHE_DIR_PROPERTY
          + "=DIR).";
  private static final String RUN_REMEDY =
      "Remove it, or give the JVM a private temporary directory with -Djava.io.tmpdir=DIR.";
  private static final Logger LOG = LoggerFactory.getLogger(Locations.class);

  private Locations() {}

  /**
   * The binaries cache root, created owner-only or checked: the property, else the environment
   * variable, else {@code $XDG_CACHE_HOME/planetscale-ci}, else {@code ~/.cache/planetscale-ci},
   * else (no usable home) {@link #runBase()}.
   */
  static Path cacheRoot() throws IOException {
    Optional<Path> chosen = setting(System.getProperty(CACHE_DIR_PROPERTY));
    chosen = chosen.isPresent() ? chosen : setting(System.getenv(CACHE_DIR_ENV));
    if (chosen.isPresent()) {
      return PrivateDirs.createOrVerify(chosen.get(), CACHE_PURPOSE, CACHE_REMEDY);
    }
    Optional<Path> home = userCache();
    if (home.isPresent()) {
      try {
        return PrivateDirs.createOrVerify(home.get(), CACHE_PURPOSE, CACHE_REMEDY);
      } catch (IOException e) {
        // A read-only or missing home (common for service users in containers).
        LOG.debug("Cannot create {} ({}); caching in {}", home.get(), e, runBase());
      }
    }
    return createRunBase();
  }

  /**
   * The parent of instance working directories: {@code <tmpdir>/planetscale-ci-emulator-<user>}.
   */
  public static Path runBase() {
    return Path.of(System.getProperty("java.io.tmpdir"), "planetscale-ci-emulator-" + userTag())
        .toAbsolutePath();
  }

  /** {@link #runBase()}, created owner-only or checked. */
  static Path createRunBase() throws IOException {
    return PrivateDirs.createOrVerify(runBase(), "directory for working files", RUN_REMEDY);
  }

  private static Optional<Path> userCache() {
    Optional<Path> xdg = setting(System.getenv("XDG_CACHE_HOME")).filter(Path::isAbsolute);
    if (xdg.isPresent()) {
      return Optional.of(xdg.get().resolve("planetscale-ci"));
    }
    Optional<Path> home = setting(System.getProperty("user.home")).filter(Files::isDirectory);
    return home.map(h -> h.resolve(".cache").resolve("planetscale-ci"));
  }

  private static Optional<Path> setting(String value) {
    if (value == null || value.isBlank() || value.equals("?")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(value).toAbsolutePath());
  }

  private static String userTag() {
    String name = System.getProperty("user.name", "");
    return name.matches("[A-Za-z0-9._-]{1,64}") ? name : "uid" + PrivateDirs.currentUid();
  }
}
