package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.client.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Delays between attempts: exponential backoff with full jitter, or the server's Retry-After. */
final class Backoff {
  private Backoff() {}

  /**
   * The full-jitter delay before attempt {@code attempt + 1}: uniform in [0, min(max, initial *
   * 2^(attempt-1))].
   */
  static Duration jittered(RetryPolicy policy, int attempt, double random) {
    long initial = policy.initialBackoff().toNanos();
    long cap = policy.maxBackoff().toNanos();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long ceiling = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
    return Duration.ofNanos((long) (ceiling * random));
  }

  /**
   * Parses {@code Retry-After}: delta seconds or an HTTP date; empty when absent or unreadable. A
   * date in the past means "now".
   */
  static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // absurdly large: fall back to our own backoff
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
