package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.Objects;

/**
 * The hidden first line that identifies the one sticky pull-request comment per database and target
 * branch, e.g. {@code <!-- planetscale-ci:deploy-request acme/app into main -->}.
 *
 * <p>A comment matches only when its first line is the marker, so a marker quoted inside a diff or
 * someone else's text never matches.
 */
public record CommentMarker(DatabaseRef database, String intoBranch) {
  private static final String PREFIX = "<!-- planetscale-ci:deploy-request ";

  public CommentMarker {
    Objects.requireNonNull(database, "database");
    intoBranch = intoBranch == null || intoBranch.isBlank() ? "default" : intoBranch;
  }

  /** The marker line, with every character outside {@code [A-Za-z0-9._-]} replaced by _. */
  public String line() {
    return PREFIX
        + safe(database.organization())
        + "/"
        + safe(database.database())
        + " into "
        + safe(intoBranch)
        + " -->";
  }

  /** True when the first line of {@code body} is exactly this marker. */
  public boolean isFirstLineOf(String body) {
    return firstLineIs(body, line());
  }

  /** True when the first line of {@code body} (ignoring a trailing CR) equals {@code marker}. */
  public static boolean firstLineIs(String body, String marker) {
    if (body == null || marker == null || !body.startsWith(marker)) {
      return false;
    }
    String rest = body.substring(marker.length());
    return rest.isEmpty() || rest.startsWith("\n") || rest.startsWith("\r\n");
  }

  private static String safe(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 100));
    for (int i = 0; i < s.length() && i < 100; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      b.append(ok ? c : '_');
    }
    return b.toString();
  }
}
