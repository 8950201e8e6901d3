package io.github.planetscaleci.emulator.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the real API writes them: ISO-8601 UTC with milliseconds and Z. */
public final class Times {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** Formats an instant, or returns null for null. */
  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
