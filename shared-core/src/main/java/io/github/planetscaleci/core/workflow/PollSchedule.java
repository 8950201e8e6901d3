package io.github.planetscaleci.core.workflow;

import java.util.Random;

/**
 * When to send the next poll of a wait.
 *
 * <p>The interval is {@value #GROWTH} times the time waited so far, clamped to the policy's initial
 * and maximum interval, with ±{@value #JITTER} jitter so that parallel builds drift apart. A poll
 * lands at a uniformly random point of its interval relative to the moment the resource becomes
 * ready, so the mean detection lag is half the interval: 4.5% of the wait. The first poll goes out
 * after the initial interval, so a resource that is ready at once (the emulator) costs 250 ms, not
 * a second; from then on the k-th poll is never sent before k / maxRequestsPerSecond seconds into
 * the wait, so the average request rate, measured at any later poll, stays at or below the policy's
 * bound (the second poll waits for the budget the first one borrowed). With the defaults (1
 * request/s) that makes the first 11 s a 1 s cadence, then 9% of elapsed up to the 5 s cap. After a
 * rate-limit answer the interval jumps to the cap and doubles on each further one, and never falls
 * below the server's Retry-After (at most a minute).
 */
final class PollSchedule {
  static final double GROWTH = 0.09;
  static final double JITTER = 0.1;
  static final long MAX_RATE_LIMIT_BACKOFF_NANOS = 60_000_000_000L;

  private final WaitPolicy policy;
  private final Random random;
  private int polls;
  private int rateLimitStreak;
  private long retryAfterNanos;

  PollSchedule(WaitPolicy policy, Random random) {
    this.policy = policy;
    this.random = random;
  }

  /** Nanoseconds into the wait at which the next poll should go out. */
  long nextPollAt(long elapsedNanos) {
    double initial = policy.initialInterval().toNanos();
    double max = Math.max(initial, policy.maxInterval().toNanos());
    double interval = Math.min(max, Math.max(initial, GROWTH * elapsedNanos));
    interval *= 1 + JITTER * (2 * random.nextDouble() - 1);
    interval = Math.min(interval, max);
    if (rateLimitStreak > 0) {
      double backoff = max * Math.pow(2, Math.min(rateLimitStreak - 1, 16));
      interval = Math.max(interval, Math.min(backoff, MAX_RATE_LIMIT_BACKOFF_NANOS));
    }
    // Asking again before the server's Retry-After would only be refused again.
    interval = Math.max(interval, retryAfterNanos);
    double budgetFloor = polls == 0 ? 0 : (polls + 1) * 1e9 / policy.maxRequestsPerSecond();
    return (long) Math.max(elapsedNanos + interval, budgetFloor);
  }

  /** Records a poll that was sent; {@code rateLimited} if the API answered 429. */
  void recordPoll(boolean rateLimited) {
    recordPoll(rateLimited, null);
  }

  /** Records a poll whose error answer asked to wait {@code retryAfter} (null: it did not). */
  void recordPoll(boolean rateLimited, java.time.Duration retryAfter) {
    polls++;
    rateLimitStreak = rateLimited ? rateLimitStreak + 1 : 0;
    retryAfterNanos =
        retryAfter == null
            ? 0
            : Math.min(retryAfter.toNanos(), PollSchedule.MAX_RATE_LIMIT_BACKOFF_NANOS);
  }

  int polls() {
    return polls;
  }
}
