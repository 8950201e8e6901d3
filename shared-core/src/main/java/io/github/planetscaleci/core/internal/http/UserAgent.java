package io.github.planetscaleci.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} header: {@code planetscale-ci/<version>} plus the caller's suffix. */
final class UserAgent {
  static final String PRODUCT = "planetscale-ci";
  private static final String RESOURCE =
      "/io/github/planetscaleci/core/internal/version.properties";

  private UserAgent() {}

  static String of(String suffix) {
    String base = PRODUCT + "/" + version();
    String s = suffix == null ? "" : suffix.replaceAll("[\\p{Cntrl}]", "").trim();
    return s.isEmpty() ? base : base + " " + s;
  }

  /** The version Maven filtered into a resource, else the jar manifest's, else {@code dev}. */
  static String version() {
    try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "").trim();
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String manifest = UserAgent.class.getPackage().getImplementationVersion();
    return manifest == null || manifest.isBlank() ? "dev" : manifest;
  }
}
