package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations such as {@code 90s}, {@code 10m}, {@code 1h30m} or {@code 2d}, the spelling the
 * GitHub Action uses too.
 */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhd])");

  private Durations() {}

  /** The duration, or null for a blank value. */
  static Duration parse(String value, String option) throws AbortException {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (end == 0 || end != s.length() || total.isZero()) {
      throw Failures.configuration(
          option
              + " must be a positive duration such as 90s, 10m, 1h30m or 2d, got '"
              + value
              + "'");
    }
    return total;
  }
}
