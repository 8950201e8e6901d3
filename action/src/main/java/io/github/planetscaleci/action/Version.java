package io.github.planetscaleci.action;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, read from a resource Maven filters at build time. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code dev} if the resource is missing. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
