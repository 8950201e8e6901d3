package io.github.planetscaleci.emulator.api;

import java.util.List;

/** Small values shared by several API objects. */
public final class Common {
  private Common() {}

  /** A region; the emulator has exactly one, local. */
  public record Region(
      String id,
      String provider,
      boolean enabled,
      List<String> publicIpAddresses,
      String displayName,
      String location,
      String slug,
      boolean currentDefault,
      boolean mysqlSupported,
      boolean postgresqlSupported) {
    /** The emulator's only region. */
    public static final Region LOCAL =
        new Region(
            "emulatorlcl1",
            "Local",
            true,
            List.of("127.0.0.1"),
            "Local emulator",
            "localhost",
            "local",
            true,
            true,
            false);
  }

  /** Who did something; the emulator acts as one service-token actor. */
  public record Actor(String id, String displayName, String avatarUrl) {
    /** The emulator's only actor. */
    public static final Actor EMULATOR =
        new Actor(
            "emulatoractr",
            "planetscale-ci emulator",
            "https://app.planetscale.com/gravatar-fallback.png");
  }

  /** Error body of every failed call. */
  public record Error(String code, String message) {}

  /** A table's text, as in get_branch_schema and the diff endpoints. */
  public record TableText(String name, String html, String raw) {}

  /** A non-paginated {@code {"data": [...]}} envelope. */
  public record Data<T>(List<T> data) {}
}
