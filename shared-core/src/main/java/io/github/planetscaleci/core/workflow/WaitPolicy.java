package io.github.planetscaleci.core.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often a workflow polls: a deadline, an interval that starts small and grows to a
 * cap, and a bound on the average request rate. Rate-limit answers stretch the next interval.
 *
 * @param timeout give up after this long (a TIMEOUT error)
 * @param initialInterval the first wait between polls
 * @param maxInterval the cap of the interval
 * @param maxRequestsPerSecond the average poll rate is kept at or below this
 */
public record WaitPolicy(
    Duration timeout, Duration initialInterval, Duration maxInterval, double maxRequestsPerSecond) {
  public WaitPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialInterval, "initialInterval");
    Objects.requireNonNull(maxInterval, "maxInterval");
    if (timeout.isNegative() || initialInterval.isNegative() || maxInterval.isNegative()) {
      throw new IllegalArgumentException("wait durations must not be negative");
    }
    if (!(maxRequestsPerSecond > 0)) {
      throw new IllegalArgumentException("maxRequestsPerSecond must be positive");
    }
  }

  /** 10 minutes, 250 ms growing to 5 s, at most one request per second on average. */
  public static WaitPolicy defaults() {
    return withTimeout(Duration.ofMinutes(10));
  }

  /** The default polling with another deadline. */
  public static WaitPolicy withTimeout(Duration timeout) {
    return new WaitPolicy(timeout, Duration.ofMillis(250), Duration.ofSeconds(5), 1.0);
  }
}
