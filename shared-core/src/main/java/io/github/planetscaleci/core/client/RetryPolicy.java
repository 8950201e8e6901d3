package io.github.planetscaleci.core.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries of 429, 502, 503, 504 and connection failures: exponential backoff with full jitter,
 * honouring {@code Retry-After}, all within {@code totalDeadline}.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration totalDeadline) {
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(totalDeadline, "totalDeadline");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** 6 attempts, 250 ms doubling to 8 s, within 60 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        6, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }
}
