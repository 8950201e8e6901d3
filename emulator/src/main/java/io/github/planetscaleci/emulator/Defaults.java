package io.github.planetscaleci.emulator;

/** The service token accepted when none is configured, documented in the README for local use. */
public final class Defaults {
  /** Token id accepted when no token is configured. */
  public static final String TOKEN_ID = "emulator";

  /** Token secret accepted when no token is configured; local use only, never a real secret. */
  public static final String TOKEN_SECRET = "emulator-local-secret";

  private Defaults() {}
}
