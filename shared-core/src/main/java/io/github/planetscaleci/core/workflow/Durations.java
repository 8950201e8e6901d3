package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations users write in workflow files and Jenkinsfiles: {@code 90s}, {@code 10m},
 * {@code 1h30m}, {@code 2d}. One spelling for every wrapper.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhd])");

  private Durations() {}

  /**
   * The positive duration written in {@code value}, or null for a null or blank value.
   *
   * @param what the option's name, for the message
   * @throws ConfigurationException naming the option and showing valid spellings
   */
  public static Duration parse(String value, String what) {
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
      throw new ConfigurationException(
          what + " must be a positive duration such as 90s, 10m, 1h30m or 2d, got '" + value + "'");
    }
    return total;
  }
}
